"""A disclosure request from the public form to the applicant's download,
in a real browser: a citizen applies on a disclosure catalog; the organ's
disclosure officer registers it from the worklist, extends it (the reason
is required), answers it with partial disclosure and a file; the officer's
page offers the answer letter; the applicant reads the answer with the
query code and downloads the letter and the file. The ID number is never
shown on the applicant's page. Screenshots of every step:
test-artifacts/browser/."""

from pathlib import Path
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_review import login
from tests.requests.helpers import docx_text
from tests.requests.helpers import make_catalog
from tests.requests.helpers import PERSONAL_VALUES
from zhengwu.submissions import throttle
import itertools
import pytest
import re
import transaction


NAME = "李秀英"
ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"
EMAIL = "lixiuying@example.com"
INFORMATION = "2025年本市老旧小区改造项目的资金安排和实施计划"
EXTENSION = "需要多个科室调档核查"
REPLY = "资金安排表予以公开；涉及施工单位商业秘密的部分不予公开。"
PDF = b"%PDF-1.4\n% provided information\n%%EOF\n"
PDF_NAME = "资金安排表.pdf"


def open_transition(page, url, transition):
    page.goto(f"{url}/@@zhengwu-transition?workflow_action={transition}")
    assert page.locator("#zhengwu-transition-refusal").count() == 0, page.inner_text("#content")


def confirm(page):
    page.click("#zhengwu-transition-confirm")
    page.wait_for_load_state("networkidle")


@pytest.fixture
def shoot(request):
    """shoot(page, "step") saves test-artifacts/browser/<test>-<n>-<step>.png,
    of whichever browser context the step happens in."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    counter = itertools.count(1)

    def take(page, step):
        path = ARTIFACTS / f"{request.node.name}-{next(counter):02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def either(text, *choices):
    return any(choice in text for choice in choices)


def test_applicant_to_answer(functional_portal, chromium, page, shoot, tmp_path):
    throttle.SUBMISSIONS.reset()
    throttle.LOOKUPS.reset()
    catalog = make_catalog(functional_portal)
    transaction.commit()
    site = functional_portal.absolute_url()

    # 1. The citizen applies on the catalog's public form.
    page.goto(f"{catalog.absolute_url()}/@@disclosure-request-form")
    page.check("#zhengwu-applicant_type-0")  # natural person
    page.fill("#zhengwu-applicant_name", NAME)
    page.select_option("#zhengwu-id_type", "resident_id")
    chosen = page.locator("#zhengwu-id_type option:checked").inner_text()
    assert either(chosen, "居民身份证", "Resident identity card")
    page.fill("#zhengwu-id_number", ID_NUMBER)
    page.fill("#zhengwu-phone", PHONE)
    page.fill("#zhengwu-email", EMAIL)
    page.fill("#zhengwu-requested_information", INFORMATION)
    page.select_option("#zhengwu-delivery_form", "email")
    shoot(page, "applicant-writes")
    page.click("#zhengwu-request-form button[name='form.submitted']")
    page.wait_for_load_state("networkidle")
    assert page.locator("#zhengwu-request-error").count() == 0, page.inner_text("#content")
    number = page.inner_text("#zhengwu-tracking-number").strip()
    code = page.inner_text("#zhengwu-query-code").strip()
    assert number.startswith("YSQ") and len(code) == 10
    shoot(page, "receipt")
    url = f"{catalog.absolute_url()}/{number.lower()}"

    # 2. The officer finds it in the worklist and registers it.
    login(page, site, "officer")
    page.goto(f"{site}/zh-cn/@@disclosure-request-worklist")
    row = page.locator("#zhengwu-request-worklist tbody tr", has_text=number)
    assert INFORMATION in row.inner_text()
    shoot(page, "officer-worklist")
    row.locator("a[href*='workflow_action=register']").click()
    page.wait_for_load_state("networkidle")
    assert "@@zhengwu-transition" in page.url and "workflow_action=register" in page.url
    shoot(page, "register-form")
    confirm(page)
    assert page.url.rstrip("/") == url
    # Registered: the clock runs, the answer is due on a date.
    assert re.search(r"\d{4}-\d{2}-\d{2}", page.inner_text("#zhengwu-request-due"))
    shoot(page, "registered")

    # 3. The officer extends the time limit: the reason is required.
    open_transition(page, url, "extend")
    confirm(page)
    assert "@@zhengwu-transition" in page.url
    error = page.inner_text("#zhengwu-transition-error")
    assert either(error, "理由", "reason"), error
    shoot(page, "extend-without-reason")
    page.fill("#zhengwu-comment", EXTENSION)
    confirm(page)
    assert page.url.rstrip("/") == url
    assert EXTENSION in page.inner_text("#zhengwu-request-history")
    shoot(page, "extended")

    # 4. The officer writes the answer, with a file, saves and answers.
    provided = tmp_path / PDF_NAME
    provided.write_bytes(PDF)
    page.goto(f"{url}/edit")
    page.click(".autotoc-nav a:has-text('办理情况'), .autotoc-nav a:has-text('Handling')")
    page.select_option("#form-widgets-outcome", "partially_disclosed")
    page.select_option("#form-widgets-outcome_reason", "third_party")
    page.fill("#form-widgets-reply", REPLY)
    # A list of files: "Add" (a round trip of the form) gives a row to upload into.
    page.click("#form-widgets-reply_attachments-buttons-add")
    page.wait_for_load_state("networkidle")
    assert page.input_value("#form-widgets-reply") == REPLY  # kept through the round trip
    page.set_input_files("#formfield-form-widgets-reply_attachments input[type=file]", provided)
    shoot(page, "officer-writes-answer")
    page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")
    assert page.url.rstrip("/") == url, page.inner_text("#content")
    assert PDF_NAME in page.inner_text("#zhengwu-request-answer")
    shoot(page, "answer-saved")
    open_transition(page, url, "answer")
    shoot(page, "answer-form")
    confirm(page)
    assert page.url.rstrip("/") == url

    # 5. The officer's page shows the answer and offers the answer letter.
    answer = page.inner_text("#zhengwu-request-answer")
    assert REPLY in answer and either(answer, "部分公开", "Partially disclosed")
    assert either(answer, "第三方", "third party")
    shoot(page, "officer-answered")
    file_link = page.locator("#zhengwu-request-answer a", has_text=PDF_NAME)
    assert page.request.get(file_link.get_attribute("href")).body() == PDF
    letter_link = page.locator("#zhengwu-request-letters a[href*='@@request-letter?kind=answer']")
    with page.expect_download() as info:
        letter_link.click()
    assert info.value.suggested_filename.endswith(".docx")
    text = docx_text(Path(info.value.path()).read_bytes())
    assert NAME in text and number in text and REPLY in text

    # 6. The applicant, in a browser of their own, reads the answer with the code.
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        applicant = context.new_page()
        applicant.set_default_timeout(30000)
        applicant.goto(f"{site}/@@disclosure-request-status")
        applicant.fill("#zhengwu-status-number", number)
        applicant.fill("#zhengwu-status-code", code)
        shoot(applicant, "applicant-looks-up")
        applicant.click("#zhengwu-request-status-form button[type=submit]")
        applicant.wait_for_load_state("networkidle")
        assert code not in applicant.url
        assert either(applicant.inner_text("#zhengwu-status-state"), "已答复", "Answered")
        outcome = applicant.inner_text("#zhengwu-status-outcome")
        assert either(outcome, "部分公开", "Partially disclosed")
        assert either(outcome, "第三方", "third party")
        assert REPLY in applicant.inner_text("#zhengwu-status-reply")
        extension = applicant.inner_text("#zhengwu-status-extension")
        assert EXTENSION in extension and re.search(r"\d{4}-\d{2}-\d{2}", extension)
        downloads = applicant.locator("#zhengwu-status-downloads")
        for form in downloads.locator("form").all():
            assert form.get_attribute("method") == "post"
            assert form.get_attribute("action").endswith("/@@disclosure-request-download")
        answer_letter = downloads.locator("form", has=applicant.locator("input[value=answer]"))
        assert answer_letter.count() == 1
        assert downloads.locator("input[name=letter][value=extension]").count() == 1
        shoot(applicant, "applicant-reads")

        with applicant.expect_download() as info:
            answer_letter.locator("button").click()
        letter = Path(info.value.path()).read_bytes()
        assert letter[:2] == b"PK" and REPLY in docx_text(letter)
        with applicant.expect_download() as info:
            downloads.locator("button", has_text=PDF_NAME).click()
        assert info.value.suggested_filename == PDF_NAME
        assert Path(info.value.path()).read_bytes() == PDF

        # 7. None of the applicant's personal data on the page, the ID number least of all.
        html = applicant.content()
        for value in PERSONAL_VALUES:
            assert value not in html, value
        assert ID_NUMBER not in html
    finally:
        context.close()
