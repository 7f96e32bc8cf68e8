"""Article pages: the final approval sets the publication date; the page
shows 发布时间 (Beijing time), 来源, print and text size; news columns list
their items with dates."""

from DateTime import DateTime
from plone import api
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.helpers import body
from tests.helpers import make_item
from tests.helpers import PATH_TO
import transaction


def test_publishing_sets_the_publication_date(portal):
    item = make_item(portal, "pending_final", "News Item")
    assert item.effective_date is None
    before = DateTime()
    with api.env.adopt_user(username="chain_final"):
        api.content.transition(item, transition="publish", comment="同意")
    assert before <= item.effective_date <= DateTime()
    [brain] = api.content.find(UID=item.UID())
    assert brain.effective == item.effective_date


def test_a_date_set_by_the_editor_is_kept(portal):
    item = make_item(portal, "private", "Document")
    # Written before it is dated: a date before the creation day would be
    # refused as backdated (supervision/prepublish/dates.py).
    item.creation_date = DateTime("2026/05/20 01:00 UTC")
    item.setEffectiveDate(DateTime("2026/06/01 01:00 UTC"))
    for transition, userid in PATH_TO["published"]:
        with api.env.adopt_user(username=userid):
            api.content.transition(item, transition=transition, comment="测试")
    assert item.effective_date == DateTime("2026/06/01 01:00 UTC")


def test_the_article_page(functional_portal, request_factory):
    item = make_item(functional_portal, "published", "News Item", title="新闻稿")
    item.setEffectiveDate(DateTime("2026/06/15 13:58 UTC"))
    item.reindexObject()
    catalog = make_catalog(functional_portal)
    document = make_disclosure_item(catalog, "published", title="公开文件")
    transaction.commit()
    anon = request_factory(json=False)
    page = body(anon.get(f"/zh-cn/dept/{item.getId()}"))
    assert 'id="zhengwu-article-published"' in page
    assert ">2026-06-15 21:58</time>" in page
    assert "发布时间" in page and "来源" in page
    assert 'id="zhengwu-article-print"' in page
    for size in ("large", "medium", "small"):
        assert f'data-zhengwu-font="{size}"' in page
    dept_title = functional_portal["zh-cn"]["dept"].Title()
    assert f'<dd id="zhengwu-article-source">{dept_title}</dd>' in page
    page = body(anon.get(f"/zh-cn/dept/{catalog.getId()}/{document.getId()}"))
    assert f'<dd id="zhengwu-article-source">{dept_title}</dd>' in page  # the issuing organ
    assert anon.get("/++resource++zhengwu.home/article-tools.js").status_code == 200


def test_the_news_listing_shows_dates(functional_portal, request_factory):
    with api.env.adopt_roles(["Manager"]):
        news = api.content.create(
            container=functional_portal["zh-cn"]["dept"], type="Folder", id="news", title="新闻"
        )
        api.content.transition(news, transition="publish")
        news.setLayout("news-listing")
    for title, when in (("早的", "2026/06/01 02:00 UTC"), ("晚的", "2026/06/14 17:30 UTC")):
        item = make_item(None, "published", "News Item", title=title, container=news)
        item.setEffectiveDate(DateTime(when))
        item.reindexObject()
    make_item(None, "private", "News Item", title="草稿", container=news)
    transaction.commit()
    page = body(request_factory(json=False).get("/zh-cn/dept/news"))
    assert 'id="zhengwu-news-listing"' in page
    assert page.index("晚的") < page.index("早的")
    assert '<time datetime="2026-06-15">2026-06-15</time>' in page
    assert "草稿" not in page
