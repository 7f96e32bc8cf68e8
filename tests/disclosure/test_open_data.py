"""Open data (CSV, JSON), ``@index-number`` and the feeds: published items only."""

from tests.disclosure.conftest import HIDDEN
from tests.helpers import body
import csv
import io
import json
import requests


JSON = {"Accept": "application/json"}


def test_csv_export_streams_the_selection(search_catalog):
    catalog, _made = search_catalog
    response = requests.get(
        f"{catalog.absolute_url()}/@disclosure-catalog",
        params={"format": "csv", "topic": "10"},
        headers=JSON,
        timeout=60,
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["index_number", "title", "issuing_organ"]
    assert {r[1] for r in rows[1:]} == {
        "关于印发示例市住房公积金管理办法的通知",
        "示例市城市规划三年行动计划",
        "示例市旧版住房管理规定",
    }
    assert rows[1][2] == "测试局"  # titles, not tokens


def test_csv_for_clients_that_accept_text_csv(search_catalog):
    catalog, _made = search_catalog
    response = requests.get(
        f"{catalog.absolute_url()}/@disclosure-catalog", headers={"Accept": "text/csv"}, timeout=60
    )
    assert response.status_code == 200
    assert (
        len(response.content.decode("utf-8-sig").strip().splitlines()) == 7
    )  # header + 6 published


def test_json_export_holds_every_published_item(search_catalog):
    catalog, _made = search_catalog
    response = requests.get(
        f"{catalog.absolute_url()}/@disclosure-catalog",
        params={"format": "json"},
        headers=JSON,
        timeout=60,
    )
    data = json.loads(response.content)
    assert data["items_total"] == len(data["items"]) == 6
    assert not {i["title"] for i in data["items"]} & set(HIDDEN)
    assert all(i["index_number"] for i in data["items"])


def test_csv_cells_cannot_run_as_formulas(functional_portal):
    from tests.disclosure.helpers import make_catalog
    from tests.disclosure.helpers import make_disclosure_item
    import transaction

    catalog = make_catalog(functional_portal)
    make_disclosure_item(catalog, "published", title='=HYPERLINK("http://evil")')
    transaction.commit()
    text = requests.get(
        f"{catalog.absolute_url()}/@disclosure-catalog?format=csv", headers=JSON, timeout=60
    ).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_index_number_lookup(search_catalog, functional_portal):
    catalog, made = search_catalog
    item = made["示例市财政预算执行情况报告"]
    response = requests.get(
        f"{functional_portal.absolute_url()}/@index-number/{item.index_number}",
        headers=JSON,
        timeout=60,
    )
    assert response.status_code == 200
    assert response.json()["title"] == "示例市财政预算执行情况报告"
    assert response.json()["index_number"] == item.index_number


def test_index_number_of_an_unpublished_or_unknown_item_is_404(search_catalog, functional_portal):
    catalog, made = search_catalog
    withdrawn = made["已撤回的作废文件"]
    assert withdrawn.index_number  # it was published once
    for number in (withdrawn.index_number, "11999900MB0000010H/2026-99999", ""):
        response = requests.get(
            f"{functional_portal.absolute_url()}/@index-number/{number}", headers=JSON, timeout=60
        )
        assert response.status_code == 404, number


def test_feeds_list_only_published_items(search_catalog):
    catalog, _made = search_catalog
    for feed in ("RSS", "atom.xml"):
        response = requests.get(f"{catalog.absolute_url()}/{feed}", timeout=60)
        assert response.status_code == 200, feed
        assert "示例市财政预算执行情况报告" in body(response)
        for title in HIDDEN:
            assert title not in body(response)


def test_plone_search_with_full_objects(search_catalog, functional_portal):
    """plone.restapi's own @search serialises items fully, published only."""
    response = requests.get(
        f"{functional_portal.absolute_url()}/@search",
        params={"portal_type": "DisclosureItem", "fullobjects": 1},
        headers=JSON,
        timeout=60,
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["items_total"] == 6
    assert all(item["index_number"] and item["attachments"] == [] for item in data["items"])
    assert not {i["title"] for i in data["items"]} & set(HIDDEN)
