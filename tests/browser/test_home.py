"""The portal's home page as a citizen sees it, on a desktop (1366×900) and
a phone (390×844): the demo site's front page showing ``@@portal-home``."""

from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest
import re
import transaction


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_the_home_page(functional_portal, page, screenshot):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    request = getRequest()
    setRequest(functional_portal.REQUEST)
    try:
        applyProfile(functional_portal, "zhengwu:demo")
    finally:
        setRequest(request)
    setRoles(functional_portal, TEST_USER_ID, ["Member"])
    transaction.commit()

    url = f"{functional_portal.absolute_url()}/zh-cn"
    for width, height, name in ((1366, 900, "desktop"), (390, 844, "phone")):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(url)
        page.wait_for_load_state("networkidle")
        home = page.locator("#zhengwu-home")
        assert home.is_visible()
        for block, heading in (
            ("news", "要闻"),
            ("notices", "通知公告"),
            ("policies", "政策文件"),
            ("interpretations", "政策解读"),
            ("services", "办事服务"),
            ("interaction", "互动交流"),
        ):
            section = page.locator(f"#zhengwu-home-{block}")
            assert section.get_by_role("heading", level=2).inner_text() == heading
        news = page.locator("#zhengwu-home-news li")
        assert news.count() == 7
        dates = page.locator("#zhengwu-home-news time").all_inner_texts()
        assert all(DATE.match(d) for d in dates) and dates == sorted(dates, reverse=True)
        assert page.locator("#zhengwu-home-topics a").count() == 2
        assert "本月" in page.locator("#zhengwu-home-month").inner_text()
        # nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(name)

    # an article: publication time, source, print and text size
    page.set_viewport_size({"width": 1366, "height": 900})
    page.locator("#zhengwu-home-news li a").first.click()
    page.wait_for_load_state("networkidle")
    published = page.locator("#zhengwu-article-published").inner_text()
    assert re.match(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", published)
    assert page.locator("#zhengwu-article-source").inner_text() == "示例市人民政府办公室"
    page.get_by_role("button", name="大").click()
    assert "zhengwu-font-large" in page.locator("#content").get_attribute("class")
    assert page.get_by_role("button", name="大").get_attribute("aria-pressed") == "true"
    screenshot("article")
