"""The sign-off chain in a real browser: an editor writes and submits a page
in the classic UI, three different reviewers approve it level by level, and
Anonymous then reads it; a reviewer who rejects without a reason is stopped
by a clear form error. Screenshots of every step: test-artifacts/browser/."""

from tests.helpers import make_item
from zhengwu.testing import TEST_PASSWORD
import transaction


def login(page, site, userid):
    page.context.clear_cookies()
    page.goto(f"{site}/login")
    page.fill("#__ac_name", userid)
    page.fill("#__ac_password", TEST_PASSWORD)
    page.click("#buttons-login")
    page.wait_for_load_state("networkidle")


def perform(page, url, transition, comment=""):
    page.goto(f"{url}/@@zhengwu-transition?workflow_action={transition}")
    if comment:
        page.fill("#zhengwu-comment", comment)
    page.click("#zhengwu-transition-confirm")
    page.wait_for_load_state("networkidle")


def state_text(page):
    return page.locator("#plone-contentmenu-workflow").inner_text()


def test_three_level_sign_off(functional_portal, page, screenshot):
    site = functional_portal.absolute_url()
    dept = f"{site}/zh-cn/dept"

    login(page, site, "author")
    page.goto(f"{dept}/++add++Document")
    page.fill("#form-widgets-IDublinCore-title", "关于2026年政务公开工作要点的通知")
    page.fill("#form-widgets-IDublinCore-description", "各部门按要点做好政务公开工作。")
    screenshot("editor-writes")
    page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")
    url = page.url.split("/view")[0].rstrip("/")
    assert "关于2026年政务公开工作要点的通知" in page.inner_text("h1")

    # the editor submits through the toolbar's state menu
    page.click("#plone-contentmenu-workflow > a")
    page.click("#workflow-transition-submit")
    page.wait_for_load_state("networkidle")
    page.click("#zhengwu-transition-confirm")
    page.wait_for_load_state("networkidle")
    assert "待初审" in state_text(page)
    screenshot("editor-submitted")

    for userid, transition, expected in (
        ("first", "approve_first", "待复审"),
        ("second", "approve_second", "待签发"),
        ("final", "publish", "已发布"),
    ):
        login(page, site, userid)
        page.goto(f"{site}/zh-cn/@@review-queue")
        assert "关于2026年政务公开工作要点的通知" in page.inner_text("#zhengwu-review-queue")
        screenshot(f"{userid}-queue")
        page.click(f"#zhengwu-review-queue a[href*='workflow_action={transition}']")
        page.wait_for_load_state("networkidle")
        page.fill("#zhengwu-comment", "同意")
        screenshot(f"{userid}-form")
        page.click("#zhengwu-transition-confirm")
        page.wait_for_load_state("networkidle")
        if transition == "publish":
            assert expected in state_text(page)
        else:
            # passed on: the reviewer is back at a queue without the item
            assert page.url.endswith("/@@review-queue")
            assert "已完成" in page.inner_text(".portalMessage")
            assert "关于2026年政务公开工作要点的通知" not in page.inner_text("#content")
        screenshot(f"{userid}-approved")

    page.context.clear_cookies()
    page.goto(url)
    assert "关于2026年政务公开工作要点的通知" in page.inner_text("h1")
    assert page.locator("#plone-contentmenu-workflow").count() == 0
    screenshot("anonymous-reads")

    # every step is in the audit log with its actor
    from zhengwu.review.audit_log import IAuditLog
    from zope.component import getUtility

    transaction.begin()
    path = "/".join(functional_portal.getPhysicalPath()) + "/zh-cn/dept/" + url.rsplit("/", 1)[-1]
    steps = [
        (e["action"], e["actor"]) for e in reversed(list(getUtility(IAuditLog).search(path=path)))
    ]
    assert steps == [
        ("submit", "author"),
        ("approve_first", "first"),
        ("approve_second", "second"),
        ("publish", "final"),
    ]


def test_reject_without_a_reason_is_a_form_error(functional_portal, page, screenshot):
    item = make_item(functional_portal, "pending_first", title="待审核的通知")
    transaction.commit()
    site = functional_portal.absolute_url()
    login(page, site, "first")
    page.goto(f"{item.absolute_url()}/@@zhengwu-transition?workflow_action=reject")
    page.click("#zhengwu-transition-confirm")
    page.wait_for_load_state("networkidle")
    error = page.locator("#zhengwu-transition-error")
    assert error.is_visible()
    assert "须填写理由" in error.inner_text()
    screenshot("reject-without-reason")
    page.fill("#zhengwu-comment", "数据需核实")
    page.click("#zhengwu-transition-confirm")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/@@review-queue")
    assert "已完成" in page.inner_text(".portalMessage")
    screenshot("rejected-with-reason")
    transaction.begin()
    from plone import api

    assert api.content.get_state(item) == "private"


def test_author_is_told_why_they_cannot_approve(functional_portal, page, screenshot):
    from plone import api
    from zhengwu.site.department_groups import department_groups

    item = make_item(functional_portal, "pending_first", title="作者自审的通知")
    dept = functional_portal["zh-cn"]["dept"]
    api.group.add_user(groupname=department_groups(dept)["first-reviewers"], username="author")
    transaction.commit()
    login(page, functional_portal.absolute_url(), "author")
    page.goto(f"{item.absolute_url()}/@@zhengwu-transition?workflow_action=approve_first")
    refusal = page.locator("#zhengwu-transition-refusal")
    assert "须由他人审核" in refusal.inner_text()
    assert page.locator("#zhengwu-transition-confirm").count() == 0
    screenshot("author-refused")
