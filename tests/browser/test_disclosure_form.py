"""An editor adds a disclosure item in the browser: a document number in the
wrong form is a form error that says how to write it; corrected, it saves."""

from tests.disclosure.helpers import make_catalog
from tests.helpers import auth
import transaction


def login(page, url, userid):
    user, password = auth(userid)
    page.goto(f"{url}/login")
    page.fill("#__ac_name", user)
    page.fill("#__ac_password", password)
    page.locator("#login-form button[type=submit], #login-form input[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


def test_editor_adds_an_item_and_is_told_about_a_bad_document_number(
    functional_portal, page, screenshot
):
    catalog = make_catalog(functional_portal)
    transaction.commit()
    login(page, functional_portal.absolute_url(), "author")
    page.goto(f"{catalog.absolute_url()}/++add++DisclosureItem")
    page.fill("#form-widgets-IBasic-title", "关于做好冬季供暖保障工作的通知")
    page.fill("#form-widgets-document_number", "示政办发[2026]9号")
    page.fill("#form-widgets-written_date", "2026-03-02")
    page.select_option("#form-widgets-topic", "1002")
    page.select_option("#form-widgets-genre", "notice")
    page.locator("#form-buttons-save").click()
    page.wait_for_load_state("networkidle")
    error = page.locator(
        "#formfield-form-widgets-document_number .invalid-feedback, "
        "#formfield-form-widgets-document_number .fieldErrorBox"
    )
    assert "〔" in error.first.inner_text()
    screenshot("document-number-error")

    page.fill("#form-widgets-document_number", "示政办发〔2026〕9号")
    page.locator("#form-buttons-save").click()
    page.wait_for_load_state("networkidle")
    record = page.locator("#zhengwu-item-record")
    assert "示政办发〔2026〕9号" in record.inner_text()
    assert "测试局" in record.inner_text()  # the catalog's organ
    screenshot("saved")
