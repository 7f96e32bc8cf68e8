"""The subject taxonomy, the genres and validity states, and the
administrators' extension of the taxonomy."""

from pathlib import Path
from plone import api
from tests.helpers import auth
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import json
import pytest
import requests


DATA = Path(__file__).resolve().parents[2] / "src" / "zhengwu" / "disclosure" / "data"


def vocabulary(portal, name):
    return getUtility(IVocabularyFactory, name=name)(portal)


def test_the_state_council_classification(portal):
    source = json.loads((DATA / "subject-classification.json").read_text("utf-8"))
    terms = vocabulary(portal, "zhengwu.vocabularies.DisclosureTopics")
    first = [t for t in terms if len(t.value) == 2]
    assert [t.title for t in first] == [c["title"] for c in source["categories"]]
    assert len(first) == 22
    assert len(terms) == 22 + sum(len(c["children"]) for c in source["categories"])
    assert terms.getTerm("0402").title == "财政、金融、审计 › 税务"


def test_the_genres(portal):
    source = json.loads((DATA / "document-genres.json").read_text("utf-8"))
    terms = vocabulary(portal, "zhengwu.vocabularies.DocumentGenres")
    from zope.i18n import translate

    assert [translate(t.title, target_language="zh_CN") for t in terms] == source["genres"]


def test_validity_states(portal):
    assert [t.value for t in vocabulary(portal, "zhengwu.vocabularies.Validity")] == [
        "valid",
        "amended",
        "repealed",
        "expired",
    ]


def test_administrators_extend_the_taxonomy(portal):
    api.portal.set_registry_record(
        "zhengwu.disclosure.extra_topics", ["23 数字政府", "2301 数据要素", "0410 数字人民币"]
    )
    terms = vocabulary(portal, "zhengwu.vocabularies.DisclosureTopics")
    assert terms.getTerm("23").title == "数字政府"
    assert terms.getTerm("2301").title == "数字政府 › 数据要素"
    assert terms.getTerm("0410").title == "财政、金融、审计 › 数字人民币"
    codes = [t.value for t in terms]
    assert codes.index("0410") < codes.index("05")  # second levels follow their first level


@pytest.mark.parametrize(
    "lines",
    [
        ["数字政府"],  # no code
        ["231 数字政府"],  # three digits
        ["04 财政"],  # code in use
        ["9901 无父类"],  # no first level 99
    ],
)
def test_bad_extensions_are_refused_over_rest(functional_portal, lines):
    response = requests.patch(
        f"{functional_portal.absolute_url()}/@controlpanels/zhengwu-disclosure",
        json={"extra_topics": lines},
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 400, response.text


def test_editors_cannot_change_the_taxonomy(functional_portal):
    response = requests.patch(
        f"{functional_portal.absolute_url()}/@controlpanels/zhengwu-disclosure",
        json={"extra_topics": ["23 数字政府"]},
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        auth=auth("editor"),
        timeout=60,
    )
    assert response.status_code in (401, 403)
