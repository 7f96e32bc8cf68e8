"""The full-text indexes on zhengwu_lexicon in a Zhengwu site: what a
citizen's words find through the catalog (issue 19, the musts)."""

from plone import api
from zhengwu.search.query import understand
from zhengwu.search.reindex import FULL_TEXT
from zhengwu.search.reindex import LEXICON
import pytest


@pytest.fixture
def pages(portal):
    folder = portal["zh-cn"]
    made = {}
    texts = {
        "road": ("北京东路改造工程公告", "北京东路将于下月封闭施工。"),
        "jd": ("京东物流合作协议", "与京东签署物流合作协议。"),
        "meeting": ("下周办公安排", "各科室办公安排如下。"),
        "police": ("市公安局户籍窗口调整", "公安机关户籍业务窗口调整。"),
        "fund": ("住房公积金提取指南", "职工提取住房公积金的条件和材料。"),
        "number": ("关于进一步优化政务服务的意见", "国办发〔2017〕47号 全文。"),
        "social": ("社会保险费征缴办法", "社会保险费由税务部门征收。"),
    }
    with api.env.adopt_roles(["Manager"]):
        for key, (title, text) in texts.items():
            made[key] = api.content.create(
                container=folder, type="Document", id=f"s-{key}", title=title, description=text
            )
    return made


def found(portal, text, index="SearchableText"):
    query = understand(text).query
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        **{index: query}, path="/".join(portal["zh-cn"].getPhysicalPath())
    )
    return {brain.getId for brain in brains}


def test_full_text_indexes_use_the_lexicon(portal):
    catalog = api.portal.get_tool("portal_catalog")
    for name in FULL_TEXT:
        assert catalog._catalog.getIndex(name).lexicon_id == LEXICON


def test_jingdong_is_not_beijing_east_road(portal, pages):
    assert found(portal, "京东") == {"s-jd"}
    assert "s-road" in found(portal, "北京东路")


def test_police_is_not_office_arrangements(portal, pages):
    assert found(portal, "公安") == {"s-police"}


def test_a_part_of_a_term_finds_it(portal, pages):
    assert found(portal, "公积金") == {"s-fund"}
    assert found(portal, "社会保险") == {"s-social"}


def test_document_number_whole_and_in_part(portal, pages):
    assert found(portal, "47号") == {"s-number"}
    assert found(portal, "国办发〔2017〕47号") == {"s-number"}
    assert found(portal, "国办发[2017]47号") == {"s-number"}
    assert found(portal, "国办发〔2017〕48号") == set()


def test_traditional_query_finds_simplified(portal, pages):
    assert found(portal, "住房公積金") == {"s-fund"}


def test_words_of_a_query_need_not_be_adjacent(portal, pages):
    assert found(portal, "公积金提取") == {"s-fund"}
    assert found(portal, "提取公积金") == {"s-fund"}
    assert found(portal, '"提取公积金"') == set()  # a phrase: as written


def test_title_index(portal, pages):
    assert found(portal, "京东", index="Title") == {"s-jd"}
