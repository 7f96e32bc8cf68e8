"""The 无障碍 toolbar, 长者模式 and 繁體 in the browser, with the keyboard alone:
each control changes the page, the choices follow the reader to the next
page, reset restores the page; screenshots at 1366×900 and 390×844."""

from plone.app.textfield.value import RichTextValue
from plone.portlet.static import static
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from tests.browser.conftest import ROOT
from tests.helpers import make_item
from zope.component import getMultiAdapter
from zope.component import getUtility
import os
import pytest
import transaction


TEXT = (
    "<p>为进一步做好政务公开工作，本站提供软件下载和网络服务。"
    "请使用鼠标点击打印机图标打印本页。</p>"
    "<p>各区县人民政府、市政府各部门要按照本通知要求，认真组织实施。</p>"
)
DESKTOP = {"width": 1366, "height": 900}
# axe-core from npm (package.json at the repository root, `npm ci`)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def article(functional_portal):
    """A published article in the test department, and a portlet beside it."""
    item = make_item(functional_portal, "published", title="关于软件正版化工作的通知")
    item.text = RichTextValue(TEXT, "text/html", "text/x-html-safe")
    item.reindexObject()
    section = functional_portal["zh-cn"]
    manager = getUtility(IPortletManager, name="plone.rightcolumn", context=section)
    mapping = getMultiAdapter((section, manager), IPortletAssignmentMapping)
    mapping["links"] = static.Assignment(
        header="相关链接", text="<p><a href='https://www.gov.cn/'>中国政府网</a></p>"
    )
    transaction.commit()
    return item


def html_classes(page):
    return (page.locator("html").get_attribute("class") or "").split()


def font_size(page, selector="body"):
    return page.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)")


def open_toolbar(page):
    opener = page.get_by_role("button", name="无障碍")
    opener.focus()
    page.keyboard.press("Enter")
    toolbar = page.get_by_role("toolbar", name="无障碍工具")
    assert toolbar.is_visible()
    assert opener.get_attribute("aria-expanded") == "true"
    return toolbar


def press_on(page, toolbar, name, key="Enter"):
    """Move along the toolbar with the arrow keys to ``name``, then press ``key``."""
    for _ in range(12):
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            break
        page.keyboard.press("ArrowRight")
    else:
        raise AssertionError(f"no {name} in the toolbar")
    page.keyboard.press(key)
    return toolbar.get_by_role("button", name=name)


def shoot(page, screenshot, step):
    page.set_viewport_size(DESKTOP)
    screenshot(f"{step}-1366")
    page.set_viewport_size(PHONE)
    screenshot(f"{step}-390")
    page.set_viewport_size(DESKTOP)


def test_every_control_with_the_keyboard(article, page, screenshot):
    page.set_viewport_size(DESKTOP)
    page.goto(article.absolute_url())
    normal = font_size(page)
    toolbar = open_toolbar(page)
    # The first item has the focus; the arrows move it, Escape closes.
    assert page.evaluate("document.activeElement.textContent.trim()") == "缩小字号"

    # Text size: four steps up to 200%
    for step, ratio in enumerate((1.25, 1.5, 1.75, 2.0), start=1):
        press_on(page, toolbar, "放大字号")
        assert f"zw-text-{step}" in html_classes(page)
        assert font_size(page) == pytest.approx(normal * ratio, abs=0.5)
    assert toolbar.get_by_role("button", name="放大字号").get_attribute("aria-disabled") == "true"
    assert "字号：200%" in page.get_by_role("status").inner_text()

    contrast = press_on(page, toolbar, "高对比度")
    assert "zw-contrast" in html_classes(page)
    assert contrast.get_attribute("aria-pressed") == "true"
    background = page.eval_on_selector("body", "e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    link = page.locator("#portal-breadcrumbs a").first
    assert link.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 0)"

    press_on(page, toolbar, "加大行距", key="Space")
    assert "zw-spacing" in html_classes(page)
    paragraph = "#content-core p"
    line_height = page.eval_on_selector(
        paragraph, "e => parseFloat(getComputedStyle(e).lineHeight)"
    )
    assert line_height >= 1.5 * font_size(page, paragraph)

    press_on(page, toolbar, "大鼠标")
    assert "zw-cursor" in html_classes(page)
    cursor = page.eval_on_selector("#content-core p", "e => getComputedStyle(e).cursor")
    assert "cursor.svg" in cursor

    press_on(page, toolbar, "阅读辅助线")
    assert "zw-guide" in html_classes(page)
    guide = page.locator(".zw-guide-line")
    page.mouse.move(300, 400)
    assert guide.evaluate("e => e.getBoundingClientRect().top") == pytest.approx(400, abs=2)
    page.mouse.move(300, 250)
    assert guide.evaluate("e => e.getBoundingClientRect().top") == pytest.approx(250, abs=2)

    page.keyboard.press("Escape")
    assert not toolbar.is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "无障碍"
    shoot(page, screenshot, "contrast")

    # The choices follow the reader to the next page, applied before paint.
    page.goto(article.aq_parent.absolute_url())
    classes = html_classes(page)
    for name in ("zw-text-4", "zw-contrast", "zw-spacing", "zw-cursor", "zw-guide"):
        assert name in classes
    assert font_size(page) == pytest.approx(normal * 2, abs=0.5)

    toolbar = open_toolbar(page)
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.textContent.trim()") == "关闭"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Enter")
    assert not [name for name in html_classes(page) if name.startswith("zw-")]
    assert font_size(page) == pytest.approx(normal, abs=0.5)
    assert page.locator(".zw-guide-line").count() == 0
    page.reload()
    assert not [name for name in html_classes(page) if name.startswith("zw-")]


def test_elder_mode_in_one_click(article, page, screenshot):
    page.set_viewport_size(DESKTOP)
    page.goto(article.absolute_url())
    normal = font_size(page)
    sidebar = page.locator("#portal-column-two")
    assert sidebar.is_visible()
    elder = page.get_by_role("button", name="长者模式")
    elder.focus()
    page.keyboard.press("Space")
    assert elder.get_attribute("aria-pressed") == "true"
    classes = html_classes(page)
    assert "zw-elder" in classes and "zw-spacing" in classes and "zw-text-2" in classes
    assert font_size(page) >= normal * 1.5 - 0.5
    assert not sidebar.is_visible()
    content = page.locator("#portal-column-content").bounding_box()
    assert (
        content["width"]
        >= 0.9 * page.locator("#portal-column-content").locator("xpath=..").bounding_box()["width"]
    )
    shoot(page, screenshot, "elder")

    page.goto(article.aq_parent.absolute_url())
    assert "zw-elder" in html_classes(page)
    assert page.get_by_role("button", name="长者模式").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="长者模式").focus()
    page.keyboard.press("Enter")
    assert "zw-elder" not in html_classes(page)
    assert font_size(page) == pytest.approx(normal, abs=0.5)


def test_reading_aloud_says_when_there_is_no_chinese_voice(article, page):
    # As in most headless Chromiums: no voice at all (made certain here).
    page.add_init_script("speechSynthesis.getVoices = () => [];")
    page.goto(article.absolute_url())
    toolbar = open_toolbar(page)
    press_on(page, toolbar, "朗读")
    status = page.get_by_role("status")
    status.filter(has_text="zh-CN").wait_for()
    assert "未安装中文（zh-CN）语音" in status.inner_text()
    # A click elsewhere closes the panel
    page.locator("h1").click()
    assert not toolbar.is_visible()


def test_reading_aloud_the_selection_with_a_chinese_voice(article, page):
    page.add_init_script(
        """
        window.spoken = [];
        const voice = {lang: "zh-CN", name: "测试语音"};
        speechSynthesis.getVoices = () => [{lang: "en-US", name: "English"}, voice];
        speechSynthesis.speak = (u) => window.spoken.push({text: u.text, voice: u.voice});
        window.SpeechSynthesisUtterance = function (text) { this.text = text; };
        """
    )
    page.goto(article.absolute_url())
    page.evaluate(
        """() => {
        const p = document.querySelector('#content-core p');
        const range = document.createRange();
        range.selectNodeContents(p);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
    }"""
    )
    toolbar = open_toolbar(page)
    press_on(page, toolbar, "朗读")
    spoken = page.evaluate("window.spoken")
    assert len(spoken) == 1
    assert spoken[0]["text"].startswith("为进一步做好政务公开工作")
    assert spoken[0]["voice"]["lang"] == "zh-CN"
    assert "正在朗读" in page.get_by_role("status").inner_text()


def test_traditional_pages(article, page, screenshot):
    page.set_viewport_size(DESKTOP)
    page.goto(article.absolute_url())
    page.get_by_role("link", name="繁體").click()
    page.wait_for_load_state("networkidle")
    assert "/++hant++/" in page.url
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert "本站提供軟體下載和網路服務" in page.locator("#content-core").inner_text()
    assert page.get_by_role("button", name="無障礙").is_visible()
    assert page.get_by_role("link", name="繁體").get_attribute("aria-current") == "true"
    shoot(page, screenshot, "traditional")

    # Links keep the reader in Traditional characters.
    page.locator("#portal-breadcrumbs").get_by_role("link", name="測試局").click()
    page.wait_for_load_state("networkidle")
    assert "/++hant++/zh-cn/dept" in page.url
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    page.go_back()
    page.wait_for_load_state("networkidle")

    # The toolbar's choices hold on the Traditional pages too.
    page.get_by_role("button", name="長者模式").click()
    assert "zw-elder" in html_classes(page)
    page.get_by_role("link", name="简体").click()
    page.wait_for_load_state("networkidle")
    assert "++hant++" not in page.url
    assert "zw-elder" in html_classes(page)
    assert "本站提供软件下载和网络服务" in page.locator("#content-core").inner_text()


@pytest.fixture
def axe(page):
    """axe(context=None, rules=None) → the serious and critical violations."""
    if not AXE.exists():
        reason = f"{AXE} is missing: run `npm ci` at the repository root"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    source = AXE.read_text()

    def run(context=None, rules=None):
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.add_script_tag(content=source)
        options = (
            {"runOnly": {"type": "rule", "values": rules}}
            if rules
            else {"runOnly": {"type": "tag", "values": WCAG_AA}}
        )
        result = page.evaluate(
            "([context, options]) => axe.run(context || document, options)", [context, options]
        )
        return [
            f"{v['id']}: {' '.join(n['target'][0] for n in v['nodes'][:5])}"
            for v in result["violations"]
            if v["impact"] in ("critical", "serious")
        ]

    return run


def test_axe_finds_nothing_serious_in_the_tools(article, page, axe):
    """The tools in every state pass WCAG 2.1 AA; in high contrast no text on
    the whole page lacks contrast."""
    page.set_viewport_size(DESKTOP)
    page.goto(article.absolute_url())
    tools = {"include": [[".zw-headertools"]]}
    assert axe(tools) == []
    open_toolbar(page)
    assert axe(tools) == []
    toolbar = page.get_by_role("toolbar")
    press_on(page, toolbar, "高对比度")
    assert axe(tools) == []
    assert axe(rules=["color-contrast"]) == []
    press_on(page, toolbar, "高对比度")
    page.get_by_role("button", name="长者模式").click()
    assert axe(tools) == []
    assert axe({"include": [["#content"]]}, rules=["color-contrast"]) == []
