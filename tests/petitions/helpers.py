"""Mailboxes and petitions for the tests."""

from plone import api
from zhengwu.petitions import submission
from zhengwu.submissions import throttle
from zope.globalrequest import getRequest
import itertools


_ids = itertools.count(1)

MESSAGE = {
    "category": "consultation",
    "title": "关于小区旁道路施工噪音的咨询",
    "content": "夜间施工噪音很大，请问施工许可的作业时间是怎样规定的？",
    "submitter_name": "张三丰",
    "phone": "13812345678",
    "email": "zhangsanfeng@example.com",
    "id_number": "11010519491231002X",
    "address": "示例市人民路88号3栋",
    "publish_consent": True,
}
PERSONAL_VALUES = (
    "张三丰",
    "13812345678",
    "zhangsanfeng@example.com",
    "11010519491231002X",
    "人民路88号",
)

# Who moves a petition along, transition by transition.
PATH_TO = {
    "submitted": [],
    "accepted": [("accept", "handler")],
    "rejected": [("reject", "handler")],
    "assigned": [("accept", "handler"), ("assign", "handler")],
    "reply_pending": [("accept", "handler"), ("assign", "handler"), ("submit_reply", "responder")],
    "answered": [
        ("accept", "handler"),
        ("assign", "handler"),
        ("submit_reply", "responder"),
        ("approve_reply", "handler"),
    ],
}
PATH_TO["published"] = PATH_TO["answered"] + [("publish", "handler")]
PATH_TO["closed"] = PATH_TO["answered"] + [("close", "handler")]


def make_box(portal, container=None, **fields):
    dept = portal["zh-cn"]["dept"]
    with api.env.adopt_roles(["Manager"]):
        box = api.content.create(
            container=container if container is not None else portal["zh-cn"],
            type="PetitionBox",
            id=f"box-{next(_ids)}",
            title="局长信箱",
            department=dept.UID(),
            **fields,
        )
        api.content.transition(box, transition="publish")
    return box


def make_petition(box, state="submitted", department=None, **changes):
    """A petition submitted to ``box`` as the public does, moved to ``state``;
    ``(petition, query_code)``."""
    throttle.SUBMISSIONS.reset()
    data = dict(MESSAGE, **changes)
    with api.env.adopt_user(username="handler"):
        pass  # users exist
    petition, code, errors = submission.submit(box, data, getRequest())
    assert not errors, errors
    for transition, userid in PATH_TO[state]:
        with api.env.adopt_user(username=userid):
            if transition == "assign" and not petition.assigned_department:
                petition.assigned_department = department or box.department
            if transition == "submit_reply" and not petition.reply:
                petition.reply = "经核实，该工地夜间施工已取得夜间施工许可，作业时间为22时前。"
            api.portal.get_tool("portal_workflow").doActionFor(
                petition, transition, comment="处理意见"
            )
    assert api.content.get_state(petition) == state
    return petition, code
