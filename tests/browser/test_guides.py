"""A service guide from the editor's form to the citizen's printout: the
editor fills the table layout with three materials (one with its blank
form uploaded) and the steps, submits; three reviewers sign it off;
Anonymous finds it by its life event and opens the A4 print view.
Screenshots of every step: test-artifacts/browser/."""

from tests.browser.test_review import login
from tests.browser.test_review import state_text
import transaction


NAME = "生育保险待遇申领"
BLANK_FORM = b"%PDF-1.4\n% blank form of the demo test\n%%EOF\n"


def tab(page, label):
    page.click(f".autotoc-nav a:has-text('{label}')")


def fill_row(page, field, number, **cells):
    for column, value in cells.items():
        page.fill(f'[name="form.widgets.{field}.{number}.{column}"]', value)


def test_editor_to_printout(functional_portal, page, screenshot):
    transaction.commit()
    site = functional_portal.absolute_url()
    dept = f"{site}/zh-cn/dept"

    login(page, site, "author")
    page.goto(f"{dept}/++add++ServiceGuide")
    page.fill("#form-widgets-item_name", NAME)
    page.fill("#form-widgets-item_code", "11330100MB2C82941X444011902")
    page.select_option("#form-widgets-item_type", "administrative_payment")
    page.check("#form-widgets-service_object-0")  # 自然人
    page.check("input[name='form.widgets.themes:list'][value='birth_adoption']")
    page.check("input[name='form.widgets.themes:list'][value='social_security']")
    screenshot("basics")

    tab(page, "依据与条件")
    page.fill("#form-widgets-legal_basis", "《中华人民共和国社会保险法》第五十四条")
    page.fill("#form-widgets-conditions", "用人单位已为职工缴纳生育保险费。")

    tab(page, "申请材料")
    fill_row(page, "materials", 0, name="生育保险待遇申领表", originals="1", copies="0")
    page.set_input_files(
        '[name="form.widgets.materials.0.blank_form"]',
        files=[
            {"name": "生育保险待遇申领表.pdf", "mimeType": "application/pdf", "buffer": BLANK_FORM}
        ],
    )
    fill_row(
        page, "materials", 1, name="居民身份证", originals="1", copies="1", source="公安机关核发"
    )
    fill_row(
        page, "materials", 2, name="医学诊断证明", originals="1", copies="0", source="医疗机构出具"
    )
    page.uncheck('[name="form.widgets.materials.2.required"]')
    screenshot("materials")

    tab(page, "流程与时限")
    fill_row(page, "process", 0, title="申请", description="通过“示例人社”APP或窗口提交。")
    fill_row(page, "process", 1, title="审核", description="经办机构审核。")
    fill_row(page, "process", 2, title="发放", description="待遇发放至社会保障卡。")
    page.fill("#form-widgets-statutory_limit_days", "20")
    page.fill("#form-widgets-promised_limit_days", "10")
    page.fill("#form-widgets-visits_required", "0")
    page.fill("#form-widgets-online_url", "https://zwfw.example.gov.cn/rs/syj")

    tab(page, "办理地点和时间")
    page.fill("#form-widgets-location", "示例市政务服务中心一楼社保窗口")
    page.fill("#form-widgets-office_hours", "工作日 9:00-17:00")
    page.fill("#form-widgets-consult_phone", "0571-87012333、12333")
    page.fill("#form-widgets-complaint_phone", "12345")

    tab(page, "收费")
    page.fill("#form-widgets-fee", "不收费")
    screenshot("filled")
    page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")
    url = page.url.split("/view")[0].rstrip("/")
    assert NAME in page.inner_text("h1")
    materials = page.inner_text("#zhengwu-guide-materials")
    for text in ("生育保险待遇申领表", "居民身份证", "医学诊断证明", "非必要"):
        assert text in materials
    assert page.locator("#zhengwu-guide-missing").count() == 0  # complete
    screenshot("saved")

    page.click("#plone-contentmenu-workflow > a")
    page.click("#workflow-transition-submit")
    page.wait_for_load_state("networkidle")
    page.click("#zhengwu-transition-confirm")
    page.wait_for_load_state("networkidle")
    assert "待初审" in state_text(page)
    screenshot("submitted")

    for userid, transition in (
        ("first", "approve_first"),
        ("second", "approve_second"),
        ("final", "publish"),
    ):
        login(page, site, userid)
        page.goto(f"{url}/@@zhengwu-transition?workflow_action={transition}")
        page.fill("#zhengwu-comment", "同意")
        page.click("#zhengwu-transition-confirm")
        page.wait_for_load_state("networkidle")
    assert "已发布" in state_text(page)
    screenshot("published")

    # Anonymous: the guide index, by life event, then the printout.
    page.context.clear_cookies()
    page.goto(f"{dept}/@@service-guide-index")
    page.click("#zhengwu-facet-theme a:has-text('生育收养')")
    page.wait_for_load_state("networkidle")
    table = page.inner_text("#zhengwu-guides-table")
    assert NAME in table
    screenshot("found-by-theme")
    page.click(f"a.zhengwu-guide-link:has-text('{NAME}')")
    page.wait_for_load_state("networkidle")
    download = page.locator("#zhengwu-guide-materials a.zhengwu-blank-form").first
    assert download.get_attribute("href").endswith("生育保险待遇申领表.pdf")
    page.click("#zhengwu-guide-print")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/@@print")
    assert NAME in page.inner_text("h1")
    assert "医学诊断证明" in page.inner_text("body")
    page.emulate_media(media="print")
    screenshot("print-view")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
