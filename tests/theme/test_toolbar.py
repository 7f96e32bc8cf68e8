"""The header's tools as the server renders them: the switches 简体 / 繁體 /
English, the 无障碍 toolbar with translated labels, the early script."""

from lxml import html as lxml_html
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from tests.helpers import body
from tests.helpers import make_item
import json
import pytest
import requests
import transaction


@pytest.fixture
def item(functional_portal):
    doc = make_item(functional_portal, "published", title="软件下载服务")
    transaction.commit()
    return doc


def tree_of(url):
    response = requests.get(url, timeout=60)
    assert response.status_code == 200, url
    return lxml_html.fromstring(body(response))


def switch(tree):
    nav = tree.xpath("//nav[contains(@class, 'zw-switch')]")
    assert len(nav) == 1
    return {a.text_content().strip(): a for a in nav[0].iter("a")}


def test_the_switches_lead_to_the_same_page_and_to_the_english_site(functional_portal, item):
    url = item.absolute_url()
    portal_url = functional_portal.absolute_url()
    links = switch(tree_of(url))
    assert links["简体"].get("href") == url
    assert links["简体"].get("aria-current") == "true"
    assert links["繁體"].get("href") == url.replace(portal_url, f"{portal_url}/++hant++")
    assert links["English"].get("href") == f"{portal_url}/en"

    # From the Traditional page: back to the simplified one, English unmarked
    links = switch(tree_of(f"{portal_url}/++hant++/zh-cn/dept/{item.getId()}"))
    assert links["简体"].get("href") == url
    assert links["繁體"].get("aria-current") == "true"
    assert links["English"].get("href") == f"{portal_url}/en"


def test_the_english_switch_leads_to_the_translation(functional_portal, item):
    with api.env.adopt_roles(["Manager"]):
        english = api.content.create(
            container=functional_portal["en"], type="Folder", id="software", title="Software"
        )
        api.content.transition(english, to_state="published")
        ITranslationManager(item).register_translation("en", english)
        item.reindexObject()  # its translation group, new
    transaction.commit()
    links = switch(tree_of(item.absolute_url()))
    assert links["English"].get("href") == english.absolute_url()
    # and the English page leads back to its Chinese original
    links = switch(tree_of(english.absolute_url()))
    assert links["简体"].get("href") == item.absolute_url()
    assert links["English"].get("aria-current") == "true"


def test_the_toolbar_is_labelled_and_translated(functional_portal, item):
    tree = tree_of(item.absolute_url())
    box = tree.xpath("//div[contains(@class, 'zw-a11y')]")[0]
    opener = box.xpath(".//button[contains(@class, 'zw-a11y-open')]")[0]
    assert opener.text_content().strip() == "无障碍"
    assert opener.get("aria-expanded") == "false"
    assert opener.get("aria-controls") == "zw-a11y-panel"
    elder = box.xpath(".//button[@data-zw-toggle='elder']")[0]
    assert (elder.text_content().strip(), elder.get("aria-pressed")) == ("长者模式", "false")
    toolbar = box.xpath(".//*[@role='toolbar']")[0]
    assert toolbar.get("aria-label") == "无障碍工具"
    labels = [button.text_content().strip() for button in toolbar.iter("button")]
    assert labels == [
        "缩小字号",
        "放大字号",
        "高对比度",
        "加大行距",
        "大鼠标",
        "阅读辅助线",
        "朗读",
        "恢复默认",
        "关闭",
    ]
    messages = json.loads(box.xpath(".//script[@type='application/json']")[0].text)
    assert "zh-CN" in messages["noVoice"] and "语音" in messages["noVoice"]
    assert messages["steps"][-1] == 200
    # The stored choices are applied in <head>, before the page is painted
    head_scripts = "".join(script.text or "" for script in tree.xpath("//head/script"))
    assert "zhengwuA11y" in head_scripts
    assert tree.xpath("//script[contains(@src, '++plone++zhengwu.access/toolbar.js')]")
    assert tree.xpath("//link[contains(@href, '++plone++zhengwu.access/toolbar.css')]")


def test_the_toolbar_strings_are_converted_on_traditional_pages(functional_portal, item):
    tree = tree_of(f"{functional_portal.absolute_url()}/++hant++/zh-cn/dept/{item.getId()}")
    box = tree.xpath("//div[contains(@class, 'zw-a11y')]")[0]
    assert box.xpath(".//*[@role='toolbar']")[0].get("aria-label") == "無障礙工具"
    messages = json.loads(box.xpath(".//script[@type='application/json']")[0].text)
    assert "語音" in messages["noVoice"]
    # the names of the scripts are never converted
    assert set(switch(tree)) == {"简体", "繁體", "English"}
