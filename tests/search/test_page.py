"""The search page (``@@search``) and ``@site-search``: types in words,
dates, departments, snippets highlighted and escaped, filters with counts,
the sort switch, zero-result suggestions, corrections, bad input."""

from plone import api
from tests.helpers import body
from tests.search.helpers import make_page
from zhengwu.search import site_search
from zhengwu.search.query import Understood
import pytest
import transaction


@pytest.fixture
def corpus(functional_portal):
    """Four published items about 公积金 of three kinds and dates (the
    product's clock is 2026-06-15), one draft, one item about something else."""
    transaction.begin()
    portal = functional_portal
    dept = portal["zh-cn"]["dept"]
    with api.env.adopt_roles(["Manager"]):
        news = api.content.create(
            container=dept, type="Folder", id="news", title="新闻", column_type="news"
        )
        api.content.transition(news, transition="publish")
    make_page(
        dept,
        "住房公积金提取办法",
        "职工提取住房公积金，需要提交&lt;script&gt;alert(1)&lt;/script&gt;身份证和提取申请。",
        published="2026-06-12T09:00+08:00",
    )
    make_page(
        dept, "年度工作要点", "今年将完善公积金缴存制度。", published="2025-03-01T09:00+08:00"
    )
    make_page(
        news,
        "公积金中心开展宣传活动",
        "活动介绍公积金政策。",
        published="2026-05-20T09:00+08:00",
        portal_type="News Item",
    )
    make_page(dept, "公积金贷款草稿", "尚未发布的公积金内容。", state="private")
    make_page(dept, "义务教育招生", "网上报名。", published="2026-06-01T09:00+08:00")
    transaction.commit()
    return portal


def search(session, **params):
    response = session.get("zh-cn/@site-search", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_results_with_type_date_department_and_snippet(corpus, anon_request):
    found = search(anon_request, q="公积金")
    items = {item["title"]: item for item in found["items"]}
    # the two title hits first, the body hit last
    assert [item["title"] for item in found["items"]][2] == "年度工作要点"
    assert set(items) == {"住房公积金提取办法", "公积金中心开展宣传活动", "年度工作要点"}
    first = items["住房公积金提取办法"]
    assert first["type"] == "other"
    assert first["type_title"] == "其他"
    assert first["date"] == "2026-06-12"
    assert first["department"]["token"] == corpus["zh-cn"]["dept"].UID()
    assert first["department"]["title"] == corpus["zh-cn"]["dept"].Title()
    assert items["公积金中心开展宣传活动"]["type"] == "news"
    assert items["公积金中心开展宣传活动"]["type_title"] == "新闻"
    assert found["query"]["sort"] == "relevance"


def test_snippets_highlight_and_escape(corpus, anon_request):
    found = {i["title"]: i for i in search(anon_request, q="公积金")["items"]}
    snippet = found["住房公积金提取办法"]["snippet"]
    # the word, or its synonym holding it (住房公积金), is marked
    assert "公积金</mark>" in snippet
    assert "<script>" not in snippet
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet


def test_the_draft_is_not_found_by_the_public(corpus, anon_request, request_factory):
    assert "公积金贷款草稿" not in body(anon_request.get("zh-cn/@site-search?q=公积金"))
    author = request_factory("author")
    assert "公积金贷款草稿" in [i["title"] for i in search(author, q="公积金")["items"]]


def test_filters_and_counts(corpus, anon_request):
    found = search(anon_request, q="公积金")
    counts = {
        name: {e["value"]: e["count"] for e in found["facets"][name]} for name in found["facets"]
    }
    assert counts["type"] == {"other": 2, "news": 1}
    assert counts["department"] == {corpus["zh-cn"]["dept"].UID(): 3}
    assert counts["time"] == {"week": 1, "month": 2, "year": 2}
    news = search(anon_request, q="公积金", type="news")
    assert [i["title"] for i in news["items"]] == ["公积金中心开展宣传活动"]
    # a facet's counts apply the other filters but not its own
    assert {e["value"]: e["count"] for e in news["facets"]["type"]} == {"other": 2, "news": 1}
    assert {e["value"]: e["count"] for e in news["facets"]["time"]} == {"month": 1, "year": 1}
    week = search(anon_request, q="公积金", time="week")
    assert [i["title"] for i in week["items"]] == ["住房公积金提取办法"]
    custom = search(anon_request, q="公积金", since="2025-01-01", until="2025-12-31")
    assert [i["title"] for i in custom["items"]] == ["年度工作要点"]
    dept = search(anon_request, q="公积金", department=corpus["zh-cn"]["dept"].UID())
    assert dept["items_total"] == 3


def test_sort_newest(corpus, anon_request):
    found = search(anon_request, q="公积金", sort="newest")
    assert [i["date"] for i in found["items"]] == ["2026-06-12", "2026-05-20", "2025-03-01"]


def test_filter_without_words_lists_newest(corpus, anon_request):
    found = search(anon_request, type="news")
    assert {i["title"] for i in found["items"]} == {"公积金中心开展宣传活动", "新闻"}
    assert [i["date"] for i in found["items"]] == sorted(
        (i["date"] for i in found["items"]), reverse=True
    )
    # the news column itself has no publication date: its creation date, never 1970
    dates = {i["title"]: i["date"] for i in found["items"]}
    assert dates["新闻"] >= "2026"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": "公积金", "type": "weather"}, "type"),
        ({"q": "公积金", "department": "nobody"}, "department"),
        ({"q": "公积金", "since": "2026-02-30"}, "since"),
        ({"q": "公积金", "until": "yesterday"}, "until"),
        ({"q": "公积金", "since": "2026-06-01", "until": "2026-05-01"}, "until"),
        ({"q": "公积金", "time": "decade"}, "time"),
        ({"q": "公积金", "time": "custom"}, "time"),
        ({"q": "公积金", "sort": "title"}, "sort"),
        ({"q": "公积金", "b_size": "1000"}, "b_size"),
        ({"q": "公积金" * 40}, "q"),
    ],
)
def test_bad_input_names_the_parameter(corpus, anon_request, params, field):
    response = anon_request.get("zh-cn/@site-search", params=params)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == field


def test_no_result_suggests(corpus, anon_request, monkeypatch):
    found = search(anon_request, q="公积金 宇宙飞船")
    assert found["items_total"] == 0
    # one word fewer each, then what understand() offers (a synonym)
    assert found["suggestions"][:2] == ["宇宙飞船", "公积金"]
    assert "住房公积金" in found["suggestions"]

    def understood(text):
        return Understood(query=text, words=[text], suggestions=["住房公积金"], corrected=None)

    monkeypatch.setattr(site_search, "understand", understood)
    found = search(anon_request, q="gongjijin")
    assert found["items_total"] == 0
    assert found["suggestions"] == ["住房公积金"]


def test_corrected_query(corpus, request_factory, monkeypatch):
    def understood(text):
        return Understood(query="公积金", words=["公积金"], suggestions=[], corrected="公积金")

    monkeypatch.setattr(site_search, "understand", understood)
    page = request_factory(json=False).get("zh-cn/@@search", params={"q": "公基金"})
    assert page.status_code == 200
    assert "已为您搜索" in body(page)
    assert 'id="zw-site-search-corrected"' in body(page)
    assert "住房公积金提取办法" in body(page)


def test_the_page(corpus, request_factory):
    session = request_factory(json=False)
    page = session.get("zh-cn/@@search", params={"SearchableText": "公积金"})
    assert page.status_code == 200
    html = body(page)
    assert html.count('class="zw-site-search-result') == 3
    assert "<mark>公积金</mark>" in html
    assert "&lt;script&gt;alert(1)" in html
    assert "<script>alert(1)" not in html
    assert 'id="zw-site-search-facet-type"' in html
    assert 'aria-current="true"' in html  # the chosen sort
    assert "2026-06-12" in html
    none = body(session.get("zh-cn/@@search", params={"q": "公积金 宇宙飞船"}))
    assert 'id="zw-site-search-none"' in none
    assert 'id="zw-site-search-suggestions"' in none
    bad = session.get("zh-cn/@@search", params={"q": "公积金", "type": "weather"})
    assert bad.status_code == 200
    assert 'id="zw-site-search-error"' in body(bad)


def test_header_box_leads_to_the_page(corpus, request_factory):
    html = body(request_factory(json=False).get("zh-cn"))
    assert 'action="' + corpus["zh-cn"].absolute_url() + '/@@search"' in html
