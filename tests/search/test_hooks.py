"""plone.restapi's @search and Plone's @@search understand the citizen's
words (synonyms, corrections, Traditional characters); the query parser
ANDs the words of a Chinese run."""

from plone import api
from Products.ZCTextIndex.ParseTree import AndNode
from Products.ZCTextIndex.ParseTree import GlobNode
from Products.ZCTextIndex.ParseTree import PhraseNode
from Products.ZCTextIndex.QueryParser import QueryParser
from tests.helpers import body
from tests.helpers import make_item
import pytest
import requests
import transaction


@pytest.fixture
def pages(functional_portal):
    texts = {
        "card": ("社会保障卡申领", "首次申领社会保障卡的材料。"),
        "jd": ("京东物流合作协议", "与京东签署合作协议。"),
        "road": ("北京东路改造工程公告", "北京东路封闭施工。"),
    }
    made = {}
    for key, (title, text) in texts.items():
        made[key] = make_item(functional_portal, "published", title=title)
        made[key].setDescription(text)
        made[key].reindexObject()
    transaction.commit()
    # The functional layer drops what a test committed.
    return {key: page.getId() for key, page in made.items()}


def ids(response):
    assert response.status_code == 200
    return {item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]}


def test_rest_search_expands_synonyms(pages, anon_request):
    # 社保卡 is a synonym of 社会保障卡
    found = ids(anon_request.get("/@search", params={"SearchableText": "社保卡"}))
    assert found == {pages["card"]}


def test_rest_search_in_traditional_and_with_a_misspelling(pages, anon_request):
    found = ids(anon_request.get("/@search", params={"SearchableText": "京東"}))
    assert found == {pages["jd"]}  # and not 北京东路
    # nothing searchable: plone.restapi answers an empty list, as for "*"
    nothing = anon_request.get("/@search", params={"SearchableText": "的 -公安"})
    assert nothing.status_code == 200
    assert nothing.json() == []


def test_classic_search_page(pages, functional_portal):
    response = requests.get(
        f"{functional_portal.absolute_url()}/@@search",
        params={"SearchableText": "社保卡"},
        timeout=60,
    )
    assert response.status_code == 200
    text = body(response)
    assert pages["card"] in text
    assert pages["road"] not in text


def test_the_parser_ands_a_chinese_run(portal):
    lexicon = api.portal.get_tool("portal_catalog").zhengwu_lexicon
    tree = QueryParser(lexicon).parseQuery("公积金提取")
    assert isinstance(tree, AndNode)
    assert [node.getValue() for node in tree.getValue()] == ["公积金", "提取"]
    assert isinstance(QueryParser(lexicon).parseQuery('"公积金提取"'), PhraseNode)
    assert isinstance(QueryParser(lexicon).parseQuery("提取*"), GlobNode)
    # Plone's own lexicon keeps its phrases
    plone = api.portal.get_tool("portal_catalog").plone_lexicon
    assert isinstance(QueryParser(plone).parseQuery("公积金提取"), PhraseNode)
