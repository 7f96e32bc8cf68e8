"""A survey in a real browser (issue 20): a department editor builds the
questionnaire with easyform's field editor; after the three reviews the
public answers it, and a second answer from the same browser is refused;
a final approver publishes the summary (table and inline chart), which
Anonymous then reads; the department exports the answers as CSV. Desktop
and phone screenshots, axe-core on the public pages:
test-artifacts/browser/."""

from plone import api
from tests.browser.conftest import ARTIFACTS
from tests.browser.conftest import AXE
from tests.browser.test_portal_face import WCAG_AA
from tests.browser.test_review import login
from tests.helpers import PATH_TO
import os
import pytest
import transaction


PHONE = {"width": 390, "height": 844}


def axe(page):
    """Critical or serious WCAG 2.1 AA violations of the page (skipped
    without axe-core outside CI)."""
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing")
        return []
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_AA,
    )
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("critical", "serious")
    ]


def test_a_survey_from_the_field_editor_to_its_published_summary(
    functional_portal, page, screenshot, chromium
):
    site = functional_portal.absolute_url()
    dept = f"{site}/zh-cn/dept"

    # 1. A department editor makes the survey and adds a question with
    #    easyform's field editor.
    login(page, site, "author")
    page.goto(f"{dept}/++add++EasyForm")
    page.fill("#form-widgets-IDublinCore-title", "政务服务满意度调查")
    page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")
    url = page.url.split("/view")[0].split("?")[0].rstrip("/")
    page.goto(f"{url}/fields/@@add-field")
    page.fill("#form-widgets-title", "您对办事服务是否满意")
    page.fill("#form-widgets-__name__", "satisfaction")
    page.select_option("#form-widgets-factory", value="label_choice_field")
    screenshot("editor-adds-a-question")
    page.click("#form-buttons-add")
    page.wait_for_load_state("networkidle")
    page.goto(f"{url}/fields/satisfaction")
    page.fill("#form-widgets-values", "满意\n基本满意\n不满意")
    screenshot("editor-sets-the-choices")
    page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")
    page.goto(f"{url}/fields")
    screenshot("field-editor")

    # 2. The three reviews (tested in the browser in test_review.py).
    transaction.begin()
    survey = functional_portal.unrestrictedTraverse(url[len(site) + 1 :])
    for transition, userid in PATH_TO["published"]:
        with api.env.adopt_user(username=userid):
            api.content.transition(survey, transition=transition, comment="同意")
    transaction.commit()

    # 3. The public answers once; the second answer is refused.
    page.context.clear_cookies()
    page.goto(url)
    assert "您对办事服务是否满意" in page.inner_text("#content")
    assert not axe(page), axe(page)
    screenshot("public-survey")
    answer(page)
    assert page.locator(".easyform-thankspage").count() == 1
    screenshot("answered")
    page.goto(url)
    answer(page)
    refused = page.inner_text("#content")
    assert "已经" in refused or "already answered" in refused
    screenshot("second-answer-refused")
    transaction.begin()
    from zhengwu.participation import survey as surveys

    assert len(surveys.answers(survey)) == 1

    # the same page on a phone
    phone = chromium.new_context(viewport=PHONE, locale="zh-CN").new_page()
    phone.goto(url)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "test_surveys-phone-survey.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    phone.context.close()

    # 4. The final approver publishes the summary; Anonymous reads it.
    page.context.clear_cookies()
    page.goto(f"{url}/@@survey-summary", wait_until="networkidle")
    assert "满意" not in page.inner_text("#content") or "login" in page.url
    login(page, site, "final")
    page.goto(f"{url}/@@survey-summary")
    screenshot("summary-before-publication")
    page.click("#zhengwu-survey-publish")
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()
    page.goto(f"{url}/@@survey-summary")
    assert page.locator("svg.survey-chart").count() == 1
    assert "1 (100%)" in page.inner_text("#content")
    assert not axe(page), axe(page)
    screenshot("public-summary")

    # 5. The department exports the answers.
    login(page, site, "editor")
    page.goto(url)
    with page.expect_download() as download:
        page.click("a[href$='@@survey-answers-csv']")
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert "您对办事服务是否满意" in text.splitlines()[0]
    assert "满意" in text.splitlines()[1]


def answer(page):
    page.select_option("#form-widgets-satisfaction", label="满意")
    for selector, value in (
        ("#form-widgets-replyto", "citizen@example.cn"),
        ("#form-widgets-topic", "服务评价"),
        ("#form-widgets-comments", "办事很方便"),
    ):
        if page.locator(selector).count():
            page.fill(selector, value)
    page.click("#form-buttons-submit")
    page.wait_for_load_state("networkidle")
