"""The portal's home page (``@@portal-home``): each block from the catalog,
newest first, published items only, dates in Beijing time, nothing personal."""

from DateTime import DateTime
from plone import api
from plone.app.testing import logout
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from tests.helpers import body
from tests.helpers import make_item
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from tests.petitions.helpers import PERSONAL_VALUES
from zhengwu.interfaces import IZhengwuLayer
from zhengwu.theme.home import HomeView
from zope.globalrequest import getRequest
from zope.interface import alsoProvides
import re


def column(container, column_id, column_type, title=None):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=container,
            type="Folder",
            id=column_id,
            title=title or column_id,
            column_type=column_type,
        )
        api.content.transition(folder, transition="publish")
    return folder


def published(container, title, when, portal_type="Document"):
    """A published item whose publication time is ``when`` (UTC)."""
    item = make_item(None, "published", portal_type, title=title, container=container)
    item.setEffectiveDate(DateTime(when))
    item.reindexObject()
    return item


def home(portal):
    request = getRequest()
    alsoProvides(request, IZhengwuLayer)
    return HomeView(portal["zh-cn"], request)


def titles(block):
    return [entry["title"] for entry in block["entries"]]


def test_news_and_notices_newest_first_published_only(portal):
    news = column(portal["zh-cn"]["dept"], "news", "news", "新闻")
    notices = column(news, "notices", "notice", "通知公告")
    published(news, "旧闻", "2026/06/10 02:00 UTC")
    # 17:30 UTC on the 14th is 01:30 on the 15th in Beijing
    published(news, "深夜新闻", "2026/06/14 17:30 UTC", "News Item")
    published(news, "中间新闻", "2026/06/12 08:00 UTC", "News Item")
    make_item(None, "private", "News Item", title="草稿新闻", container=news)
    make_item(None, "pending_final", "News Item", title="待签发新闻", container=news)
    published(notices, "停电通知", "2026/06/13 01:00 UTC")
    view = home(portal)
    block = view.news()
    assert titles(block) == ["深夜新闻", "中间新闻", "旧闻"]  # no notice, no draft
    assert [e["date"] for e in block["entries"]] == ["2026-06-15", "2026-06-12", "2026-06-10"]
    assert block["more"] == news.absolute_url()
    assert set(block["entries"][0]) == {"title", "url", "date"}  # a title and a date, nothing else
    assert titles(view.notices()) == ["停电通知"]
    assert view.notices()["more"] == notices.absolute_url()


def test_the_list_size_and_configured_sources(portal):
    news = column(portal["zh-cn"]["dept"], "news", "news")
    other = column(portal["zh-cn"]["dept"], "other", "other")
    for day in range(1, 10):
        published(news, f"新闻{day}", f"2026/06/{day:02d} 02:00 UTC")
    published(other, "别处的新闻", "2026/06/11 02:00 UTC")
    view = home(portal)
    assert titles(view.news()) == [f"新闻{day}" for day in range(9, 2, -1)]  # 7 by default
    api.portal.set_registry_record("zhengwu.home.list_size", 2)
    api.portal.set_registry_record("zhengwu.home.news_sources", ["dept/other", "no/such/path"])
    assert titles(view.news()) == ["别处的新闻"]


def test_policies_and_interpretations(portal):
    catalog = make_catalog(portal)
    catalog.column_type = "policy"
    catalog.reindexObject()
    first = make_disclosure_item(catalog, "published", title="关于甲的通知")
    first.setEffectiveDate(DateTime("2026/05/01 02:00 UTC"))
    first.reindexObject()
    second = make_disclosure_item(catalog, "published", title="关于乙的意见")
    second.setEffectiveDate(DateTime("2026/06/01 02:00 UTC"))
    second.reindexObject()
    make_disclosure_item(catalog, "pending_first", title="待审文件")
    readings = column(portal["zh-cn"]["dept"], "readings", "interpretation")
    published(readings, "解读乙", "2026/06/02 02:00 UTC")
    view = home(portal)
    assert titles(view.policies()) == ["关于乙的意见", "关于甲的通知"]
    assert view.policies()["entries"][0]["date"] == "2026-06-01"
    assert titles(view.interpretations()) == ["解读乙"]


def test_service_themes_with_counts(portal):
    services = column(portal["zh-cn"]["dept"], "services", "service")
    make_guide(services, "published", title="甲", themes=["education"])
    make_guide(services, "published", title="乙", themes=["education", "housing"])
    make_guide(services, "private", title="丙", themes=["housing", "healthcare"])
    block = home(portal).services()
    assert [(t["id"], t["count"]) for t in block["entries"]] == [("education", 2), ("housing", 1)]
    assert block["total"] == 2
    assert block["entries"][0]["url"] == f"{services.absolute_url()}?theme=education"


def test_interaction_and_topics(portal):
    box = make_box(portal)
    make_petition(box, "published", title="公开的答复")
    make_petition(box, "answered", title="未公开的答复")
    topics = column(portal["zh-cn"], "topics", "topic", "专题")
    column(topics, "t1", "topic", "营商环境专题")
    block = home(portal).interaction()
    assert [m["title"] for m in block["messages"]] == ["公开的答复"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", block["messages"][0]["date"])
    assert [b["title"] for b in block["boxes"]] == ["局长信箱"]
    assert block["month"]["received"] == 2
    assert [t["title"] for t in home(portal).topics()] == ["营商环境专题"]


def test_the_page_shows_no_personal_field(portal):
    box = make_box(portal)
    make_petition(box, "published", title="公开的答复")
    news = column(portal["zh-cn"]["dept"], "news", "news")
    published(news, "深夜新闻", "2026/06/14 17:30 UTC")
    page = portal["zh-cn"]
    with api.env.adopt_roles(["Manager"]):
        page.setLayout("portal-home")
    logout()
    request = getRequest()
    alsoProvides(request, IZhengwuLayer)
    html = page.restrictedTraverse("@@portal-home")()
    assert "深夜新闻" in html and "2026-06-15" in html and "公开的答复" in html
    for value in PERSONAL_VALUES:
        assert value not in html
    for block in ("news", "notices", "policies", "interpretations", "services", "interaction"):
        assert f'id="zhengwu-home-{block}"' in html


def test_the_settings_page(request_factory):
    page = request_factory("siteadmin", json=False).get("/@@zhengwu-home-settings")
    assert page.status_code == 200
    text = body(page)
    assert "门户首页" in text and "要闻来源" in text
    anon = request_factory(json=False).get("/@@zhengwu-home-settings", allow_redirects=False)
    assert anon.status_code in (302, 401, 403)
