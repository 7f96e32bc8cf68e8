"""The portal's face without a browser: the theme zhengwu:default enables,
the skip link, the header and footer a page carries, no trace of Plone's
branding; the site identity's error-reporting address, validated."""

from lxml import html as lxml_html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.helpers import body
from zhengwu.site.identity import check_web_address
from zhengwu.site.identity import InvalidWebAddress
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def test_the_theme_is_ours(portal):
    assert api.portal.get_registry_record("plone.app.theming.interfaces.IThemeSettings.enabled")
    rules = api.portal.get_registry_record("plone.app.theming.interfaces.IThemeSettings.rules")
    assert rules == "/++theme++zhengwu/rules.xml"
    assert api.portal.get_registry_record("plone.bundles/zhengwu-theme.enabled")


def page(url):
    response = requests.get(url, timeout=30)
    assert response.status_code == 200
    return body(response), lxml_html.fromstring(response.content)


def test_a_page_has_skip_link_header_and_footer(functional_portal):
    api.portal.set_registry_record("zhengwu.identity.sponsor", "示例市人民政府办公室")
    api.portal.set_registry_record(
        "zhengwu.identity.error_report_url", "https://zfwzzc.www.gov.cn/"
    )
    transaction.commit()
    root = f"{functional_portal.absolute_url()}/zh-cn"
    text, tree = page(root)

    # The skip link is the body's first link and leads to <main>.
    first = tree.xpath("//body//a")[0]
    assert first.get("class") == "zw-skip-link"
    assert first.text_content() == "跳转到主要内容"
    target = first.get("href").lstrip("#")
    assert tree.xpath(f"//main[@id='{target}']")

    # One banner with the organ's name, a labelled search field, 登录.
    (banner,) = tree.xpath("//body/header")
    assert banner.xpath("string(.//*[@class='zw-site-name'])") == "示例市人民政府办公室"
    (field,) = banner.xpath(".//input[@name='SearchableText']")
    assert banner.xpath(f"string(.//label[@for='{field.get('id')}'])") == "搜索本站"
    assert banner.xpath("string(.//a[@id='zw-login'])") == "登录"
    (nav,) = tree.xpath("//nav[@id='zw-nav']")
    assert nav.get("aria-label") == "主导航"
    assert nav.xpath("string(.//a[@aria-current='page'])") == "首页"
    (crumbs,) = tree.xpath("//nav[@id='portal-breadcrumbs']")
    assert crumbs.get("aria-label") == "当前位置"

    # The footer: our links and the identity, nothing of Plone's.
    (footer,) = tree.xpath("//body/footer")
    links = {a.text_content().strip(): a.get("href") for a in footer.xpath(".//nav//a")}
    assert links == {
        "网站地图": f"{root}/sitemap",
        "联系我们": f"{root}/contact-info",
        "可访问性声明": f"{root}/accessibility-info",
        "我为政府网站找错": "https://zfwzzc.www.gov.cn/",
    }
    assert "主办单位" in footer.text_content()
    assert "Powered by Plone" not in text
    assert not tree.xpath("//img[contains(@src, 'plone-logo')]")
    assert "++theme++barceloneta/barceloneta-apple-touch-icon" not in text
    # The logo slot holds the neutral placeholder while no logo is set.
    (logo,) = banner.xpath(".//img[@class='zw-logo']")
    assert logo.get("src").endswith("++plone++zhengwu.theme/logo-placeholder.svg")


def test_plones_logo_address_serves_ours(functional_portal):
    """og:image points to ++resource++plone-logo.svg while no logo is set."""
    response = requests.get(
        f"{functional_portal.absolute_url()}/++resource++plone-logo.svg", timeout=30
    )
    assert response.status_code == 200
    assert "Logo placeholder" in body(response)


def test_error_report_link_hidden_when_empty(functional_portal):
    assert api.portal.get_registry_record("zhengwu.identity.error_report_url") is None
    text, tree = page(f"{functional_portal.absolute_url()}/zh-cn")
    assert not tree.xpath("//a[@id='zw-error-report']")
    assert tree.xpath("//nav[@id='zw-footer-links']//a")


@pytest.mark.parametrize(
    "value",
    ["https://zfwzzc.www.gov.cn/", "http://example.gov.cn/report?from=site", " https://a.cn "],
)
def test_web_address_accepted(value):
    assert check_web_address(value)


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "ftp://example.gov.cn/", "zfwzzc.www.gov.cn", "https://", "https://x"],
)
def test_web_address_refused(value):
    with pytest.raises(InvalidWebAddress):
        check_web_address(value)


def test_control_panel_validates_the_error_report_address(functional_portal):
    url = f"{functional_portal.absolute_url()}/@controlpanels/zhengwu-site-identity"
    refused = requests.patch(
        url, json={"error_report_url": "javascript:alert(1)"}, headers=JSON, auth=ADMIN, timeout=30
    )
    assert refused.status_code == 400
    assert "error_report_url" in body(refused)
    accepted = requests.patch(
        url,
        json={"error_report_url": "https://zfwzzc.www.gov.cn/"},
        headers=JSON,
        auth=ADMIN,
        timeout=30,
    )
    assert accepted.status_code == 204, body(accepted)
    transaction.begin()
    assert (
        api.portal.get_registry_record("zhengwu.identity.error_report_url")
        == "https://zfwzzc.www.gov.cn/"
    )


def test_the_products_types_have_icons(portal):
    """Listings and navigation portlets show the types' icons, not the
    blank square of an unknown type."""
    icons = portal.restrictedTraverse("@@iconresolver")
    assert icons.url("contenttype/disclosurecatalog").endswith("/journal-text.svg")
    assert icons.url("contenttype/serviceguide").endswith("/signpost-split.svg")


def test_the_english_site_and_the_portal_root_are_themed(functional_portal):
    for path in ("en", "", "zh-cn/@@search?SearchableText=x", "zh-cn/sitemap"):
        text, tree = page(f"{functional_portal.absolute_url()}/{path}")
        assert tree.xpath("//body/a[@class='zw-skip-link']"), path
        assert tree.xpath("//nav[@id='zw-nav']//a"), path
        assert "Powered by Plone" not in text
