"""The disclosure catalog's and the guide index's ``q`` are ranked by
relevance (zhengwu.search.ranking) when no other sort is chosen; a sort
chosen is kept."""

from DateTime import DateTime
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from zhengwu.disclosure import search as disclosure_search
from zhengwu.guides import search as guide_search
from zhengwu.rest import BadRequest
import pytest


def disclosure_titles(catalog, **form):
    selection = disclosure_search.Selection(form)
    found = disclosure_search.CatalogSearch(catalog, selection, catalog.REQUEST)
    return [brain.Title for brain in found.page()]


def guide_titles(folder, **form):
    selection = guide_search.Selection(form)
    found = guide_search.GuideSearch(folder, selection, folder.REQUEST)
    return [brain.Title for brain in found.page()]


@pytest.fixture
def catalog(portal):
    catalog = make_catalog(portal)
    for title, description, day in (
        ("示例市公积金管理办法", "", "2025-02-01"),
        ("示例市年度工作报告", "报告提到公积金缴存情况。", "2026-05-01"),
        ("示例市交通规划", "", "2026-06-01"),
    ):
        item = make_disclosure_item(catalog, "published", title=title, description=description)
        item.setEffectiveDate(DateTime(day))
        item.reindexObject()
    return catalog


def test_disclosure_q_is_ranked(catalog):
    assert disclosure_titles(catalog) == [
        "示例市交通规划",
        "示例市年度工作报告",
        "示例市公积金管理办法",
    ]
    assert disclosure_titles(catalog, q="公积金") == ["示例市公积金管理办法", "示例市年度工作报告"]
    assert disclosure_titles(catalog, q="公积金", sort_on="relevance") == [
        "示例市公积金管理办法",
        "示例市年度工作报告",
    ]


def test_disclosure_chosen_sort_is_kept(catalog):
    assert disclosure_titles(catalog, q="公积金", sort_on="publication_date") == [
        "示例市年度工作报告",
        "示例市公积金管理办法",
    ]
    # relevance without words: the catalog's own order
    assert disclosure_titles(catalog, sort_on="relevance")[0] == "示例市交通规划"
    with pytest.raises(BadRequest):
        disclosure_search.Selection({"sort_on": "score"})


def test_disclosure_export_is_ranked(catalog):
    selection = disclosure_search.Selection({"q": "公积金"})
    found = disclosure_search.CatalogSearch(catalog, selection, catalog.REQUEST)
    assert [b.Title for b in found.everything()] == ["示例市公积金管理办法", "示例市年度工作报告"]


def test_guide_q_is_ranked(portal):
    dept = portal["zh-cn"]["dept"]
    make_guide(dept, "published", title="住房公积金提取")
    make_guide(dept, "published", title="不动产登记", conditions="已缴存公积金的职工。")
    assert guide_titles(dept, q="公积金") == ["住房公积金提取", "不动产登记"]
    assert guide_titles(dept, q="公积金", sort_on="title") == ["不动产登记", "住房公积金提取"]
