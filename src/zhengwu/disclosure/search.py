"""The faceted search of the disclosure catalog, shared by the classic view,
``@disclosure-catalog`` and the open-data export.

Counts come from the catalog's own index structures: the result set of a
query (rids) is intersected in C with each facet value's rid set, so a count
costs a set intersection, never loading a brain or an object.
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from plone import api
from plone.base.interfaces import IPloneSiteRoot
from plone.base.utils import munge_search_term
from plone.base.utils import safe_text
from Products.ZCTextIndex.ParseTree import ParseError
from zhengwu import _
from zhengwu.disclosure import topics
from zhengwu.disclosure.genres import GENRES
from zhengwu.disclosure.genres import VALIDITY
from zope.i18n import translate
from ZTUtils.Lazy import LazyCat
from ZTUtils.Lazy import LazyMap


FACETS = ("topic", "organ", "genre", "year", "validity")
INDEXES = {
    "topic": "disclosure_topic",
    "organ": "disclosure_organ",
    "genre": "disclosure_genre",
    "year": "disclosure_year",
    "validity": "disclosure_validity",
}
SORTS = {
    "publication_date": "effective",
    "written_date": "written_date",
    "index_number": "index_number",
    "title": "sortable_title",
}
MAX_PAGE = 100
MAX_QUERY = 100


class BadFilter(ValueError):
    """A filter a citizen typed wrongly: ``field`` names it, ``message`` says why."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def _single(form, name):
    value = form.get(name)
    if isinstance(value, (list, tuple)):
        raise BadFilter(name, _("Give ${name} once.", mapping={"name": name}))
    return safe_text(value).strip() if value not in (None, "") else None


def _integer(form, name, default, low, high):
    value = _single(form, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise BadFilter(
            name,
            _(
                "${name} must be a whole number from ${low} to ${high}.",
                mapping={"name": name, "low": low, "high": high},
            ),
        )
    return number


class Selection:
    """What a request asks for: filters, full text, sort and page."""

    def __init__(self, form):
        self.filters = {}
        topic = _single(form, "topic")
        if topic is not None:
            if topic not in topics.topics_by_code():
                raise BadFilter(
                    "topic",
                    _(
                        "There is no subject category with the code ${code}.",
                        mapping={"code": topic},
                    ),
                )
            self.filters["topic"] = topic
        organ = _single(form, "organ")
        if organ is not None:
            if organ not in organ_titles():
                raise BadFilter(
                    "organ", _("There is no department with the id ${uid}.", mapping={"uid": organ})
                )
            self.filters["organ"] = organ
        genre = _single(form, "genre")
        if genre is not None:
            if genre not in dict(GENRES):
                raise BadFilter(
                    "genre", _("There is no document genre ${genre}.", mapping={"genre": genre})
                )
            self.filters["genre"] = genre
        year = _integer(form, "year", None, 1949, 2100)
        if year is not None:
            self.filters["year"] = year
        validity = _single(form, "validity")
        if validity is not None:
            if validity not in dict(VALIDITY):
                raise BadFilter(
                    "validity", _("Validity is one of valid, amended, repealed or expired.")
                )
            self.filters["validity"] = validity
        self.q = _single(form, "q")
        if self.q is not None and len(self.q) > MAX_QUERY:
            raise BadFilter(
                "q", _("Search for at most ${max} characters.", mapping={"max": MAX_QUERY})
            )
        self.sort_on = _single(form, "sort_on") or "publication_date"
        if self.sort_on not in SORTS:
            raise BadFilter(
                "sort_on", _("Sort by publication_date, written_date, index_number or title.")
            )
        order = _single(form, "sort_order") or (
            "ascending" if self.sort_on == "title" else "descending"
        )
        if order not in ("ascending", "descending"):
            raise BadFilter("sort_order", _("sort_order is ascending or descending."))
        self.sort_order = order
        self.b_start = _integer(form, "b_start", 0, 0, 10**7)
        self.b_size = _integer(form, "b_size", 20, 1, MAX_PAGE)


def base_query(context):
    """Published items under ``context``; at the site root, those in the
    current language or in none (translations would otherwise count twice)."""
    query = {
        "portal_type": "DisclosureItem",
        "review_state": "published",
        "path": "/".join(context.getPhysicalPath()),
        # An item's effective date is set when it is first published and it
        # has no expiry date, so a published item is always in its effective
        # range: skipping Plone's effectiveRange filter (a union over the
        # whole DateRangeIndex for every anonymous query) changes no result.
        "show_inactive": True,
    }
    if IPloneSiteRoot.providedBy(context):
        query["Language"] = [api.portal.get_current_language(), ""]
    return query


def rid_set(results):
    """The record ids behind an unsorted, unscored catalog result (the full
    text is matched separately, see ``CatalogSearch._text``)."""
    seq = getattr(results, "_seq", None)
    if not seq:
        return IISet()
    return seq if hasattr(seq, "keys") else IISet(seq)


def _as_set(entry):
    if entry is None:
        return IISet()
    if isinstance(entry, int):
        return IISet([entry])
    return entry


def _count(rids, entry):
    if entry is None:
        return 0
    if isinstance(entry, int):
        return 1 if entry in rids else 0
    return len(intersection(rids, entry))


def organ_titles():
    """UID → title of every department (titles of organs are public)."""
    catalog = api.portal.get_tool("portal_catalog")
    return {b.UID: b.Title for b in catalog.unrestrictedSearchResults(portal_type="Department")}


# A large result's first pages are read from the sort index, newest key
# first, instead of ZCatalog's pass over every result (a Python loop over
# 100,000 record ids); a small or sparse result is cheaper to sort whole.
WALK_MIN = 2000
WALK_LIMIT = 1000
WALK_DENSITY = 4  # at most this many distinct keys of the index per result


def _walk_index(tree, rids, wanted, reverse):
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


class CatalogSearch:
    """One request's search: one catalog search gives the base (published,
    viewable, under the context, matching the text); filters and facets
    narrow it with the facet indexes' own sets, and the page is sorted from it."""

    def __init__(self, context, selection, request):
        self.context = context
        self.selection = selection
        self.request = request
        self.catalog = api.portal.get_tool("portal_catalog")
        self._rids = {}
        self._base = None
        self.organs = organ_titles()
        self.text_rids = self._text(selection.q) if selection.q else None

    def _text(self, q):
        """Records matching the full text, unscored: the catalog lists by
        date, so ranking every match (and sorting the scores) is wasted."""
        terms = munge_search_term(q)
        if not terms:  # only wildcards or spaces: no text filter
            return None
        index = self.catalog._catalog.getIndex("SearchableText")
        try:
            found = index._apply_index({"SearchableText": terms})
        except ParseError:
            raise BadFilter(
                "q", _("Search for words, not only punctuation or operators.")
            ) from None
        return IISet(found[0].keys()) if found and found[0] else IISet()

    def base(self):
        """Published items under the context that match the full text: the
        one catalog search of a request (security included)."""
        if self._base is None:
            found = rid_set(self.catalog.searchResults(base_query(self.context)))
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
                found = intersection(found, _as_set(self._index(name).get(value)))
            self._rids[key] = found
        return self._rids[key]

    def everything(self):
        """Every brain of the selection, sorted (the open-data export)."""
        rids = self.rids(self.selection.filters)
        if not rids:
            return LazyCat([])
        internal = self.catalog._catalog
        return internal.sortResults(
            rids,
            internal.getIndex(SORTS[self.selection.sort_on]),
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
        internal = self.catalog._catalog
        index = internal.getIndex(SORTS[selection.sort_on])
        wanted = selection.b_start + selection.b_size
        if (
            wanted <= WALK_LIMIT
            and len(rids) >= WALK_MIN
            and hasattr(index, "_index")
            # dense enough that the walk meets a match every few keys
            and len(rids) * WALK_DENSITY >= len(index)
        ):
            found = _walk_index(index._index, rids, wanted, selection.sort_order == "descending")
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

    def _index(self, name):
        return self.catalog._catalog.getIndex(INDEXES[name])._index

    def _count_values(self, name, values):
        """A facet's counts apply every other filter but its own, so a
        citizen sees what choosing another value would give."""
        index = self._index(name)
        filters = {k: v for k, v in self.selection.filters.items() if k != name}
        rids = self.rids(filters)
        return [
            {"value": value, "title": title, "count": n}
            for value, title in values
            if (n := _count(rids, index.get(value)))
        ]

    def facets(self):
        """For each facet, its values with title and count; the topic facet
        also shows the second levels of a chosen first level."""
        out = {}
        first_levels = [(t.code, t.title) for t in topics.all_topics() if t.parent is None]
        out["topic"] = self._count_values("topic", first_levels)
        chosen = self.selection.filters.get("topic")
        if chosen:
            first = chosen[:2]
            index = self._index("topic")
            without = {k: v for k, v in self.selection.filters.items() if k != "topic"}
            within = intersection(self.rids(without), _as_set(index.get(first)))
            out["topic"] += [
                {"value": t.code, "title": t.title, "count": n, "parent": first}
                for t in topics.all_topics()
                if t.parent == first and (n := _count(within, index.get(t.code)))
            ]
        organs = [(uid, self.organs.get(uid, uid)) for uid in self._index("organ").keys()]
        out["organ"] = sorted(self._count_values("organ", organs), key=lambda e: -e["count"])
        out["genre"] = self._count_values(
            "genre", [(v, translate(t, context=self.request)) for v, t in GENRES]
        )
        years = sorted(self._index("year").keys(), reverse=True)
        out["year"] = self._count_values("year", [(y, str(y)) for y in years])
        out["validity"] = self._count_values(
            "validity", [(v, translate(t, context=self.request)) for v, t in VALIDITY]
        )
        return out
