"""A public consultation in a real browser: a citizen comments on the
draft, and on one of its sections from the section's own link; the
drafting department's handler publishes the opinions; after the closing
(the product's clock moved on) an editor writes the feedback, which goes
through the three reviews; Anonymous reads it on the consultation page.
Screenshots on a desktop and a phone (test-artifacts/browser/), and
axe-core (WCAG 2.1 AA: no critical or serious violation) on the public
pages."""

from datetime import timedelta
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_portal_face import axe_violations
from tests.browser.test_portal_face import describe
from tests.browser.test_review import login
from tests.browser.test_review import perform
from tests.participation.consultation_helpers import make_consultation
from zhengwu import clock
from zhengwu.submissions import throttle
import json
import transaction


WHOLE = "建议明确电子烟也适用本条例。"
ON_SECTION = "建议将公交站台周边五米列为禁止吸烟区域。"
REASON = "罚款标准由上位法规定，本条例不作调整"
PHONE = (390, 844)


def check_axe(page, name, source):
    violations = axe_violations(page, source)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"consultation-{name}-axe.json").write_text(
        json.dumps(violations, ensure_ascii=False, indent=1)
    )
    assert not violations, f"{name}:\n{describe(violations)}"


def on_phone(chromium, url, name, source):
    """The page on a phone: no horizontal scrolling, a screenshot, axe."""
    context = chromium.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{name}: {width[0]}px wide on a phone"
        page.screenshot(path=str(ARTIFACTS / f"consultation-{name}-phone.png"), full_page=True)
        check_axe(page, f"{name}-phone", source)
    finally:
        context.close()


def test_comment_moderate_feedback(
    functional_portal, page, screenshot, chromium, axe_source, set_clock
):
    throttle.SUBMISSIONS.reset()
    consultation = make_consultation(functional_portal)
    transaction.commit()
    site = functional_portal.absolute_url()
    url = consultation.absolute_url()

    # A citizen reads the draft and comments on it as a whole.
    page.goto(url)
    assert "2. 第二章 禁止吸烟场所" in page.inner_text("#zhengwu-draft")
    screenshot("citizen-reads")
    check_axe(page, "open-desktop", axe_source)
    on_phone(chromium, url, "open", axe_source)
    page.fill("#zhengwu-text", WHOLE)
    page.fill("#zhengwu-author_name", "王先生")
    page.fill("#zhengwu-contact", "13912345678")
    page.click("#zhengwu-opinion-submit")
    page.wait_for_load_state("networkidle")
    receipt = page.inner_text("#zhengwu-opinion-receipt")
    assert "YJ" in receipt
    screenshot("receipt")

    # ... and on section 2, from the section's own link.
    page.goto(url)
    page.click("#zhengwu-comment-section-2")
    page.wait_for_load_state("networkidle")
    assert page.input_value("#zhengwu-section") == "2"
    page.fill("#zhengwu-text", ON_SECTION)
    screenshot("citizen-comments-on-section")
    page.click("#zhengwu-opinion-submit")
    page.wait_for_load_state("networkidle")
    assert "YJ" in page.inner_text("#zhengwu-opinion-receipt")
    # Nothing is public before a handler read it.
    page.goto(url)
    assert ON_SECTION not in page.inner_text("#zhengwu-published-opinions")

    # The drafting department's handler publishes both.
    login(page, site, "handler")
    page.goto(url)
    page.click("#zhengwu-moderation-link")
    page.wait_for_load_state("networkidle")
    table = page.inner_text("#zhengwu-moderation")
    assert WHOLE in table and ON_SECTION in table and "13912345678" in table
    screenshot("handler-moderates")
    for _ in range(2):
        page.goto(f"{url}/@@consultation-moderation?state=pending")
        page.click("#zhengwu-moderation a[data-action='publish'] >> nth=0")
        page.wait_for_load_state("networkidle")
        page.click("#zhengwu-transition-confirm")
        page.wait_for_load_state("networkidle")
    transaction.begin()
    states = {
        o.text: o.portal_workflow.getInfoFor(o, "review_state") for o in consultation.objectValues()
    }
    assert states == {WHOLE: "published", ON_SECTION: "published"}

    # Anyone reads the published opinions, the section named, never the phone.
    page.context.clear_cookies()
    page.goto(url)
    published = page.inner_text("#zhengwu-published-opinions")
    assert WHOLE in published and ON_SECTION in published and "王先生" in published
    assert "2. 第二章 禁止吸烟场所" in published
    assert "13912345678" not in page.content()

    # The consultation closes; the form is gone.
    set_clock(clock.now() + timedelta(days=20))
    page.goto(url)
    assert page.locator("#zhengwu-opinion-form").count() == 0
    assert page.locator("#zhengwu-opinion-closed").count() == 1
    screenshot("closed")

    # A department editor writes the feedback.
    login(page, site, "author")
    page.goto(url)
    page.click("#zhengwu-add-feedback")
    page.wait_for_load_state("networkidle")
    page.fill("#form-widgets-IBasic-title", "《示例市公共场所控烟办法》意见采纳情况")
    page.fill("#form-widgets-received", "2")
    page.fill("#form-widgets-adopted", "1")
    page.fill("#form-widgets-partly_adopted", "0")
    page.fill("#form-widgets-not_adopted", "1")
    page.fill(
        "#form-widgets-decisions",
        f"公交站台周边禁烟 | 采纳\n明确电子烟适用 | 未采纳 | {REASON}",
    )
    screenshot("editor-writes-feedback")
    page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")
    feedback_url = page.url.split("?")[0].rstrip("/")
    if feedback_url.endswith("/view"):
        feedback_url = feedback_url[: -len("/view")]
    assert REASON in page.inner_text("#content")

    # The three reviews.
    perform(page, feedback_url, "submit", "请审核")
    for userid, transition in (
        ("first", "approve_first"),
        ("second", "approve_second"),
        ("final", "publish"),
    ):
        login(page, site, userid)
        perform(page, feedback_url, transition, "同意")
    transaction.begin()
    assert consultation.feedback_published == clock.today()

    # Anonymous reads the feedback on the consultation page.
    page.context.clear_cookies()
    page.goto(url)
    feedback = page.inner_text("#zhengwu-feedback")
    assert REASON in feedback and "公交站台周边禁烟" in feedback
    assert "意见采纳情况" in feedback
    screenshot("anonymous-reads-feedback")
    check_axe(page, "concluded-desktop", axe_source)
    on_phone(chromium, url, "concluded", axe_source)

    # The index shows it among the concluded ones.
    page.goto(f"{site}/zh-cn/@@consultation-index")
    concluded = page.inner_text("#zhengwu-consultations-concluded")
    assert consultation.Title() in concluded
    screenshot("index")
    check_axe(page, "index-desktop", axe_source)
    on_phone(chromium, f"{site}/zh-cn/@@consultation-index", "index", axe_source)
