"""Relevance ranking on top of the catalog's ZCTextIndex scores
(docs/search.md).

ZCatalog ranks a full-text query by the text index's score alone
(``Catalog.search``: without ``sort_on`` a scored result is sorted by
``byValue``), so a word met five times in a long body outranks the same
word in the title, and two words far apart rank as the phrase. The
ranking here orders records by, in turn:

1. the tier: title hits above body hits, the exact phrase above words
   scattered — 3 = all words in the title and the phrase in the text,
   2 = all words in the title, 1 = the phrase in the text, 0 = the words
   somewhere in the text;
2. the text index's score within the tier, in ``BANDS`` bands of the
   tier's best score, so that nearly equal scores count as equal;
3. the date (``search_date``, else ``created``): newer first.

The tiers are set intersections in C; only the tiers the requested page
reaches are scored and sorted (``heapq.nlargest``), so the first page of a
large result never sorts the whole result.

This module is a shared room: the faceted listings (``zhengwu.faceted``)
and the search page use it; it imports no domain.
"""

from BTrees.IIBTree import difference
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from plone.base.utils import BAD_CHARS
from Products.CMFCore.indexing import processQueue
from Products.ZCTextIndex import WidCode
from Products.ZCTextIndex.ParseTree import ParseError
from ZTUtils.Lazy import LazyCat
from ZTUtils.Lazy import LazyMap
import heapq
import re


RELEVANCE = "relevance"
NEWEST = "newest"
BANDS = 10
TEXT_INDEX = "SearchableText"
TITLE_INDEX = "Title"
DATE_INDEXES = ("search_date", "created")


def _index(catalog, name):
    """An index of the catalog, wrapped (a ZCTextIndex finds its lexicon by
    acquisition), or None."""
    internal = catalog._catalog
    return internal.getIndex(name) if name in internal.indexes else None


def scores(catalog, terms, index_name=TEXT_INDEX):
    """``{rid: score}`` (an IIBucket) of the records matching ``terms``, a
    ZCTextIndex query (``munge_search_term``'s form); empty for a query the
    index finds nothing for. A ``ParseError`` is the caller's to answer."""
    # Read the indexes directly: first the indexing queued in this
    # transaction, as catalog searches do.
    processQueue()
    index = _index(catalog, index_name)
    if index is None or not terms:
        return {}
    found = index._apply_index({index_name: terms})
    if not found or found[0] is None:
        return {}
    return found[0]


CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])")


def phrase_of(text):
    """The query as one phrase for ZCTextIndex: without quotes, wildcards
    and the characters Plone's search strips; words of Chinese typed apart
    (住房 公积金) are the phrase written together (住房公积金), as Chinese is
    written without spaces."""
    for char in BAD_CHARS + ('"', "*", "?"):
        text = text.replace(char, " ")
    return CJK_GAP.sub("", " ".join(text.split()))


def _hits(catalog, index_name, query):
    try:
        return IISet(scores(catalog, query, index_name).keys())
    except ParseError:
        return IISet()


def phrase_hits(catalog, rids, phrase):
    """Those of ``rids`` whose text holds ``phrase``: its words one after
    the other, as ZCTextIndex's phrase search finds them, but checked on
    ``rids`` only (a filtered listing never pays for the whole index).
    Under the Chinese lexicon a phrase may be one word (住房公积金 is one
    word of the dictionary): the records holding that word, not its parts
    apart, are its hits."""
    index = _index(catalog, TEXT_INDEX)
    if index is None or not phrase:
        return IISet()
    # As ZCTextIndex reads a quoted phrase (QueryParser, then search_phrase):
    # the query's words, then their word ids.
    lexicon = index.getLexicon()
    wids = lexicon.termToWordIds(lexicon.parseTerms(phrase))
    if not wids or 0 in wids:  # nothing, or a word no text has
        return IISet()
    code = WidCode.encode(wids)
    docwords = index.index._docwords
    return IISet([rid for rid in rids if docwords.get(rid, "").find(code) >= 0])


def tiers(catalog, rids, terms, phrase):
    """``rids`` split into tiers, best first (module docstring)."""
    titled = intersection(rids, _hits(catalog, TITLE_INDEX, terms)) or IISet()
    exact = phrase_hits(catalog, rids, phrase)
    both = intersection(titled, exact) or IISet()
    title_only = difference(titled, both) or IISet()
    phrase_only = difference(exact, both) or IISet()
    rest = difference(difference(rids, titled), phrase_only) or IISet()
    return [both, title_only, phrase_only, rest]


def date_key(catalog):
    """rid → the record's date as the date indexes store it (an integer
    that grows with time): ``search_date``, else ``created`` for the
    records (petitions, requests) indexed only in the indexes their class
    names (``zhengwu.submissions.catalog``)."""
    maps = []
    for name in DATE_INDEXES:
        index = _index(catalog, name)
        if index is not None and hasattr(index, "_unindex"):
            maps.append(index._unindex)

    def key(rid):
        for mapping in maps:
            value = mapping.get(rid)
            if value is not None:
                return value
        return 0

    return key


def newest(catalog, rids, b_start, b_size):
    """One page of ``rids``, newest first (see ``date_key``), as brains."""
    if not rids:
        return LazyCat([])
    key = date_key(catalog)
    order = heapq.nlargest(b_start + b_size, rids, key=lambda rid: (key(rid), rid))
    chosen = order[b_start : b_start + b_size]
    internal = catalog._catalog
    return LazyMap(internal.__getitem__, chosen, len(chosen), actual_result_count=len(rids))


def ranked(catalog, rids, text_scores, terms, phrase, limit):
    """The first ``limit`` record ids of ``rids`` (an IISet), most relevant
    first. ``text_scores`` is ``scores(catalog, terms)``, ``phrase`` the
    query as typed (``phrase_of``)."""
    date = date_key(catalog)
    found = []
    for tier in tiers(catalog, rids, terms, phrase):
        if len(found) >= limit:
            break
        if not tier:
            continue
        best = max(text_scores.get(rid, 0) for rid in tier) or 1

        def key(rid, best=best):
            band = BANDS * text_scores.get(rid, 0) // best
            return band, date(rid), rid

        found.extend(heapq.nlargest(limit - len(found), tier, key=key))
    return found


def page(catalog, rids, text_scores, terms, phrase, b_start, b_size):
    """One page of ``rids`` by relevance, as brains: a lazy sequence whose
    length is the whole result's (plone.batching reads it)."""
    if not rids:
        return LazyCat([])
    internal = catalog._catalog
    order = ranked(catalog, rids, text_scores, terms, phrase, b_start + b_size)
    chosen = order[b_start : b_start + b_size]
    # Only the page, as ZCatalog's own batched sort: plone.batching reads
    # a sequence shorter than its actual_result_count as the page alone.
    return LazyMap(internal.__getitem__, chosen, len(chosen), actual_result_count=len(rids))
