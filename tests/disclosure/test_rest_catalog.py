"""``@disclosure-catalog`` over REST: filters, facets, batching, bad input, and
that Anonymous never meets an unpublished item."""

from tests.disclosure.conftest import HIDDEN
import pytest
import requests


JSON = {"Accept": "application/json"}


def get(url, **params):
    return requests.get(f"{url}/@disclosure-catalog", params=params, headers=JSON, timeout=60)


def titles(data):
    return {item["title"] for item in data["items"]}


def test_lists_published_items_newest_first_with_every_field(search_catalog):
    catalog, made = search_catalog
    data = get(catalog.absolute_url()).json()
    assert data["items_total"] == 6
    assert not titles(data) & set(HIDDEN)
    item = data["items"][0]
    assert set(item) >= {
        "@id",
        "index_number",
        "title",
        "issuing_organ",
        "document_number",
        "written_date",
        "publication_date",
        "topic",
        "genre",
        "validity",
    }
    assert item["issuing_organ"]["title"] == "测试局"
    assert item["document_number"] == "示政办发〔2026〕3号"
    numbers = [i["index_number"] for i in data["items"]]
    assert numbers == sorted(numbers, reverse=True)  # published one after the other


@pytest.mark.parametrize(
    "params, expected",
    [
        (
            {"topic": "10"},
            {
                "关于印发示例市住房公积金管理办法的通知",
                "示例市城市规划三年行动计划",
                "示例市旧版住房管理规定",
            },
        ),
        ({"topic": "1002"}, {"关于印发示例市住房公积金管理办法的通知", "示例市旧版住房管理规定"}),
        ({"genre": "report"}, {"示例市财政预算执行情况报告"}),
        ({"topic": "04", "genre": "other"}, {"示例市税收优惠政策解读"}),
        ({"q": "住房"}, {"关于印发示例市住房公积金管理办法的通知", "示例市旧版住房管理规定"}),
        (
            {"q": "公积金", "topic": "10", "validity": "valid"},
            {"关于印发示例市住房公积金管理办法的通知"},
        ),
        ({"validity": "repealed"}, set()),
    ],
)
def test_filters(search_catalog, params, expected):
    catalog, _made = search_catalog
    assert titles(get(catalog.absolute_url(), **params).json()) == expected


def test_filter_by_organ_and_year(search_catalog):
    catalog, made = search_catalog
    data = get(catalog.absolute_url()).json()
    organ = data["items"][0]["issuing_organ"]["token"]
    year = data["items"][0]["publication_date"][:4]
    assert get(catalog.absolute_url(), organ=organ, year=year).json()["items_total"] == 6
    assert get(catalog.absolute_url(), year="2001").json()["items_total"] == 0


def test_facets_count_only_published_items(search_catalog):
    catalog, _made = search_catalog
    facets = get(catalog.absolute_url()).json()["facets"]
    topics = {f["value"]: f["count"] for f in facets["topic"]}
    assert topics == {"10": 3, "04": 2, "02": 1}  # not the private, pending or withdrawn ones
    assert {f["value"]: f["count"] for f in facets["genre"]}["notice"] == 1
    assert sum(f["count"] for f in facets["validity"]) == 6
    assert facets["organ"][0]["title"] == "测试局"


def test_facets_of_a_chosen_topic_show_its_second_levels(search_catalog):
    catalog, _made = search_catalog
    facets = get(catalog.absolute_url(), topic="10").json()["facets"]
    children = {
        f["value"]: (f["title"], f["count"]) for f in facets["topic"] if f.get("parent") == "10"
    }
    assert children == {"1001": ("城市规划", 1), "1002": ("城乡建设（含住房）", 2)}
    # the other facets apply the chosen topic
    assert sum(f["count"] for f in facets["genre"]) == 3
    # the topic facet itself ignores its own filter, so a citizen can switch topics
    assert {f["value"] for f in facets["topic"] if "parent" not in f} == {"10", "04", "02"}


def test_batching(search_catalog):
    catalog, _made = search_catalog
    data = get(catalog.absolute_url(), b_size=4).json()
    assert len(data["items"]) == 4 and data["items_total"] == 6
    assert "next" in data["batching"]
    second = requests.get(data["batching"]["next"], headers=JSON, timeout=60).json()
    assert len(second["items"]) == 2


@pytest.mark.parametrize(
    "params, field",
    [
        ({"topic": "99"}, "topic"),
        ({"genre": "poem"}, "genre"),
        ({"year": "twenty"}, "year"),
        ({"validity": "maybe"}, "validity"),
        ({"organ": "nope"}, "organ"),
        ({"b_size": "1000"}, "b_size"),
        ({"sort_on": "Creator"}, "sort_on"),
        ({"format": "xls"}, "format"),
        ({"q": "长" * 101}, "q"),
        ({"topic": ["10", "04"]}, "topic"),
        ({"q": '"'}, "q"),
    ],
)
def test_bad_filters_are_400_naming_the_field(search_catalog, params, field):
    catalog, _made = search_catalog
    response = get(catalog.absolute_url(), **params)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field
    assert response.json()["error"]["message"]


def test_a_query_of_wildcards_only_filters_nothing(search_catalog):
    catalog, _made = search_catalog
    assert get(catalog.absolute_url(), q="*").json()["items_total"] == 6


def test_at_the_site_root(search_catalog, functional_portal):
    data = get(functional_portal.absolute_url()).json()
    assert data["items_total"] == 6


def test_sort_by_written_date(search_catalog):
    catalog, _made = search_catalog
    data = get(catalog.absolute_url(), sort_on="written_date", sort_order="ascending").json()
    assert data["items"][0]["title"] == "示例市旧版住房管理规定"
