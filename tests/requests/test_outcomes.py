"""Every outcome of Art. 36: what answering needs, the letter each one
produces from the administrators' templates, and the letters of the
correction and the extension."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.helpers import auth
from tests.helpers import body
from tests.requests.helpers import docx_text
from tests.requests.helpers import make_catalog
from tests.requests.helpers import make_request
from tests.requests.helpers import move
from zhengwu.requests import letters
from zhengwu.requests.kinds import OUTCOMES
from zhengwu.requests.kinds import reason_title
from zhengwu.requests.kinds import REASONS
from zope.globalrequest import getRequest
from zope.i18n import translate
import pytest
import requests
import transaction


@pytest.fixture
def catalog(portal):
    return make_catalog(portal)


def letter_text(obj, kind="answer"):
    filename, data = letters.letter(obj, kind, getRequest())
    assert filename == f"{obj.tracking_number}-{kind}.docx"
    assert data[:2] == b"PK"
    return docx_text(data)


# The article each outcome's default letter cites.
ARTICLES = {
    "disclosed": "第三十六条第（二）项",
    "partially_disclosed": "第三十七条",
    "not_disclosed": "第三十六条第（三）项",
    "not_exist": "第三十六条第（四）项",
    "not_processed": "第三十九条",
    "other": "作如下处理",
}


@pytest.mark.parametrize("outcome", [o for o, _t in OUTCOMES])
def test_each_outcome_answers_with_its_letter(catalog, outcome):
    obj, _code = make_request(catalog, "registered")
    reasons = REASONS[outcome]
    if reasons:
        with pytest.raises(WorkflowException):
            move(obj, "answer", outcome=outcome, outcome_reason=None)
        # A reason of another outcome does not do.
        foreign = "not_held" if outcome != "not_exist" else "state_secret"
        with pytest.raises(WorkflowException):
            move(obj, "answer", outcome_reason=foreign)
    reason = reasons[-1][0] if reasons else None
    move(obj, "answer", outcome=outcome, outcome_reason=reason, reply=f"答复正文：{outcome}")
    assert api.content.get_state(obj) == "answered" and obj.answered_date
    text = letter_text(obj)
    assert ARTICLES[outcome] in text
    assert f"答复正文：{outcome}" in text
    assert obj.tracking_number in text and "李秀英" in text
    assert "行政复议" in text  # the applicant's remedies
    if reason and outcome != "disclosed":
        assert f"（{translate(reason_title(outcome, reason), context=getRequest())}）" in text


def test_answering_needs_an_outcome(catalog):
    obj, _code = make_request(catalog, "registered")
    with pytest.raises(WorkflowException):
        move(obj, "answer")
    assert api.content.get_state(obj) == "registered"


def test_only_stages_reached_have_letters(catalog):
    obj, _code = make_request(catalog, "registered")
    assert letters.available(obj, "registered") == []
    move(obj, "request_correction", comment="请写明文件名称或文号")
    assert letters.available(obj, "awaiting_correction") == ["correction"]
    text = letter_text(obj, "correction")
    assert "请写明文件名称或文号" in text and "第三十条" in text
    move(obj, "receive_correction")
    move(obj, "extend", comment="需要调取档案")
    text = letter_text(obj, "extension")
    assert "需要调取档案" in text and "延长20个工作日" in text
    assert obj.due_date.year and f"{obj.due_date.month}月{obj.due_date.day}日" in text


def test_the_templates_are_the_administrators(catalog):
    obj, _code = make_request(catalog, "answered")
    api.portal.set_registry_record(
        "zhengwu.requests.letter_disclosed",
        "致${applicant}：${organ}已公开。编号${tracking_number}。",
    )
    text = letter_text(obj)
    assert f"致李秀英：测试局已公开。编号{obj.tracking_number}。" in text


def test_an_organization_is_addressed_by_its_name(catalog):
    obj, _code = make_request(
        catalog,
        "answered",
        applicant_type="organization",
        organization_type="business",
        organization_name="示例科技有限公司",
        credit_code="91110000MA01ABCD1M",
    )
    assert "\n示例科技有限公司：" in letter_text(obj)


def test_a_template_with_an_unknown_placeholder_is_refused(functional_portal):
    url = f"{functional_portal.absolute_url()}/@controlpanels/zhengwu-requests"
    headers = {"Accept": "application/json", "Content-Type": "application/json"}
    bad = requests.patch(
        url,
        json={"letter_disclosed": "${applicant}：见${attachment_list}"},
        headers=headers,
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert bad.status_code == 400, bad.text
    assert "placeholder" in body(bad) or "占位" in body(bad)
    good = requests.patch(
        url,
        json={"letter_disclosed": "${applicant}：已公开。", "correction_days": 10},
        headers=headers,
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert good.status_code == 204, good.text
    transaction.begin()
    assert api.portal.get_registry_record("zhengwu.requests.correction_days") == 10
    for userid in ("officer", "editor", "Anonymous"):
        refused = requests.patch(
            url, json={"correction_days": 30}, headers=headers, auth=auth(userid), timeout=60
        )
        assert refused.status_code in (401, 403), userid
