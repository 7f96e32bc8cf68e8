"""The national page tags (政府网站网页设计规范) on every public page type,
read as the monitoring platform reads them: anonymous GETs of the live
site."""

from DateTime import DateTime
from lxml import html
from plone import api
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from tests.helpers import make_item
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from zhengwu.theme.page_tags import ARTICLE_TAGS
from zhengwu.theme.page_tags import SITE_TAGS
import pytest
import re
import transaction


# 13:58 UTC is 21:58 in Beijing: the tag must say 21:58.
KNOWN_INSTANT = DateTime("2026-03-01T13:58:00+00:00")
IDENTITY = {"site_code": "9999000001", "sponsor": "测试市人民政府办公室"}


def tags_of(response):
    assert response.status_code == 200, response.url
    tree = html.fromstring(response.content)
    found = {}
    for meta in tree.xpath("//head/meta[@name]"):
        found.setdefault(meta.get("name"), meta.get("content"))
    return found


@pytest.fixture
def pages(functional_portal):
    """Path → (kind, expected tags) of one page of every public type."""
    portal = functional_portal
    for name, value in IDENTITY.items():
        api.portal.set_registry_record(f"zhengwu.identity.{name}", value)
    root = portal["zh-cn"]
    dept = root["dept"]
    dept.column_type = "news"
    dept.description = "本局工作动态。"
    dept.setSubject(("政务动态", "测试局"))
    dept.reindexObject()
    with api.env.adopt_roles(["Manager"]):
        section = api.content.create(
            container=root, type="Folder", id="xwzx", title="新闻中心", column_type="news"
        )
        api.content.transition(section, transition="publish")
    news = make_item(portal, "published", portal_type="News Item", title="示例市召开工作会议")
    news.setEffectiveDate(KNOWN_INSTANT)
    news.setSubject(("会议",))
    news.reindexObject()
    document = make_item(portal, "published", title="机构职能")
    catalog = make_catalog(portal)
    catalog.column_type = "policy"
    catalog.reindexObject()
    disclosure = make_disclosure_item(catalog, "published")
    guide = make_guide(dept, "published")
    box = make_box(portal)
    petition, _code = make_petition(box, "published")
    transaction.commit()
    article = {"ContentSource": "测试局", "Author": "测试局"}
    return {
        "/zh-cn": ("home", {"ColumnName": "首页", "SiteIDCode": "9999000001"}),
        "/zh-cn/xwzx": ("column", {"ColumnName": "新闻中心", "ColumnType": "动态要闻"}),
        "/zh-cn/dept": (
            "column",
            {
                "ColumnName": "测试局",
                "ColumnDescription": "本局工作动态。",
                "ColumnKeywords": "政务动态,测试局",
            },
        ),
        path(news): (
            "article",
            dict(
                article,
                ArticleTitle="示例市召开工作会议",
                PubDate="2026-03-01 21:58",
                Keywords="会议",
                ColumnType="动态要闻",
                Url=news.absolute_url(),
            ),
        ),
        path(document): ("article", dict(article, ArticleTitle="机构职能")),
        path(catalog): ("column", {"ColumnName": "测试局"}),
        path(disclosure): ("article", dict(article, ColumnName="测试局")),
        path(dept) + "/@@service-guide-index": ("column", {"ColumnName": "测试局"}),
        path(guide): ("article", dict(article, ArticleTitle="企业设立登记")),
        path(box): ("column", {"ColumnName": "局长信箱"}),
        path(petition): ("article", article),
        "/zh-cn/@@search": ("home", {"ColumnName": "首页"}),
    }


def path(obj):
    return "/" + "/".join(obj.getPhysicalPath()[2:])


def test_every_public_page_carries_the_tags(pages, request_factory):
    anon = request_factory(json=False)
    problems = []
    for page, (kind, expected) in pages.items():
        tags = tags_of(anon.get(page))
        wanted = SITE_TAGS + (ARTICLE_TAGS if kind == "article" else ())
        problems += [f"{page}: {name} missing or empty" for name in wanted if not tags.get(name)]
        if kind != "article":
            problems += [f"{page}: {name} on a list page" for name in ARTICLE_TAGS if name in tags]
        problems += [
            f"{page}: {name} = {tags.get(name)!r}, not {value!r}"
            for name, value in expected.items()
            if tags.get(name) != value
        ]
        if kind == "article":
            assert re.fullmatch(r"20\d\d-\d\d-\d\d \d\d:\d\d", tags["PubDate"]), page
    assert not problems, "\n".join(problems)


def test_site_root_and_og_image(pages, request_factory):
    """The site root sends visitors on to their language, whose page carries
    the tags; og:image is the site's logo, never Plone's."""
    anon = request_factory(json=False)
    response = anon.get("")
    tags = tags_of(response)
    assert tags["SiteName"] == api.portal.get_registry_record("plone.site_title")
    assert tags["SiteDomain"] == "localhost"
    tree = html.fromstring(response.content)
    images = tree.xpath("//meta[@property='og:image']/@content")
    assert images and all("plone-logo" not in url for url in images), images
    assert images[0].endswith("++resource++zhengwu-site-logo.png")
    assert anon.get(images[0]).headers["Content-Type"] == "image/png"
