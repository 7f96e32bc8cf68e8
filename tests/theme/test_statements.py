"""可访问性声明, 联系我们 and the draft's name (issue 14 item 5)."""

from plone import api
from tests.helpers import body
from tests.helpers import make_item
from tests.theme.helpers import path
import re
import transaction


IDENTITY = {
    "sponsor": "测试市人民政府办公室",
    "contact_address": "测试市人民大道1号",
    "contact_phone": "0999-12345678",
    "contact_email": "webmaster@example.gov.cn",
}


def set_identity():
    for name, value in IDENTITY.items():
        api.portal.set_registry_record(f"zhengwu.identity.{name}", value)


def test_accessibility_statement(functional_portal, request_factory):
    set_identity()
    transaction.commit()
    text = body(request_factory(json=False).get("/zh-cn/accessibility-info"))
    for said in (
        "可访问性声明",
        "GB/T 37668-2019",
        "WCAG",
        "互联网网站适老化通用设计规范",
        "已知的不足",
    ):
        assert said in text, said
    # How to report a problem: the organ's contact details.
    assert "0999-12345678" in text and "mailto:webmaster@example.gov.cn" in text
    # No template placeholder left in what is shown (the toolbar's script
    # carries its own ${size} for the browser to fill).
    shown = re.sub(r"<script.*?</script>", "", text, flags=re.S)
    assert "${" not in shown and "VPAT" not in shown


def test_contact_page_without_mail(functional_portal, request_factory):
    set_identity()
    api.portal.set_registry_record("plone.email_from_address", "")
    transaction.commit()
    text = body(request_factory(json=False).get("/zh-cn/contact-info"))
    assert "联系我们" in text
    for value in IDENTITY.values():
        assert value in text, value
    assert "没有设置有效的" not in text  # Plone's "no valid email setup"
    assert "form.buttons.send" not in text


def test_contact_form_with_a_mail_server(functional_portal, request_factory):
    set_identity()
    api.portal.set_registry_record("plone.email_from_address", "noreply@example.gov.cn")
    api.portal.get_tool("MailHost").smtp_host = "smtp.example.gov.cn"
    transaction.commit()
    text = body(request_factory(json=False).get("/zh-cn/contact-info"))
    assert "测试市人民大道1号" in text and "form.buttons.send" in text


def test_the_draft_is_called_draft(functional_portal, request_factory):
    """The first state is 草稿 on the item's page and the transition form,
    never Plone's 保密 (its Chinese for "Private")."""
    draft = make_item(functional_portal, "private")
    transaction.commit()
    author = request_factory("author", json=False)
    for page in (path(draft), path(draft) + "/@@zhengwu-transition?workflow_action=submit"):
        text = body(author.get(page))
        assert "草稿" in text and "保密" not in text, page


def test_state_titles_in_plones_vocabulary(integration):
    """Folder contents and the state filter translate the state id: 草稿,
    from the product's catalog, asked before Plone's (保密)."""
    from zope.i18n import translate

    assert translate("private", domain="plone", target_language="zh_CN") == "草稿"
    assert translate("Draft", domain="plone", target_language="zh_CN") == "草稿"
    # Plone's own translations stay where the product has none.
    assert translate("label_title", domain="plone", target_language="zh_CN") == "标题"


def test_shared_folders_are_titled_in_their_language(integration):
    portal = integration["portal"]
    assert portal["zh-cn"]["assets"].title == "共享资源"
    assert portal["en"]["assets"].title == "Shared assets"


def test_the_contact_page_shows_no_private_draft(functional_portal, request_factory):
    """contact-info works on any object (Plone's links it everywhere), with
    the object's own View permission: a draft's title stays private."""
    draft = make_item(functional_portal, "private", title="机密草稿标题")
    transaction.commit()
    response = request_factory(json=False).get(
        f"/zh-cn/dept/{draft.getId()}/contact-info", allow_redirects=False
    )
    assert response.status_code in (302, 401)
    assert "机密草稿标题" not in body(response)
