"""Demo disclosure requests (part of ``zhengwu:demo``): requests to the city
government's catalog in every state, submitted the way the public submits
them and handled by the demo disclosure officer, with receipt dates spread
over this year and the last so that the worklist and the annual report
have something to show."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.namedfile.file import NamedBlobFile
from zhengwu import clock
from zhengwu.requests import statutory_clock
from zhengwu.requests import submission
from zhengwu.submissions import throttle
from zope.globalrequest import getRequest


CATALOG = "szf"
OFFICER = "officer"

CITIZEN = {
    "applicant_type": "citizen",
    "id_type": "resident_id",
    "id_number": "11010519491231002X",
    "delivery_form": "email",
}
APPLICANTS = (
    dict(CITIZEN, applicant_name="周建国", phone="13800000011", email="zjg@example.com"),
    dict(CITIZEN, applicant_name="吴丽", phone="13900000012", email="wuli@example.com"),
    {
        "applicant_type": "organization",
        "organization_type": "legal_service",
        "organization_name": "示例市明理律师事务所",
        "credit_code": "91110000MA01ABCD1M",
        "applicant_name": "郑律师",
        "phone": "0999-88886666",
        "delivery_form": "post",
        "address": "示例市和平路12号",
    },
    {
        "applicant_type": "organization",
        "organization_type": "business",
        "organization_name": "示例科技有限公司",
        "credit_code": "91110000MA01ABCD1M",
        "applicant_name": "冯经理",
        "phone": "0999-66668888",
        "delivery_form": "online",
    },
)

# Received on this day of last year, whatever today is: last year's annual
# report (the report page's default year) always has a request to show.
LAST_YEAR = (5, 12)

# state, information requested, days since receipt (or LAST_YEAR), outcome,
# reason, reply
REQUESTS = (
    (
        "archived",
        "2025年城区老旧小区改造项目的资金安排",
        LAST_YEAR,
        "disclosed",
        None,
        "现将2025年老旧小区改造资金安排表提供给您，详见附件。",
    ),
    (
        "answered",
        "人民路拓宽工程的立项批复和环评批复文件",
        70,
        "partially_disclosed",
        "third_party",
        "立项批复予以公开；环评报告中涉及建设单位商业秘密的部分不予公开。",
    ),
    (
        "answered",
        "2019年本市某次内部会议的会议记录",
        55,
        "not_disclosed",
        "internal_affairs",
        "您申请的会议记录属于内部事务信息，不予公开。",
    ),
    (
        "answered",
        "1985年本市旧城改造的全部原始档案",
        45,
        "not_exist",
        "not_held",
        "经检索，本机关未制作、获取该信息。",
    ),
    ("extended", "2026年市级财政专项资金分配明细", 24, None, None, ""),
    ("consulting", "示例科技有限公司参与政府采购项目的投标文件", 12, None, None, ""),
    ("awaiting_correction", "关于那个项目的所有文件", 3, None, None, ""),
    ("registered", "本市2026年征兵工作的名额分配情况", 6, None, None, ""),
    ("received", "本市公共租赁住房的分配名单公示情况", 0, None, None, ""),
)


def _received(days_ago):
    today = clock.today()
    if days_ago is LAST_YEAR:
        return date(today.year - 1, *LAST_YEAR)
    return today - timedelta(days=days_ago)


def _do(obj, transition, comment="同意"):
    with api.env.adopt_user(username=OFFICER):
        api.portal.get_tool("portal_workflow").doActionFor(obj, transition, comment=comment)


def create(root, departments):
    catalog = root["xxgk"][CATALOG]
    if any(o.portal_type == "DisclosureRequest" for o in catalog.objectValues()):
        return
    request = getRequest()
    for number, (state, information, days_ago, outcome, reason, reply) in enumerate(REQUESTS):
        throttle.SUBMISSIONS.reset()
        data = dict(APPLICANTS[number % len(APPLICANTS)], requested_information=information)
        obj, _code, errors = submission.submit(catalog, data, request)
        if errors:
            raise ValueError(errors)
        if state == "received":
            continue
        _do(obj, "register", "已确认收到")
        received = _received(days_ago)
        obj.received_date = received
        statutory_clock.start(obj, received)
        if state == "awaiting_correction":
            _do(obj, "request_correction", "请写明项目名称、文件名称或文号，以便我们查找。")
        elif state == "consulting":
            _do(obj, "consult", "涉及示例科技有限公司商业秘密，已书面征求其意见。")
        elif state == "extended":
            _do(obj, "extend", "涉及多个部门的数据，需要汇总核对，经负责人同意延期答复。")
        elif outcome:
            with api.env.adopt_user(username=OFFICER):
                obj.outcome, obj.outcome_reason, obj.reply = outcome, reason, reply
                if outcome in ("disclosed", "partially_disclosed"):
                    obj.reply_attachments = [
                        NamedBlobFile(data=b"%PDF-1.4\n% demo\n", filename="提供的政府信息.pdf")
                    ]
            _do(obj, "answer", "按期答复")
            obj.answered_date = min(received + timedelta(days=14), clock.today())
            if state == "archived":
                _do(obj, "archive", "归档")
        obj.reindexObject()
    throttle.SUBMISSIONS.reset()
