"""Disclosure catalogs and requests for the tests."""

from io import BytesIO
from plone import api
from xml.sax.saxutils import unescape
from zhengwu.requests import submission
from zhengwu.submissions import throttle
from zope.globalrequest import getRequest
import itertools
import re
import zipfile


_ids = itertools.count(1)

APPLICATION = {
    "applicant_type": "citizen",
    "applicant_name": "李秀英",
    "id_type": "resident_id",
    "id_number": "11010519491231002X",
    "phone": "13912345678",
    "email": "lixiuying@example.com",
    "address": "示例市和平路12号",
    "requested_information": "2025年本市老旧小区改造项目的资金安排和实施计划",
    "delivery_form": "email",
}
ORGANIZATION = {
    "applicant_type": "organization",
    "organization_type": "legal_service",
    "organization_name": "示例市明理律师事务所",
    "credit_code": "91110000MA01ABCD1M",
    "applicant_name": "王律师",
    "phone": "010-88886666",
    "requested_information": "示例市2025年行政处罚决定书（环保类）",
    "delivery_form": "online",
}
PERSONAL_VALUES = (
    "李秀英",
    "11010519491231002X",
    "13912345678",
    "lixiuying@example.com",
    "和平路12号",
)

# Who moves a request along, transition by transition.
PATH_TO = {
    "received": [],
    "registered": [("register", "officer")],
    "awaiting_correction": [("register", "officer"), ("request_correction", "officer")],
    "consulting": [("register", "officer"), ("consult", "officer")],
    "extended": [("register", "officer"), ("extend", "officer")],
    "answered": [("register", "officer"), ("answer", "officer")],
}
PATH_TO["archived"] = PATH_TO["answered"] + [("archive", "officer")]


def make_catalog(portal, container=None, department="dept"):
    organ = portal["zh-cn"][department]
    with api.env.adopt_roles(["Manager"]):
        catalog = api.content.create(
            container=container if container is not None else portal["zh-cn"],
            type="DisclosureCatalog",
            id=f"catalog-{next(_ids)}",
            title="政府信息公开目录",
            organ=organ.UID(),
        )
        api.content.transition(catalog, transition="publish")
    return catalog


def apply(catalog, **changes):
    """A request submitted to ``catalog`` as the public does; ``(obj, code)``."""
    throttle.SUBMISSIONS.reset()
    data = dict(APPLICATION, **changes)
    obj, code, errors = submission.submit(catalog, data, getRequest())
    assert not errors, errors
    return obj, code


def move(obj, transition, userid="officer", comment="处理意见", **fields):
    with api.env.adopt_user(username=userid):
        for name, value in fields.items():
            setattr(obj, name, value)
        api.portal.get_tool("portal_workflow").doActionFor(obj, transition, comment=comment)


def make_request(catalog, state="received", **changes):
    obj, code = apply(catalog, **changes)
    for transition, userid in PATH_TO[state]:
        fields = {}
        if transition == "answer" and not obj.outcome:
            fields = {"outcome": "disclosed", "reply": "现将相关信息提供给您。"}
        move(obj, transition, userid, **fields)
    assert api.content.get_state(obj) == state
    return obj, code


def docx_text(data):
    """The text of a .docx letter (zhengwu.requests.docx), a line a paragraph."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return "\n".join(
        unescape("".join(re.findall(r"<w:t[^>]*>(.*?)</w:t>", p)))
        for p in re.findall(r"<w:p>(.*?)</w:p>", xml)
    )
