"""Platform patches of the search (``index.zcml``, collective.monkeypatcher,
each keeping the original as ``_old_<name>``; tests/search/test_patches.py).

- ZCTextIndex's query parser, for lexicons cutting with our splitter: an
  unquoted run of Chinese that gives several words asks for all of them
  (AND), not for a phrase; quoted text stays a phrase.
- ZCTextIndex's ``query_index`` and Okapi's ``_search_wids``, for our
  lexicon's indexes: given the catalog's result so far (ZCTextIndex is
  declared a limited-result index in ``index.zcml``, so the catalog's plan
  searches it after the filters), score only those items.
- plone.restapi's ``@search`` and Plone's ``@@search``: ``SearchableText``
  goes through ``zhengwu.search.query.understand`` (Traditional characters,
  corrections, synonyms) — the one place both take the citizen's words.
"""

from Products.ZCTextIndex import ParseTree
from Products.ZCTextIndex.QueryParser import _ATOM
from zhengwu.search import segmenter
from zhengwu.search.splitter import is_ours


def parse_atom(self):
    """``QueryParser._parseAtom``: the original for every other lexicon."""
    if not is_ours(self._lexicon):
        return self._old__parseAtom()
    term = self._get(_ATOM)
    words = self._lexicon.parseTerms(term)
    if not words:
        self._ignored.append(term)
        return None
    negated = term.startswith("-")
    quoted = term.lstrip("-").startswith('"')
    if len(words) == 1 or not quoted:
        nodes = [_word_node(self._lexicon, word) for word in words]
        tree = nodes[0] if len(nodes) == 1 else ParseTree.AndNode(nodes)
    else:
        tree = ParseTree.PhraseNode(words)
    return ParseTree.NotNode(tree) if negated else tree


def _word_node(lexicon, word):
    if lexicon.isGlob(word):
        return ParseTree.GlobNode(word)
    parts = segmenter.parts_of(word)
    if parts:
        # The word, or its parts (a document may have cut it so: 市场监管部门
        # is 市场, 监管部门); the whole word scores higher, found in both.
        words = [ParseTree.AtomNode(part) for part in parts]
        return ParseTree.OrNode([ParseTree.AtomNode(word), ParseTree.AndNode(words)])
    return ParseTree.AtomNode(word)


def restapi_quote_chars(self, query):
    """plone.restapi's ``SearchHandler.quote_chars`` (it is given only the
    ``SearchableText``): its own cleaning, then the query understood; ""
    (nothing searchable) makes ``@search`` answer no items."""
    from zhengwu.search.query import understand

    return understand(self._old_quote_chars(query)).query


def munge_search_term(query):
    """``Products.CMFPlone.browser.search``'s ``_munge_search_term``: the
    query understood (Plone's own munging adds ``*`` to every word; our
    words are whole, and a lone character is a prefix already)."""
    from zhengwu.search.query import understand

    return understand(query).query


# Scoring only the items the other indexes left (ZCTextIndex scores every
# item holding a query word, in Python, before the catalog intersects: a
# word in most items cost tens of milliseconds whatever the filters).


def query_index(self, record, resultset=None):
    """``ZCTextIndex.query_index`` on our lexicon, given the catalog's result
    so far: score only those items (same scores, same order: the document
    frequencies stay the whole catalog's). The restriction lives on the
    index's per-connection copy (``_v_``), so threads do not share it."""
    okapi = getattr(self, "index", None)
    if (
        resultset is None
        or not hasattr(okapi, "_docweight")
        or not is_ours(self.getLexicon())
        or len(resultset) >= len(okapi._docweight)
    ):
        return self._old_query_index(record, resultset)
    okapi._v_zhengwu_restrict = resultset
    try:
        return self._old_query_index(record, resultset)
    finally:
        del okapi._v_zhengwu_restrict


def search_wids(self, wids):
    """``OkapiIndex._search_wids``: the original's scores, for the items of
    the restriction only (``query_index``)."""
    restrict = getattr(self, "_v_zhengwu_restrict", None)
    if restrict is None or not wids:
        return self._old__search_wids(wids)
    from BTrees.IIBTree import IIBucket
    from BTrees.IIBTree import weightedIntersection
    from Products.ZCTextIndex.OkapiIndex import inverse_doc_frequency

    N = float(self.document_count())
    try:
        doclen = self._totaldoclen()
    except TypeError:  # not yet upgraded, as the original allows
        doclen = self._totaldoclen
    meandoclen = doclen / N
    K1, B = self.K1, self.B
    K1_plus1 = K1 + 1.0
    B_from1 = 1.0 - B
    docid2len = self._docweight
    found = []
    for t in wids:
        d2f = self._wordinfo[t]
        idf = inverse_doc_frequency(len(d2f), N) * 1024.0
        if isinstance(d2f, dict):
            items = [(docid, f) for docid, f in d2f.items() if docid in restrict]
        else:
            items = weightedIntersection(d2f, restrict, 1, 0)[1].items()
        result = IIBucket()
        for docid, f in items:
            lenweight = B_from1 + B * docid2len[docid] / meandoclen
            tf = f * K1_plus1 / (f + K1 * lenweight)
            result[docid] = int(tf * idf + 0.5)
        found.append((result, 1))
    return found
