"""The classic catalog page: facets with counts, filters, full text, sorting,
pages of 20, and nothing unpublished for Anonymous."""

from tests.disclosure.conftest import HIDDEN
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
import re
import requests
import transaction


def page(url, **params):
    response = requests.get(url, params=params, timeout=60)
    assert response.status_code == 200
    return response.text


def table_titles(html):
    table = (
        html.split('id="zhengwu-catalog-table"', 1)[1].split("</table>", 1)[0]
        if "zhengwu-catalog-table" in html
        else ""
    )
    return set(re.findall(r'<a href="[^"]+">([^<]+)</a>', table))


def facet_counts(html, facet):
    section = html.split(f'id="zhengwu-facet-{facet}"', 1)[1].split("</section>", 1)[0]
    pairs = re.findall(
        r'<span class="facet-title">([^<]+)</span>\s*<span class="badge bg-secondary facet-count">(\d+)</span>',
        section,
    )
    return {title: int(count) for title, count in pairs}


def test_anonymous_sees_published_items_and_counts(search_catalog):
    catalog, _made = search_catalog
    html = page(catalog.absolute_url())
    assert len(table_titles(html)) == 6
    for title in HIDDEN:
        assert title not in html
    assert facet_counts(html, "topic") == {
        "城乡建设、环境保护": 3,
        "财政、金融、审计": 2,
        "综合政务": 1,
    }
    assert (
        facet_counts(html, "validity") == {"有效": 6}
        or sum(facet_counts(html, "validity").values()) == 6
    )
    assert "测试局" in facet_counts(html, "organ")


def test_filters_and_full_text(search_catalog):
    catalog, _made = search_catalog
    html = page(catalog.absolute_url(), topic="04")
    assert table_titles(html) == {"示例市税收优惠政策解读", "示例市财政预算执行情况报告"}
    html = page(catalog.absolute_url(), topic="10", q="公积金")
    assert table_titles(html) == {"关于印发示例市住房公积金管理办法的通知"}
    assert 'aria-current="true"' in html  # the chosen topic is marked


def test_sorting_by_written_date(search_catalog):
    catalog, _made = search_catalog
    html = page(catalog.absolute_url(), sort_on="written_date", sort_order="ascending")
    first = html.split('id="zhengwu-catalog-table"', 1)[1].split("<tbody>", 1)[1]
    assert first.index("示例市旧版住房管理规定") < first.index(
        "关于印发示例市住房公积金管理办法的通知"
    )


def test_bad_filter_is_a_readable_message_not_an_error(search_catalog):
    catalog, _made = search_catalog
    html = page(catalog.absolute_url(), year="abc")
    assert 'id="zhengwu-catalog-error"' in html


def test_pages_of_twenty(functional_portal):
    catalog = make_catalog(functional_portal)
    for n in range(23):
        make_disclosure_item(catalog, "published", title=f"分页测试文件{n:02d}")
    transaction.commit()
    html = page(catalog.absolute_url())
    assert len(table_titles(html)) == 20
    assert "b_start:int=20" in html or "b_start=20" in html
    second = page(catalog.absolute_url(), b_start=20)
    assert len(table_titles(second)) == 3


def test_item_page_shows_its_catalog_record(search_catalog):
    catalog, made = search_catalog
    item = made["示例市财政预算执行情况报告"]
    html = page(item.absolute_url())
    record = html.split('id="zhengwu-item-record"', 1)[1].split("</table>", 1)[0]
    for value in (
        item.index_number,
        "测试局",
        "示政办发〔2026〕3号",
        "2026-03-01",
        "财政、金融、审计 › 财政",
    ):
        assert value in record
    assert "zhengwu-validity-notice" not in html
