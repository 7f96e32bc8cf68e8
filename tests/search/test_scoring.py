"""Our text indexes score only the items the filters left: the same items
with the same scores as scoring everything and intersecting after."""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import weightedIntersection
from Products.PluginIndexes.interfaces import ILimitedResultIndex
from Products.ZCatalog.query import IndexQuery
from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex
from tests.search import corpus
from zhengwu.search import patches
from zhengwu.search.query import understand


def test_restricted_scores_are_the_same(portal):
    catalog = corpus.make_catalog()
    corpus.fill(catalog, corpus.corpus(300))
    index = catalog._catalog.getIndex("SearchableText")
    assert ILimitedResultIndex.providedBy(index)  # the catalog gives it the filters' result
    assert ZCTextIndex.query_index is patches.query_index
    published = IISet(catalog._catalog.getIndex("review_state")._index["published"])
    assert 0 < len(published) < len(catalog)
    for text in ("公积金", "会议 防汛", "社保 -卡", '"住房公积金"', "工作会议", "提取*"):
        record = IndexQuery({"SearchableText": understand(text).query}, "SearchableText")
        everything = index.query_index(record)
        restricted = index.query_index(record, published)
        expected = weightedIntersection(everything, published, 1, 0)[1] if everything else None
        assert dict(restricted.items()) == dict(expected.items()), text
        assert not hasattr(index.index, "_v_zhengwu_restrict")  # not left behind
    # the catalog's own search gives the same hits and order with filters
    found = catalog.searchResults(
        SearchableText=understand("会议 防汛").query, review_state="published"
    )
    assert len(found) and all(catalog.getpath(b.getRID()) for b in found)
