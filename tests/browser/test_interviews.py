"""An online interview in a real browser (issue 20): a citizen sends a
question; a moderator sees it with its contact and publishes it, then
publishes a question/answer pair — the citizen's page, never reloaded,
shows the new pair; afterwards the transcript is on the page and the
question form is gone. Desktop and phone screenshots, axe-core on the
public page: test-artifacts/browser/."""

from datetime import datetime
from plone import api
from plone.app.textfield.value import RichTextValue
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_review import login
from tests.browser.test_surveys import axe
from tests.participation.interview_helpers import LIVE
from tests.participation.interview_helpers import make_interview
import transaction


def test_questions_moderated_and_pairs_published_live(
    functional_portal, page, screenshot, chromium
):
    site = functional_portal.absolute_url()
    interview = make_interview(functional_portal, start=LIVE)
    transaction.commit()
    url = interview.absolute_url()

    # A citizen follows the interview and sends a question.
    citizen = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    citizen_page = citizen.new_page()
    citizen_page.add_init_script("window.zhengwuInterviewPoll = 500;")
    citizen_page.goto(url)
    assert "张伟" in citizen_page.inner_text("#zhengwu-interview-guests")
    citizen_page.fill("#zhengwu-question-text", "企业开办能否一天办结？")
    citizen_page.fill("#zhengwu-question-contact", "13611112222")
    citizen_page.click("#zhengwu-question-send")
    citizen_page.wait_for_load_state("networkidle")
    message = citizen_page.inner_text(".portalMessage")
    assert "收到" in message or "received" in message
    # private until moderated
    assert "企业开办能否一天办结" not in citizen_page.inner_text("#zhengwu-interview-live")
    assert not axe(citizen_page), axe(citizen_page)
    citizen_page.screenshot(path=str(ARTIFACTS / "test_interviews-01-citizen.png"), full_page=True)

    # The moderator sees it with its contact, publishes it and an answer.
    login(page, site, "editor")
    page.goto(f"{url}/@@interview-moderate")
    assert "13611112222" in page.inner_text("#zhengwu-moderate-pending")
    screenshot("moderator-sees-the-question")
    page.click(".zhengwu-question-publish")
    page.wait_for_load_state("networkidle")
    page.fill("#zhengwu-pair-question", "企业开办能否一天办结？")
    page.select_option("#zhengwu-pair-guest", label="张伟")
    page.fill("#zhengwu-pair-answer", "可以，全流程压缩至1个工作日。")
    page.click("#zhengwu-pair-publish")
    page.wait_for_load_state("networkidle")
    screenshot("moderator-published")

    # The citizen's page shows the question and the pair without being reloaded.
    citizen_page.wait_for_selector(
        "#zhengwu-interview-question-list li:has-text('企业开办能否一天办结')", timeout=15000
    )
    citizen_page.wait_for_selector(
        "#zhengwu-interview-pairs li:has-text('全流程压缩至1个工作日')", timeout=15000
    )
    assert citizen_page.evaluate("performance.getEntriesByType('navigation').length") == 1
    citizen_page.screenshot(
        path=str(ARTIFACTS / "test_interviews-02-live-pair.png"), full_page=True
    )
    assert "13611112222" not in citizen_page.content()
    citizen.close()

    # Afterwards: the transcript stays, the question form is gone.
    transaction.begin()
    interview.start = datetime(2026, 6, 1, 9, 0)
    interview.transcript = RichTextValue(
        "<p>访谈全文：企业开办一天办结。</p>", "text/html", "text/x-html-safe"
    )
    transaction.commit()
    page.context.clear_cookies()
    page.goto(url)
    assert "访谈全文" in page.inner_text("#zhengwu-interview-transcript")
    assert page.locator("#zhengwu-question-send").count() == 0
    assert "全流程压缩至1个工作日" in page.inner_text("#zhengwu-interview-pairs")
    screenshot("transcript-afterwards")
    phone = chromium.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN").new_page()
    phone.goto(url)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    phone.screenshot(path=str(ARTIFACTS / "test_interviews-03-phone.png"), full_page=True)
    phone.context.close()
    with api.env.adopt_roles(["Manager"]):
        assert api.content.get_state(interview) == "published"
