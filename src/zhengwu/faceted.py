"""Faceted catalog search shared by the disclosure catalog and the service
guides: filters, full text, facet counts, sorting and paging.

Counts come from the catalog's own index structures: the result set of a
query (rids) is intersected in C with each facet value's rid set, so a count
costs a set intersection, never loading a brain or an object. A domain
subclasses ``FacetedSearch`` with its base query, its facet indexes and its
sort indexes, and parses requests with the helpers below (and the
parameter readers of ``zhengwu.rest``).
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from plone import api
from plone.base.interfaces import IPloneSiteRoot
from plone.base.utils import munge_search_term
from Products.CMFPlone.PloneBatch import Batch
from Products.ZCTextIndex.ParseTree import ParseError
from urllib.parse import urlencode
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.rest import BadRequest
from zhengwu.rest import batched
from zhengwu.rest import page
from zhengwu.rest import single
from zhengwu.search import ranking
from zhengwu.site.department import organ_titles
from ZTUtils.Lazy import LazyCat
from ZTUtils.Lazy import LazyMap


PAGE_SIZE = 20
MAX_PAGE = 100
MAX_QUERY = 100


def text_query(form):
    q = single(form, "q")
    if q is not None and len(q) > MAX_QUERY:
        raise BadRequest(
            _("Search for at most ${max} characters.", mapping={"max": MAX_QUERY}), "q"
        )
    return q


def batching(form):
    """``(b_start, b_size)`` of a request: pages of ``PAGE_SIZE`` by default."""
    return page(form, PAGE_SIZE, MAX_PAGE)


def published_query(context, portal_type):
    """Published content of a type under ``context``; at the site root, in
    the current language or in none (translations would otherwise count twice)."""
    query = {
        "portal_type": portal_type,
        "review_state": "published",
        "path": "/".join(context.getPhysicalPath()),
        # Published disclosure items and guides have no expiry date and are
        # effective from their publication, so they are always in their
        # effective range: skipping Plone's effectiveRange filter (a union
        # over the whole DateRangeIndex for every anonymous query) changes
        # no result.
        "show_inactive": True,
    }
    if IPloneSiteRoot.providedBy(context):
        query["Language"] = [api.portal.get_current_language(), ""]
    return query


def rid_set(results):
    """The record ids behind an unsorted, unscored catalog result (the full
    text is matched separately, see ``FacetedSearch._text``)."""
    seq = getattr(results, "_seq", None)
    if not seq:
        return IISet()
    return seq if hasattr(seq, "keys") else IISet(seq)


def as_set(entry):
    if entry is None:
        return IISet()
    if isinstance(entry, int):
        return IISet([entry])
    return entry


def count(rids, entry):
    if entry is None:
        return 0
    if isinstance(entry, int):
        return 1 if entry in rids else 0
    return len(intersection(rids, entry))


# A large result's first pages are read from the sort index, newest key
# first, instead of ZCatalog's pass over every result (a Python loop over
# 100,000 record ids); a small or sparse result is cheaper to sort whole.
WALK_MIN = 2000
WALK_LIMIT = 1000
WALK_DENSITY = 4  # at most this many distinct keys of the index per result


def walk_index(tree, rids, wanted, reverse):
    """The first ``wanted`` of ``rids`` in the order of a sort index's keys."""
    found = []
    try:
        key = tree.maxKey() if reverse else tree.minKey()
    except ValueError:  # an empty index
        return found
    while True:
        entry = tree[key]
        members = (entry,) if isinstance(entry, int) else entry
        if reverse and not isinstance(entry, int):
            members = reversed(list(members))  # ties: newest record first, as ZCatalog
        found.extend(rid for rid in members if rid in rids)
        if len(found) >= wanted:
            return found[:wanted]
        following = (
            tree.keys(max=key, excludemax=True) if reverse else tree.keys(min=key, excludemin=True)
        )
        if not following:
            return found
        key = following[-1] if reverse else following[0]


class FacetedSearch:
    """One request's search: one catalog search gives the base (published,
    viewable, under the context, matching the text); filters and facets
    narrow it with the facet indexes' own sets, and the page is sorted from it.

    Subclasses set ``indexes`` (filter name → catalog index), ``sorts``
    (sort name → catalog index) and ``base_query()``. The selection has
    ``filters``, ``q``, ``sort_on``, ``sort_order``, ``b_start`` and ``b_size``.
    """

    indexes = {}
    sorts = {}

    def __init__(self, context, selection, request):
        self.context = context
        self.selection = selection
        self.request = request
        self.catalog = api.portal.get_tool("portal_catalog")
        self._rids = {}
        self._base = None
        self.organs = organ_titles()
        self.terms = None
        self.text_scores = {}
        self.text_rids = self._text(selection.q) if selection.q else None

    def base_query(self):
        raise NotImplementedError

    def _text(self, q):
        """Records matching the full text; their scores are kept for the
        relevance order (``zhengwu.search.ranking``), which only the page's
        records are sorted by."""
        terms = self.text_terms(q)
        if not terms:  # only wildcards or spaces: no text filter
            return None
        try:
            self.text_scores = ranking.scores(self.catalog, terms)
        except ParseError:
            raise BadRequest(
                _("Search for words, not only punctuation or operators."), "q"
            ) from None
        self.terms = terms
        return IISet(self.text_scores.keys())

    def text_terms(self, q):
        """The text index query of ``q``: its words as prefixes, all required."""
        return munge_search_term(q)

    def phrase(self):
        """The query as the phrase the relevance order prefers."""
        return ranking.phrase_of(self.selection.q)

    def by_relevance(self):
        """Whether this request's order is relevance: a text query with
        no other sort chosen (``sorting``)."""
        return self.selection.sort_on == ranking.RELEVANCE and self.terms is not None

    def _ranked(self, rids, b_start, b_size):
        return ranking.page(
            self.catalog,
            rids,
            self.text_scores,
            self.terms,
            self.phrase(),
            b_start,
            b_size,
        )

    def sort_index(self):
        """The sort index of the selection; without a text query relevance
        means the listing's default order (the first of ``sorts``)."""
        name = self.selection.sort_on
        if name not in self.sorts:
            name = next(iter(self.sorts))
        return self.catalog._catalog.getIndex(self.sorts[name])

    def base(self):
        """What the context holds that the reader may see and that matches
        the full text: the one catalog search of a request (security included)."""
        if self._base is None:
            found = rid_set(self.catalog.searchResults(self.base_query()))
            if self.text_rids is not None:
                found = intersection(found, self.text_rids)
            self._base = found
        return self._base

    def rids(self, filters):
        """The base narrowed by each filter's entry in its index (set
        intersections in C, where a catalog search would repeat the base)."""
        key = tuple(sorted(filters.items()))
        if key not in self._rids:
            found = self.base()
            for name, value in filters.items():
                found = intersection(found, as_set(self.index(name).get(value)))
            self._rids[key] = found
        return self._rids[key]

    def everything(self):
        """Every brain of the selection, sorted (exports)."""
        rids = self.rids(self.selection.filters)
        if not rids:
            return LazyCat([])
        if self.by_relevance():
            return self._ranked(rids, 0, len(rids))
        internal = self.catalog._catalog
        return internal.sortResults(
            rids,
            self.sort_index(),
            reverse=self.selection.sort_order == "descending",
            merge=True,
            actual_result_count=len(rids),
        )

    def page(self):
        """The brains of the requested page; the catalog sorts only as many
        as the page needs (and loads none of the others)."""
        selection = self.selection
        rids = self.rids(selection.filters)
        if not rids:
            return LazyCat([])
        if self.by_relevance():
            return self._ranked(rids, selection.b_start, selection.b_size)
        internal = self.catalog._catalog
        index = self.sort_index()
        wanted = selection.b_start + selection.b_size
        if (
            wanted <= WALK_LIMIT
            and len(rids) >= WALK_MIN
            and hasattr(index, "_index")
            # dense enough that the walk meets a match every few keys
            and len(rids) * WALK_DENSITY >= len(index)
        ):
            found = walk_index(index._index, rids, wanted, selection.sort_order == "descending")
            page = found[selection.b_start : selection.b_start + selection.b_size]
            return LazyMap(internal.__getitem__, page, len(page), actual_result_count=len(rids))
        return internal.sortResults(
            rids,
            index,
            reverse=selection.sort_order == "descending",
            limit=selection.b_start + selection.b_size,
            merge=True,
            actual_result_count=len(rids),
            b_start=selection.b_start,
            b_size=selection.b_size,
        )

    def index(self, name):
        """The forward mapping (value → rids) of a filter's index."""
        return self.catalog._catalog.getIndex(self.indexes[name])._index

    def count_values(self, name, values):
        """A facet's counts apply every other filter but its own, so a
        citizen sees what choosing another value would give."""
        index = self.index(name)
        filters = {k: v for k, v in self.selection.filters.items() if k != name}
        rids = self.rids(filters)
        return [
            {"value": value, "title": title, "count": n}
            for value, title in values
            if (n := count(rids, index.get(value)))
        ]


def listing(found, writer, request):
    """The JSON of one page of a faceted search, with its facets (the REST
    listings of the disclosure catalog and the guides)."""
    selection = found.selection
    result = batched(request, found.page(), selection.b_start, selection.b_size, writer.entry)
    result["facets"] = found.facets()
    return result


class FacetedPage:
    """What a classic faceted page needs besides its search: the request
    read (a bad filter is a message, and the page shows everything), links
    that change one filter and keep the rest, facet entries marked as
    chosen, and the batch. Subclasses set ``selection_class``,
    ``search_class``, ``writer_class``, ``facet_names`` and ``facet_labels``."""

    selection_class = None
    search_class = None
    writer_class = None
    facet_names = ()
    facet_labels = {}

    def __call__(self):
        self.error = None
        try:
            self.selection = self.selection_class(self.request.form)
            self.search = self.search_class(self.context, self.selection, self.request)
        except BadRequest as error:
            self.error = translated(error.message, self.request)
            self.selection = self.selection_class({})
            self.search = self.search_class(self.context, self.selection, self.request)
        self.writer = self.writer_class(self.request, self.search.organs)
        return self.index()

    def entry(self, brain):
        return self.writer.entry(brain)

    def _url(self, **changes):
        params = dict(self.selection.filters)
        if self.selection.q:
            params["q"] = self.selection.q
        params["sort_on"] = self.selection.sort_on
        params["sort_order"] = self.selection.sort_order
        params.update(changes)
        params = {k: v for k, v in params.items() if v not in (None, "")}
        return f"{self.page_url()}?{urlencode(params)}"

    def page_url(self):
        """This page's address as the reader asked for it: the folder's own
        URL where the page is its default view, else with the view's name."""
        return self.request.get("ACTUAL_URL") or self.context.absolute_url()

    def is_selected(self, name, entry, chosen):
        return str(entry["value"]) == str(chosen)

    def facets(self):
        data = self.search.facets()
        out = []
        for name in self.facet_names:
            chosen = self.selection.filters.get(name)
            values = []
            for entry in data[name]:
                selected = self.is_selected(name, entry, chosen)
                values.append(
                    dict(
                        entry,
                        selected=selected,
                        child="parent" in entry,
                        url=self._url(
                            **{name: None if selected else entry["value"], "b_start": None}
                        ),
                    )
                )
            out.append({"name": name, "label": self.facet_labels[name], "entries": values})
        return out

    def batch(self):
        """The page of results; the catalog sorts and loads only this page,
        and plone.batching reads the total from the lazy result."""
        return Batch(self.search.page(), self.selection.b_size, self.selection.b_start, orphan=0)

    def active_filters(self):
        return bool(self.selection.filters or self.selection.q)

    def clear_url(self):
        return self.page_url()


def sorting(form, sorts, default, refusal):
    """``(sort_on, sort_order)`` of a request: ``sort_on`` one of ``sorts``
    (``default`` when not given; ``refusal`` says which otherwise) and
    ``sort_order`` ascending or descending, by default A to Z for titles
    and newest first for anything else. A full-text query (``q``) without
    a sort of its own is ordered by relevance (``zhengwu.search.ranking``),
    as is ``sort_on=relevance``; relevance without a query is ``default``."""
    sort_on = single(form, "sort_on")
    if sort_on in (None, ranking.RELEVANCE) and single(form, "q"):
        return ranking.RELEVANCE, "descending"
    if sort_on == ranking.RELEVANCE:
        sort_on = None
    sort_on = sort_on or default
    if sort_on not in sorts:
        raise BadRequest(refusal, "sort_on")
    order = single(form, "sort_order") or ("ascending" if sort_on == "title" else "descending")
    if order not in ("ascending", "descending"):
        raise BadRequest(_("sort_order is ascending or descending."), "sort_order")
    return sort_on, order
