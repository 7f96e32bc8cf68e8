"""简/繁: the simplified pages in Traditional characters under ++hant++."""

from lxml import html as lxml_html
from plone import api
from plone.app.textfield.value import RichTextValue
from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster
from tests.helpers import body
from tests.helpers import make_item
from z3c.caching.interfaces import IPurgePaths
from zhengwu.testing import TEST_PASSWORD
from zhengwu.theme import variants
from zope.component import getAdapter
import pytest
import requests
import transaction


TEXT = "本站提供软件下载和网络服务，请使用鼠标点击打印机图标。"


@pytest.fixture
def page(functional_portal):
    """A published page of the test department."""
    doc = make_item(functional_portal, "published", title="软件下载服务")
    doc.description = "网络信息公开"
    doc.text = RichTextValue(f"<p>{TEXT}</p>", "text/html", "text/x-html-safe")
    doc.reindexObject()
    transaction.commit()
    return doc


def path(doc):
    return "/" + "/".join(doc.getPhysicalPath()[2:])


def get(url, **kwargs):
    response = requests.get(url, timeout=60, **kwargs)
    assert response.status_code == 200, url
    return response


def links(text):
    tree = lxml_html.fromstring(text)
    return [a.get("href") for a in tree.iter("a") if a.get("href")]


def test_the_traditional_page_is_converted_phrase_by_phrase(functional_portal, page):
    portal_url = functional_portal.absolute_url()
    text = body(get(f"{portal_url}/++hant++{path(page)}"))
    # Taiwan's standard (s2twp) by default: phrases, not just characters
    assert "軟體下載服務" in text
    assert "本站提供軟體下載和網路服務，請使用滑鼠點選印表機圖示。" in text
    assert "软件" not in text
    tree = lxml_html.fromstring(text)
    assert tree.get("lang") == "zh-Hant"
    assert text.lstrip().lower().startswith("<!doctype html>")
    assert tree.findtext(".//title").startswith("軟體下載服務")


def test_links_on_the_traditional_page_keep_the_marker(functional_portal, page):
    portal_url = functional_portal.absolute_url()
    text = body(get(f"{portal_url}/++hant++{path(page)}"))
    site_links = [href for href in links(text) if href.startswith(portal_url) and "/zh-cn" in href]
    assert f"{portal_url}/++hant++/zh-cn/dept" in site_links
    marked = [href for href in site_links if href.startswith(f"{portal_url}/++hant++/")]
    unmarked = [href for href in site_links if href not in marked]
    # Only the switch back to 简体 leaves the Traditional pages
    assert unmarked == [f"{portal_url}{path(page)}"]
    tree = lxml_html.fromstring(text)
    search = tree.xpath("//form[@id='searchGadget_form' or contains(@action, '@@search')]")
    assert search and search[0].get("action").startswith(f"{portal_url}/++hant++/")


def test_the_simplified_page_is_unchanged(functional_portal, page):
    portal_url = functional_portal.absolute_url()
    text = body(get(f"{portal_url}{path(page)}"))
    assert TEXT in text and "軟體" not in text
    assert lxml_html.fromstring(text).get("lang") == "zh-cn"
    assert not [href for href in links(text) if "++hant++" in href][1:], (
        "only the 繁體 switch links to the Traditional pages"
    )
    assert f"{portal_url}/++hant++{path(page)}" in links(text)


def test_the_setting_switches_to_hong_kong(functional_portal, page):
    api.portal.set_registry_record("zhengwu.traditional.standard", "s2hk")
    transaction.commit()
    text = body(get(f"{functional_portal.absolute_url()}/++hant++{path(page)}"))
    assert "軟件下載服務" in text and "網絡" in text
    assert "軟體" not in text


def test_marker_only_on_the_site_root(functional_portal, page):
    response = requests.get(f"{functional_portal.absolute_url()}/zh-cn/++hant++/xwzx", timeout=60)
    assert response.status_code == 404


def test_form_values_are_not_converted(functional_portal, page, manager_request):
    """An editor saving a form from a Traditional page keeps the simplified text."""
    with api.env.adopt_roles(["Manager"]):
        draft = api.content.create(container=page.aq_parent, type="Document", title="软件草稿")
    transaction.commit()
    response = manager_request.get(f"/++hant++{path(draft)}/edit", headers={"Accept": "text/html"})
    assert response.status_code == 200
    tree = lxml_html.fromstring(body(response))
    title = tree.xpath("//input[@name='form.widgets.IDublinCore.title']")
    assert title and title[0].get("value") == "软件草稿"
    assert tree.get("lang") == "zh-Hant"


def test_a_form_posted_from_a_traditional_page_works(functional_portal, page):
    """The login form of the Traditional pages logs in and stays there."""
    portal_url = functional_portal.absolute_url()
    session = requests.Session()
    form_page = session.get(f"{portal_url}/++hant++/zh-cn/login", timeout=60)
    tree = lxml_html.fromstring(body(form_page))
    form = tree.xpath("//form[contains(@action, 'login')]")[0]
    action = form.get("action")
    assert action.startswith(f"{portal_url}/++hant++/")
    data = {
        "__ac_name": "siteadmin",
        "__ac_password": TEST_PASSWORD,
        "came_from": "",
        "buttons.login": "登入",
    }
    response = session.post(action, data=data, timeout=60, allow_redirects=False)
    assert response.status_code == 302
    assert "__ac=" in response.headers["Set-Cookie"]
    assert response.headers["Location"].startswith(f"{portal_url}/++hant++/")


@pytest.mark.parametrize("path", ["/zh-cn/@@search", "/++hant++/zh-cn/@@search"])
def test_a_traditional_search_term_finds_simplified_content(functional_portal, page, path):
    text = body(
        get(f"{functional_portal.absolute_url()}{path}", params={"SearchableText": "軟體下載"})
    )
    assert page.getId() in text


def test_rest_search_in_traditional_characters(functional_portal, page, anon_request):
    response = anon_request.get("/@search", params={"SearchableText": "軟體"})
    assert response.status_code == 200
    assert [item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]] == [page.getId()]


def test_conversion_helpers():
    assert variants.convert("软件", "s2twp") == "軟體"
    assert variants.convert("软件", "s2hk") == "軟件"
    assert variants.to_simplified("軟體", "s2twp") == "软件"
    assert variants.to_simplified("軟件", "s2hk") == "软件"


def test_purging_an_item_purges_its_traditional_pages(portal):
    """plone.app.caching purges the ++hant++ pages of a changed item too."""
    item = portal["zh-cn"]
    paths = getAdapter(item, IPurgePaths, name="zhengwu.traditional").getRelativePaths()
    assert "/plone/++hant++/zh-cn/" in paths
    assert "/plone/++hant++/zh-cn/view" in paths
    assert not [path for path in paths if "++hant++" not in path]


def test_english_pages_are_left_alone(functional_portal):
    tree = lxml_html.fromstring(
        body(
            get(
                f"{functional_portal.absolute_url()}/++hant++/en", headers={"Accept-Language": "en"}
            )
        )
    )
    assert tree.get("lang") == "en"


def test_installed_and_uninstalled(portal):
    registry_keys = set(api.portal.get_tool("portal_registry").records.keys())
    assert "zhengwu.traditional.standard" in registry_keys
    assert "plone.bundles/zhengwu-access.jscompilation" in registry_keys
    configlets = [a.getId() for a in portal.portal_controlpanel.listActions()]
    assert "zhengwu-traditional" in configlets
    portal.portal_setup.runAllImportStepsFromProfile("profile-zhengwu:uninstall")
    registry_keys = set(api.portal.get_tool("portal_registry").records.keys())
    assert "zhengwu.traditional.standard" not in registry_keys
    assert "plone.bundles/zhengwu-access.jscompilation" not in registry_keys
    configlets = [a.getId() for a in portal.portal_controlpanel.listActions()]
    assert "zhengwu-traditional" not in configlets


def test_the_control_panel_sets_the_standard(functional_portal, manager_request):
    response = manager_request.get("/@@zhengwu-traditional", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "繁体标准" in body(response)
    response = manager_request.post(
        "/@@zhengwu-traditional",
        headers={"Accept": "text/html"},
        data={
            "form.widgets.standard:list": "s2hk",
            "form.buttons.save": "保存",
            "_authenticator": lxml_html.fromstring(body(response))
            .xpath("//input[@name='_authenticator']")[0]
            .get("value"),
        },
    )
    assert response.status_code == 200
    transaction.begin()
    assert api.portal.get_registry_record("zhengwu.traditional.standard") == "s2hk"


@pytest.mark.parametrize(
    "prefix, public",
    [
        ("/VirtualHostBase/https/www.example.gov.cn:443/plone/VirtualHostRoot", ""),
        (
            "/VirtualHostBase/https/www.example.gov.cn:443/plone/VirtualHostRoot/_vh_portal",
            "/portal",
        ),
    ],
)
def test_behind_a_virtual_host(functional_portal, page, prefix, public):
    """Behind a proxy (VirtualHostMonster), the marker sits after the site's
    public address and every link keeps it; the theme still applies."""
    app = functional_portal.aq_parent
    if "virtual_hosting" not in app.objectIds():
        manage_addVirtualHostMonster(app, "virtual_hosting")
        transaction.commit()
    server = functional_portal.absolute_url().rsplit("/", 1)[0]
    site = f"https://www.example.gov.cn{public}"
    item = path(page).removeprefix("/plone")
    text = body(get(f"{server}{prefix}/++hant++{item}"))
    tree = lxml_html.fromstring(text)
    assert tree.get("lang") == "zh-Hant" and "軟體下載服務" in text
    hrefs = links(text)
    assert f"{site}/++hant++/zh-cn/dept" in hrefs
    assert f"{site}{item}" in hrefs  # the switch back to 简体
    assert tree.xpath("//link[contains(@href, '++theme++')]")  # Diazo applied


def test_the_site_root_leads_to_the_traditional_home_page(functional_portal):
    response = get(f"{functional_portal.absolute_url()}/++hant++")
    assert "/++hant++/zh-cn" in response.url
    assert lxml_html.fromstring(body(response)).get("lang") == "zh-Hant"


@pytest.mark.parametrize("path", ["/zh-cn", "/@search", "/++hant++/zh-cn", "/zh-cn/@@search"])
def test_a_forged_search_term_is_no_server_error(functional_portal, path):
    """A lone surrogate (%ED%A0%80) beside Chinese characters: OpenCC cannot
    read it; the search term is left as it is, never a 500."""
    transaction.commit()
    url = f"{functional_portal.absolute_url()}{path}?SearchableText=%ED%A0%80%E4%B8%AD"
    response = requests.get(url, headers={"Accept": "application/json"}, timeout=60)
    assert response.status_code < 500, response.text[:200]


def test_convert_leaves_unreadable_text():
    assert variants.convert("\ud800中", "s2twp") == "\ud800中"
