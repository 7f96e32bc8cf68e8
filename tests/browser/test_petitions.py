"""A message from the public form to its rating, in a real browser: a
citizen writes to the mailbox; a handler accepts it and assigns it to the
department; the department replies; the handler approves and publishes;
the citizen reads the reply with the query code and rates it. Screenshots
of every step: test-artifacts/browser/."""

from tests.browser.test_review import login
from tests.petitions.helpers import make_box
from zhengwu.submissions import throttle
import transaction


TITLE = "建议在人民公园增设夜间照明"
REPLY = "市城管局已将人民公园步道照明纳入改造计划，年底前完成安装。"


def act(page, url, transition, comment="同意"):
    page.goto(f"{url}/@@zhengwu-transition?workflow_action={transition}")
    page.fill("#zhengwu-comment", comment)
    page.click("#zhengwu-transition-confirm")
    page.wait_for_load_state("networkidle")


def test_citizen_to_rating(functional_portal, page, screenshot):
    throttle.SUBMISSIONS.reset()
    throttle.LOOKUPS.reset()
    box = make_box(functional_portal, intro="受理对本局工作的意见建议和咨询。")
    transaction.commit()
    site = functional_portal.absolute_url()

    # The citizen writes.
    page.goto(box.absolute_url())
    page.select_option("#zhengwu-category", "suggestion")
    page.fill("#zhengwu-title", TITLE)
    page.fill("#zhengwu-content", "人民公园东门到湖边步道晚上很暗，老人散步不安全。")
    page.fill("#zhengwu-submitter_name", "王小明")
    page.fill("#zhengwu-phone", "13800000001")
    page.check("#zhengwu-publish-consent")
    screenshot("citizen-writes")
    page.click("#zhengwu-petition-submit")
    page.wait_for_load_state("networkidle")
    number = page.inner_text("#zhengwu-tracking-number").strip()
    code = page.inner_text("#zhengwu-query-code").strip()
    assert number.startswith("LY") and len(code) == 10
    screenshot("receipt")
    url = f"{box.absolute_url()}/{number.lower()}"

    # The handler accepts and assigns it to the department.
    login(page, site, "handler")
    page.goto(f"{site}/zh-cn/@@petition-worklist")
    assert TITLE in page.inner_text("#zhengwu-worklist")
    screenshot("handler-worklist")
    act(page, url, "accept", "受理")
    page.goto(f"{url}/edit")
    page.click(".autotoc-nav a:has-text('办理情况')")
    page.select_option("#form-widgets-assigned_department", label="测试局")
    page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")
    act(page, url, "assign", "请按时答复")
    assert "13800000001" in page.inner_text("#content")  # the handler sees the writer
    screenshot("assigned")

    # The department replies.
    login(page, site, "responder")
    page.goto(f"{site}/zh-cn/@@petition-worklist")
    assert TITLE in page.inner_text("#zhengwu-worklist")
    page.goto(f"{url}/edit")
    page.click(".autotoc-nav a:has-text('办理情况')")
    page.fill("#form-widgets-reply", REPLY)
    screenshot("responder-writes")
    page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")
    act(page, url, "submit_reply", "请审核")

    # The handler approves and publishes.
    login(page, site, "handler")
    act(page, url, "approve_reply")
    act(page, url, "publish", "同意公开")
    screenshot("published")

    # The citizen reads the reply with the code and rates it.
    page.context.clear_cookies()
    page.goto(f"{site}/zh-cn/@@petition-status")
    page.fill("#zhengwu-status-number", number)
    page.fill("#zhengwu-status-code", code)
    page.click("#zhengwu-status-submit")
    page.wait_for_load_state("networkidle")
    assert REPLY in page.inner_text("#zhengwu-status-reply")
    screenshot("citizen-reads")
    page.check("#zhengwu-rate-satisfied")
    page.click("#zhengwu-rating-submit")
    page.wait_for_load_state("networkidle")
    assert "满意" in page.inner_text("#zhengwu-status-rating")
    screenshot("citizen-rated")

    # Anyone reads the published answer, without the writer's name or phone.
    page.goto(url)
    content = page.inner_text("#content")
    assert TITLE in content and REPLY in content
    assert "王小明" not in content and "13800000001" not in content
    screenshot("public-answer")
