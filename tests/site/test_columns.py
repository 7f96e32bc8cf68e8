"""Column types (栏目类型): the behavior on sections, its index, and where
an item's column is."""

from plone import api
from zhengwu.site.columns import column_of
from zhengwu.site.columns import COLUMN_TYPE_IDS
from zhengwu.site.columns import column_type_of
from zhengwu.site.columns import IColumnType
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import pytest


@pytest.mark.parametrize(
    "portal_type", ["Folder", "Department", "DisclosureCatalog", "PetitionBox"]
)
def test_sections_have_the_behavior(portal, portal_type):
    assert "zhengwu.column_type" in portal.portal_types[portal_type].behaviors


def test_vocabulary_lists_the_eight_types(portal):
    vocabulary = getUtility(IVocabularyFactory, "zhengwu.vocabularies.ColumnTypes")(portal)
    assert [term.value for term in vocabulary] == list(COLUMN_TYPE_IDS)
    assert len(COLUMN_TYPE_IDS) == 8


def test_column_type_is_indexed_and_inherited(portal):
    with api.env.adopt_roles(["Manager"]):
        news = api.content.create(portal, "Folder", id="news", title="要闻", column_type="news")
        sub = api.content.create(news, "Folder", id="sub", title="部门动态")
        item = api.content.create(sub, "News Item", id="n1", title="一条新闻")
        plain = api.content.create(portal, "Folder", id="plain", title="无类型")
    assert IColumnType.providedBy(news)
    assert [b.getId for b in api.content.find(column_type="news")] == ["news"]
    assert not api.content.find(column_type="other")
    assert column_type_of(item) == "news"
    assert column_of(item) is news
    assert column_of(news) is news
    assert column_type_of(plain) is None


def test_the_update_interval_must_be_positive(portal):
    from zope.schema.interfaces import TooSmall

    with pytest.raises(TooSmall):
        IColumnType["freshness_days"].validate(0)
