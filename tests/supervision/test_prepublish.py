"""Checks before publishing (三审三校, issue 15 item 4): forbidden and
reviewed wording, personal data in text and attachments, forged dates —
on every channel (Python, REST, the classic transition form), audited."""

from DateTime import DateTime
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.helpers import auth
from tests.helpers import body
from zhengwu.review.audit_log import IAuditLog
from zhengwu.supervision.prepublish import personal_data
from zhengwu.supervision.prepublish import wording
from zhengwu.supervision.prepublish.texts import docx_text
from zhengwu.testing import TEST_PASSWORD
from zope.component import getUtility
import io
import itertools
import pytest
import re
import requests
import transaction
import zipfile


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
VALID_ID = "11010519491231002X"  # GB 11643 check character X
INVALID_ID = "110105194912310021"  # same number, wrong check character
CARD = "6222021234567890128"  # 19 digits, passes Luhn
_ids = itertools.count(1)


def pdf(text):
    """A one-page PDF showing ``text`` (ASCII), written by hand."""
    stream = f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode()
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
        + b"4 0 obj<</Length %d>>stream\n" % len(stream)
        + stream
        + b"\nendstream endobj\n"
        b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def docx(*paragraphs):
    """A minimal DOCX holding ``paragraphs``."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{ns}"><w:body>{xml}</w:body></w:document>'
        )
    return data.getvalue()


# Detection, without a site


def test_a_valid_resident_id_is_found_and_an_invalid_one_is_not():
    assert [f.kind for f in personal_data.find(f"身份证号：{VALID_ID}。")] == ["resident_id"]
    assert personal_data.find(f"身份证号：{INVALID_ID}。") == []
    # a valid check character on an impossible date of birth is no ID number
    assert not personal_data.is_resident_id("110105194913310024")
    found = personal_data.find(f"号码{VALID_ID.lower()}")
    assert found and found[0].masked == "110105********002X"


def test_luhn_bank_cards():
    assert personal_data.luhn("4111111111111111")
    assert not personal_data.luhn("4111111111111112")
    for text in (CARD, "6222 0212 3456 7890 128", "4111-1111-1111-1111"):
        assert [f.kind for f in personal_data.find(f"账号：{text}")] == ["bank_card"], text
    assert personal_data.find("账号：4111111111111112") == []
    # an ID number that happens to pass Luhn is reported as an ID number only
    kinds = [f.kind for f in personal_data.find(f"证件{VALID_ID}")]
    assert kinds == ["resident_id"]


def test_mobile_numbers():
    for text in ("13800138000", "138 0013 8000", "+86 13800138000", "8613800138000"):
        found = personal_data.find(f"联系电话{text}，")
        assert [f.kind for f in found] == ["mobile"], text
        assert found[0].masked == "138****8000"
    # landlines, hotlines, longer numbers and numbers inside codes are not mobiles
    for text in ("0571-87654321", "12345", "138001380001", "MB13800138000", "2138001380000"):
        assert personal_data.find(f"电话{text}") == [], text
    # an article's id in a web address is no mobile number
    assert personal_data.find("见 https://www.example.gov.cn/art/13800138000.html 。") == []


def test_wording_lines_and_occurrences():
    listed = wording.expressions(["北朝鲜|朝鲜", " 据悉 ", "", "两岸三地｜海峡两岸和香港、澳门"])
    assert [(e.text, e.hint) for e in listed] == [
        ("北朝鲜", "朝鲜"),
        ("据悉", ""),
        ("两岸三地", "海峡两岸和香港、澳门"),
    ]
    found = wording.occurrences("代表团今日访问北\n朝鲜首都平壤，据悉将停留三天。", listed)
    assert [o.expression.text for o in found] == ["北朝鲜", "据悉"]
    assert "访问北朝鲜首都" in found[0].excerpt
    assert wording.occurrences("朝鲜半岛局势", listed) == []


def test_docx_text_without_a_converter():
    assert docx_text(docx("第一段", f"身份证号{VALID_ID}")) == f"第一段\n身份证号{VALID_ID}"


# On the site, through the workflow (Python)


def new_item(portal, portal_type="Document", title="关于开展政务公开检查的通知", **fields):
    with api.env.adopt_user(username="author"):
        return api.content.create(
            container=portal["zh-cn"]["dept"],
            type=portal_type,
            id=f"check-{next(_ids)}",
            title=title,
            **fields,
        )


def move(item, transition, userid, **kwargs):
    with api.env.adopt_user(username=userid):
        api.portal.get_tool("portal_workflow").doActionFor(
            item, transition, comment="同意", **kwargs
        )


def audit(action, item):
    path = "/".join(item.getPhysicalPath())
    return list(getUtility(IAuditLog).search(action=action, path=path))


def test_a_forbidden_expression_refuses_submit(portal):
    item = new_item(portal, title="代表团访问北朝鲜")
    with pytest.raises(WorkflowException, match="北朝鲜"):
        move(item, "submit", "author")
    assert api.content.get_state(item) == "private"
    # in the rich text the same, and the place is named
    item = new_item(portal, text=RichTextValue("<p>推进<b>两岸三地</b>交流</p>", "text/html"))
    with pytest.raises(WorkflowException, match="两岸三地"):
        move(item, "submit", "author")


def test_an_expression_to_review_is_acknowledged_at_each_level_and_audited(portal):
    item = new_item(portal, description="据悉，本市将于下月开展检查。")
    move(item, "submit", "author")  # the author is shown it; nothing to acknowledge
    for transition, userid in (("approve_first", "first"), ("approve_second", "second")):
        with pytest.raises(WorkflowException):
            move(item, transition, userid)
        move(item, transition, userid, acknowledge_warnings=True)
        entries = audit("acknowledge_warnings", item)
        assert entries[0]["actor"] == userid
        assert "据悉" in entries[0]["comment"] and transition in entries[0]["comment"]
    with pytest.raises(WorkflowException):
        move(item, "publish", "final")
    move(item, "publish", "final", acknowledge_warnings=True)
    assert api.content.get_state(item) == "published"
    assert len(audit("acknowledge_warnings", item)) == 3


def test_nobody_approves_their_own_work_even_acknowledging(portal):
    from zhengwu.site.department_groups import department_groups

    dept = portal["zh-cn"]["dept"]
    api.group.add_user(groupname=department_groups(dept)["first-reviewers"], username="author")
    item = new_item(portal, description="据悉，本市将于下月开展检查。")
    move(item, "submit", "author")
    with pytest.raises(WorkflowException):
        move(item, "approve_first", "author", acknowledge_warnings=True)
    assert api.content.get_state(item) == "pending_first"
    assert audit("acknowledge_warnings", item) == []


def file_item(portal, data, filename):
    return new_item(
        portal,
        portal_type="File",
        title="补贴发放名单",
        file=NamedBlobFile(data, filename=filename),
    )


def to_pending_final(item):
    move(item, "submit", "author")
    move(item, "approve_first", "first", acknowledge_warnings=True)
    move(item, "approve_second", "second", acknowledge_warnings=True)


def test_an_id_number_in_an_attached_pdf_blocks_publication(portal):
    item = file_item(portal, pdf(f"Zhang San {VALID_ID}"), "名单.pdf")
    from zhengwu.review.checks import findings

    found = findings(item, "publish")
    assert [(f.kind, f.severity, f.field) for f in found] == [("resident_id", "override", "file")]
    move(item, "submit", "author")
    with pytest.raises(WorkflowException):  # a reviewer must acknowledge it
        move(item, "approve_first", "first")
    move(item, "approve_first", "first", acknowledge_warnings=True)
    move(item, "approve_second", "second", acknowledge_warnings=True)
    with pytest.raises(WorkflowException):  # no reason: refused
        move(item, "publish", "final")
    with pytest.raises(WorkflowException):  # a blank reason is none
        move(item, "publish", "final", override_reason="   ")
    assert api.content.get_state(item) == "pending_final"
    assert audit("prepublish_override", item) == []


def test_an_override_by_a_final_approver_with_a_reason_is_audited_and_publishes(portal):
    item = file_item(portal, pdf(f"Card {CARD} ID {VALID_ID}"), "名单.pdf")
    to_pending_final(item)
    move(item, "publish", "final", override_reason="依法公示的补贴名单，已征得本人同意")
    assert api.content.get_state(item) == "published"
    (entry,) = audit("prepublish_override", item)
    assert entry["actor"] == "final"
    assert "依法公示的补贴名单" in entry["comment"]
    assert "resident_id" in entry["comment"] and "bank_card" in entry["comment"]
    assert VALID_ID not in entry["comment"] and CARD not in entry["comment"]


def test_an_override_by_someone_not_a_final_approver_is_refused(portal):
    item = file_item(portal, pdf(f"ID {VALID_ID}"), "名单.pdf")
    to_pending_final(item)
    # a Manager may publish, but is no 签发人: no override
    api.user.create(username="boss", email="boss@example.gov.cn", password=TEST_PASSWORD)
    setRoles(portal, "boss", ["Member", "Manager"])
    with pytest.raises(WorkflowException, match="final approver|签发人"):
        move(item, "publish", "boss", override_reason="管理员决定公开")
    assert api.content.get_state(item) == "pending_final"


def test_personal_data_in_docx_and_txt_attachments(portal):
    from zhengwu.review.checks import findings

    item = file_item(portal, docx("联系人", "手机 13800138000"), "通知.docx")
    assert [f.kind for f in findings(item, "publish")] == ["mobile"]
    item = file_item(portal, f"账号 {CARD}".encode("gb18030"), "名单.txt")
    assert [f.kind for f in findings(item, "publish")] == ["bank_card"]
    item = file_item(portal, pdf(f"ID {INVALID_ID}"), "名单.pdf")
    assert findings(item, "publish") == []


def test_an_unreadable_attachment_is_shown_and_blocks_nothing(portal):
    from zhengwu.review.checks import findings

    item = file_item(portal, b"%PDF-1.4 broken", "扫描件.pdf")
    found = findings(item, "publish")
    assert [(f.kind, f.severity) for f in found] == [("unread", "notice")]
    to_pending_final(item)
    move(item, "publish", "final")
    assert api.content.get_state(item) == "published"


def test_an_effective_date_before_creation_is_refused(portal):
    item = new_item(portal)
    item.setEffectiveDate(item.created() - 3)
    with pytest.raises(WorkflowException, match="backdated|倒签|早于"):
        move(item, "submit", "author")
    # the same day is no forgery
    item.setEffectiveDate(item.created() - 1 / 24 / 60)
    if item.effective().Date() == item.created().Date():
        move(item, "submit", "author")
        assert api.content.get_state(item) == "pending_first"


def test_a_future_effective_date_is_a_warning(portal):
    item = new_item(portal)
    item.setEffectiveDate(DateTime() + 30)
    move(item, "submit", "author")
    with pytest.raises(WorkflowException):
        move(item, "approve_first", "first")
    move(item, "approve_first", "first", acknowledge_warnings=True)
    assert api.content.get_state(item) == "pending_second"


def test_the_word_lists_are_settings(portal):
    item = new_item(portal, title="关于开展政务公开检查的通知")
    api.portal.set_registry_record("zhengwu.prepublish.forbidden_expressions", ["政务公开检查"])
    with pytest.raises(WorkflowException, match="政务公开检查"):
        move(item, "submit", "author")
    api.portal.set_registry_record("zhengwu.prepublish.forbidden_expressions", [])
    move(item, "submit", "author")


def test_other_workflows_are_not_checked(portal):
    from zhengwu.review.checks import findings

    box_item = new_item(portal, title="访问北朝鲜")
    assert findings(box_item, "reject") == []
    assert findings(box_item, "submit")


# REST and the classic UI


@pytest.fixture
def committed(functional_portal):
    """committed(**fields) -> a new item, committed for the server."""

    def make(portal_type="Document", state="private", **fields):
        transaction.begin()
        item = new_item(functional_portal, portal_type=portal_type, **fields)
        if state == "pending_final":
            to_pending_final(item)
        elif state == "pending_first":
            move(item, "submit", "author")
        transaction.commit()
        return item

    return make


def post(item, transition, userid, **data):
    return requests.post(
        f"{item.absolute_url()}/@workflow/{transition}",
        json={"comment": "同意", **data},
        headers=JSON,
        auth=auth(userid),
        timeout=60,
    )


def state(item):
    transaction.begin()
    return api.content.get_state(item)


def test_rest_submit_with_a_forbidden_expression_is_a_400_naming_it(committed):
    item = committed(text=RichTextValue("<p>加强与南朝鲜的交流</p>", "text/html"))
    response = post(item, "submit", "author")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == "text"
    assert "南朝鲜" in error["message"] and "韩国" in error["message"]
    assert error["errors"][0]["field"] == "text"
    assert state(item) == "private"


def test_rest_a_backdated_effective_date_in_the_body_is_refused_untouched(committed):
    item = committed()
    before = item.effective_date
    response = post(item, "submit", "author", effective="2001-01-01T10:00:00")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "effective"
    assert state(item) == "private"
    assert item.effective_date == before


def test_rest_acknowledgement_and_override(committed):
    item = committed(portal_type="File", state="pending_first", file=None)
    transaction.begin()
    item.file = NamedBlobFile(pdf(f"ID {VALID_ID}"), filename="名单.pdf")
    item.description = "据悉，名单如下。"
    transaction.commit()
    response = post(item, "approve_first", "first")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "acknowledge_warnings"
    assert {e["field"] for e in error["errors"]} == {"description", "file"}
    assert "110105********002X" in body(response) and VALID_ID not in body(response)
    response = post(item, "approve_first", "first", acknowledge_warnings="yes")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "acknowledge_warnings"
    response = post(item, "approve_first", "first", acknowledge_warnings=True)
    assert response.status_code == 200, body(response)
    assert post(item, "approve_second", "second", acknowledge_warnings=True).status_code == 200
    response = post(item, "publish", "final", acknowledge_warnings=True)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "override_reason"
    response = requests.post(  # the site owner, a Manager, is no 签发人
        f"{item.absolute_url()}/@workflow/publish",
        json={"comment": "同意", "acknowledge_warnings": True, "override_reason": "x"},
        headers=JSON,
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=60,
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "override_reason"
    assert state(item) == "pending_final"
    response = post(
        item, "publish", "final", acknowledge_warnings=True, override_reason="本人同意公开"
    )
    assert response.status_code == 200, body(response)
    assert state(item) == "published"
    (entry,) = audit("prepublish_override", item)
    assert entry["actor"] == "final" and "本人同意公开" in entry["comment"]


def form_token(session, url, transition):
    page = session.get(f"{url}/@@zhengwu-transition", params={"workflow_action": transition})
    return page, re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)


def ui_post(session, url, transition, token, **data):
    return session.post(
        f"{url}/@@zhengwu-transition",
        data={
            "workflow_action": transition,
            "comment": "同意",
            "form.buttons.confirm": "confirm",
            "_authenticator": token,
            **data,
        },
        timeout=60,
    )


def test_classic_form_a_forbidden_expression_is_a_form_error(committed):
    item = committed(title="关于台湾总统选举的报道")
    session = requests.Session()
    session.auth = auth("author")
    page, token = form_token(session, item.absolute_url(), "submit")
    assert 'id="zhengwu-transition-checks"' in body(page)
    response = ui_post(session, item.absolute_url(), "submit", token)
    assert response.status_code == 200
    text = body(response)
    assert 'id="zhengwu-transition-error"' in text
    assert "台湾总统" in text and "台湾地区领导人" in text
    assert state(item) == "private"


def test_classic_form_acknowledgement_checkbox(committed):
    item = committed(state="pending_first", description="据悉，本市将开展检查。")
    session = requests.Session()
    session.auth = auth("first")
    url = item.absolute_url()
    page, token = form_token(session, url, "approve_first")
    assert 'name="acknowledge_warnings"' in body(page)
    response = ui_post(session, url, "approve_first", token)
    assert 'id="zhengwu-transition-error"' in body(response)
    assert state(item) == "pending_first"
    ui_post(session, url, "approve_first", token, acknowledge_warnings="on")
    assert state(item) == "pending_second"
    (entry,) = audit("acknowledge_warnings", item)
    assert entry["actor"] == "first"


def test_the_viewlet_shows_the_findings_to_reviewers_only(committed):
    item = committed(state="pending_first", description="联系人手机13800138000，据悉属实。")
    session = requests.Session()
    session.auth = auth("first")
    text = body(session.get(item.absolute_url(), timeout=60))
    assert 'id="zhengwu-prepublish"' in text
    assert "138****8000" in text and "据悉" in text
    # the author sees them while the item is theirs to edit
    draft = committed(description="据悉属实。")
    session.auth = auth("author")
    assert 'id="zhengwu-prepublish"' in body(session.get(draft.absolute_url(), timeout=60))
    # a published item shows nothing
    transaction.begin()
    move(item, "approve_first", "first", acknowledge_warnings=True)
    move(item, "approve_second", "second", acknowledge_warnings=True)
    move(item, "publish", "final", acknowledge_warnings=True, override_reason="公开的服务电话")
    transaction.commit()
    published = requests.get(item.absolute_url(), timeout=60)
    assert published.status_code == 200
    assert 'id="zhengwu-prepublish"' not in body(published)


def test_the_control_panel_is_for_administrators(functional_portal):
    url = f"{functional_portal.absolute_url()}/@@zhengwu-publishing-checks"
    response = requests.get(url, auth=auth("siteadmin"), timeout=60)
    assert response.status_code == 200
    assert "form.widgets.forbidden_expressions" in body(response)
    assert "北朝鲜|朝鲜" in body(response)
    response = requests.get(url, auth=auth("final"), timeout=60, allow_redirects=False)
    assert response.status_code in (302, 401, 403)


def test_the_control_panel_saves_the_lists(functional_portal):
    session = requests.Session()
    session.auth = auth("siteadmin")
    url = f"{functional_portal.absolute_url()}/@@zhengwu-publishing-checks"
    page = session.get(url, timeout=60)
    token = re.search(r'<input[^>]*name="_authenticator"[^>]*>', page.text).group(0)
    token = re.search(r'value="([^"]+)"', token).group(1)
    response = session.post(
        url,
        data={
            "form.widgets.forbidden_expressions": "北朝鲜|朝鲜\n本局专用禁词|规范用语",
            "form.widgets.review_expressions": "据悉",
            "form.widgets.personal_data:list": "selected",
            "form.widgets.personal_data-empty-marker": "1",
            "form.widgets.refuse_backdated-empty-marker": "1",
            "form.buttons.save": "保存",
            "_authenticator": token,
        },
        timeout=60,
    )
    assert response.status_code == 200
    transaction.begin()
    assert api.portal.get_registry_record("zhengwu.prepublish.forbidden_expressions") == [
        "北朝鲜|朝鲜",
        "本局专用禁词|规范用语",
    ]
    assert api.portal.get_registry_record("zhengwu.prepublish.refuse_backdated") is False
    item = new_item(functional_portal, title="本局专用禁词")
    with pytest.raises(WorkflowException, match="本局专用禁词"):
        move(item, "submit", "author")
    transaction.abort()


def test_rest_the_findings_beforehand(committed):
    item = committed(state="pending_first", description="据悉，名单如下。")
    url = f"{item.absolute_url()}/@prepublish-checks"
    response = requests.get(url, headers=JSON, auth=auth("first"), timeout=60)
    assert response.status_code == 200
    data = response.json()
    assert data["transition"] == "approve_first"
    assert [(f["kind"], f["severity"], f["field"]) for f in data["findings"]] == [
        ("review", "acknowledge", "description")
    ]
    assert "据悉" in data["findings"][0]["message"]
    assert data["history"] == []
    response = requests.get(
        url, params={"transition": "submit"}, headers=JSON, auth=auth("first"), timeout=60
    )
    assert response.json()["findings"][0]["severity"] == "notice"
    response = requests.get(
        url, params={"transition": "fly"}, headers=JSON, auth=auth("first"), timeout=60
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "transition"
    # someone who may see the item but neither edits nor reviews it: 403
    response = requests.get(url, headers=JSON, auth=auth("author"), timeout=60)
    assert response.status_code == 403
    assert post(item, "approve_first", "first", acknowledge_warnings=True).status_code == 200
    transaction.begin()
    response = requests.get(url, headers=JSON, auth=auth("second"), timeout=60)
    (entry,) = response.json()["history"]
    assert entry["actor"] == "first" and entry["action"] == "acknowledge_warnings"


def test_the_profile_registers_settings_and_configlet(portal):
    from zhengwu.supervision.prepublish.settings import FORBIDDEN

    record = api.portal.get_registry_record("zhengwu.prepublish.forbidden_expressions")
    assert record == list(FORBIDDEN)
    assert api.portal.get_registry_record("zhengwu.prepublish.personal_data") is True
    actions = [a.getId() for a in portal.portal_controlpanel.listActions()]
    assert "zhengwu-publishing-checks" in actions
