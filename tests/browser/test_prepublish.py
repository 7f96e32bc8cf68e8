"""Checks before publishing in a real browser: a forbidden expression stops
the author's submit with a form error naming it; a reviewer reads the
warnings on the item and must tick the acknowledgement before approving.
Screenshots: test-artifacts/browser/."""

from plone import api
from tests.browser.test_review import login
from tests.browser.test_review import state_text
import transaction


def test_forbidden_expression_and_acknowledgement(functional_portal, page, screenshot):
    site = functional_portal.absolute_url()
    transaction.begin()
    with api.env.adopt_user(username="author"):
        item = api.content.create(
            container=functional_portal["zh-cn"]["dept"],
            type="Document",
            id="prepublish-browser",
            title="代表团访问北朝鲜",
            description="据悉，代表团将于下月出访。",
        )
    transaction.commit()
    url = item.absolute_url()

    login(page, site, "author")
    page.goto(url)
    assert page.locator("#zhengwu-prepublish").count() == 1  # the author sees the findings
    assert "北朝鲜" in page.inner_text("#zhengwu-prepublish")
    page.goto(f"{url}/@@zhengwu-transition?workflow_action=submit")
    assert page.locator("#zhengwu-prepublish").count() == 0  # the form lists them itself
    page.click("#zhengwu-transition-confirm")
    page.wait_for_load_state("networkidle")
    error = page.inner_text("#zhengwu-transition-error")
    assert "北朝鲜" in error and "朝鲜" in error
    screenshot("forbidden-expression")

    transaction.begin()
    with api.env.adopt_user(username="author"):
        item.title = "代表团访问朝鲜"
        item.reindexObject()
        api.content.transition(item, transition="submit", comment="送审")
    transaction.commit()

    login(page, site, "first")
    page.goto(url)
    assert "据悉" in page.inner_text("#zhengwu-prepublish")
    screenshot("reviewer-sees-warnings")
    page.goto(f"{url}/@@zhengwu-transition?workflow_action=approve_first")
    page.fill("#zhengwu-comment", "同意")
    page.click("#zhengwu-transition-confirm")
    page.wait_for_load_state("networkidle")
    assert page.locator("#zhengwu-transition-error").count() == 1
    screenshot("acknowledgement-missing")
    page.check("#zhengwu-acknowledge-warnings")
    page.click("#zhengwu-transition-confirm")
    page.wait_for_load_state("networkidle")
    transaction.begin()
    assert api.content.get_state(item) == "pending_second"
    assert "@@review-queue" in page.url or "待复审" in state_text(page)
