"""Relevance (zhengwu.search.ranking): title hits above body hits, the exact
phrase above scattered words, newer above older at equal relevance, on the
search page's order and the faceted listings' ``q``."""

from plone import api
from tests.search.helpers import make_page
from zhengwu.search import ranking
from zhengwu.search.site_search import Selection
from zhengwu.search.site_search import SiteSearch
import pytest


FILLER = "本市各部门按照要求认真组织实施，确保各项工作落到实处。"


def titles(portal, **form):
    request = portal.REQUEST
    selection = Selection(form)
    found = SiteSearch(portal["zh-cn"], selection, request)
    return [brain.Title for brain in found.page()]


@pytest.fixture
def dept(portal):
    return portal["zh-cn"]["dept"]


def test_title_hits_above_body_hits(portal, dept):
    # The body hit scores higher (the word three times in a short text) and
    # is newer: only the title tier puts the title hit first.
    make_page(dept, "年度工作安排", "公积金，公积金，公积金。", published="2026-06-10")
    make_page(dept, "公积金提取办法", FILLER * 3, published="2026-01-10")
    assert titles(portal, q="公积金") == ["公积金提取办法", "年度工作安排"]


def test_exact_phrase_above_scattered_words(portal, dept):
    # The same words, as many times, in texts as long; the scattered one newer.
    make_page(dept, "通知一", f"公积金住房。{FILLER}", published="2026-06-10")
    make_page(dept, "通知二", f"住房公积金。{FILLER}", published="2026-01-10")
    assert titles(portal, q="住房 公积金") == ["通知二", "通知一"]
    assert titles(portal, q="住房 公积金", sort="newest") == ["通知一", "通知二"]


def test_newer_above_older_at_equal_relevance(portal, dept):
    for title, day in (("旧", "2025-03-01"), ("新", "2026-05-01"), ("中", "2025-12-01")):
        make_page(dept, f"养老服务补贴{title}", FILLER, published=day)
    assert titles(portal, q="养老服务补贴") == [
        "养老服务补贴新",
        "养老服务补贴中",
        "养老服务补贴旧",
    ]


def test_the_sort_switch_orders_by_date(portal, dept):
    make_page(dept, "公积金提取办法", FILLER, published="2026-01-10")
    make_page(dept, "年度工作安排", f"{FILLER}公积金。", published="2026-06-10")
    assert titles(portal, q="公积金", sort="newest") == ["年度工作安排", "公积金提取办法"]
    assert titles(portal, q="公积金", sort="relevance") == ["公积金提取办法", "年度工作安排"]


def test_only_the_page_is_ranked(portal, dept):
    for n in range(5):
        make_page(dept, f"义务教育招生{n}", FILLER, published=f"2026-0{n + 1}-01")
    assert titles(portal, q="义务教育招生", b_size="2", b_start="2") == [
        "义务教育招生2",
        "义务教育招生1",
    ]


def test_ranked_takes_tiers_in_order(portal, dept):
    body = make_page(dept, "其他", f"{FILLER}营商环境优化。", published="2026-06-01")
    title = make_page(dept, "营商环境", FILLER, published="2025-01-01")
    catalog = api.portal.get_tool("portal_catalog")
    scores = ranking.scores(catalog, "营商环境")
    rids = ranking.IISet(scores.keys())
    order = ranking.ranked(catalog, rids, scores, "营商环境", "营商环境", 10)
    paths = [catalog.getpath(rid) for rid in order]
    assert paths == ["/".join(o.getPhysicalPath()) for o in (title, body)]


def test_phrase_hits_only_among_the_given_records(portal, dept):
    together = make_page(dept, "甲", f"{FILLER}住房公积金。", published="2026-01-01")
    make_page(dept, "乙", f"住房建设。{FILLER}公积金。", published="2026-01-01")
    other = make_page(dept, "丙", f"{FILLER}住房公积金。", published="2026-01-01")
    catalog = api.portal.get_tool("portal_catalog")
    all_rids = ranking.IISet(ranking.scores(catalog, "住房 公积金").keys())
    assert len(all_rids) == 3
    path = "/".join(together.getPhysicalPath())
    found = ranking.phrase_hits(catalog, all_rids, "住房公积金")
    assert sorted(catalog.getpath(rid) for rid in found) == sorted(
        [path, "/".join(other.getPhysicalPath())]
    )
    only = ranking.IISet([catalog.getrid(path)])
    assert list(ranking.phrase_hits(catalog, only, "住房公积金")) == list(only)
    # a word no text has: no phrase; one word: the records holding it
    assert not ranking.phrase_hits(catalog, all_rids, "住房宇宙")
    assert len(ranking.phrase_hits(catalog, all_rids, "住房")) == 3
