"""What a citizen sees: the portal in Chinese with its identity in the footer."""

from plone import api
import transaction


def test_anonymous_sees_the_chinese_portal(functional_portal, page, screenshot):
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.site_title", "示例市人民政府")
        api.portal.set_registry_record("zhengwu.identity.sponsor", "示例市人民政府办公室")
        api.portal.set_registry_record("zhengwu.identity.site_code", "9999000001")
        api.portal.set_registry_record("zhengwu.identity.icp_number", "示ICP备20260001号-1")
        folder = api.content.create(
            container=functional_portal["zh-cn"], type="Folder", id="xxgk", title="政府信息公开"
        )
        api.content.transition(folder, to_state="published")
    transaction.commit()

    url = functional_portal.absolute_url()
    assert url.startswith("http://localhost:"), "Plone skips its theme for 127.0.0.1"
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/zh-cn")
    assert page.locator("html").get_attribute("lang") == "zh-cn"
    footer = page.locator("#portal-footer")
    assert "主办单位" in footer.inner_text()
    assert "示例市人民政府办公室" in footer.inner_text()
    assert (
        footer.get_by_role("link", name="示ICP备20260001号-1").get_attribute("href")
        == "https://beian.miit.gov.cn/"
    )
    assert page.get_by_role("link", name="政府信息公开").first.is_visible()
    assert page.get_by_role("link", name="登录").first.is_visible()
    screenshot("home")
