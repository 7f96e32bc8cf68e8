"""The site's search (``@@search`` and ``@site-search``): what a request
asks for, the search with its filters and counts, and one entry per result
(docs/search.md).

The machinery is the faceted search of the catalogs (``zhengwu.faceted``):
one catalog search gives what the reader may see under the navigation
root, the full-text match narrows it, filters and counts are set
intersections with the ``search_*`` indexes (``kinds.py``); the page is
ordered by relevance (``ranking.py``) or newest first, and only the page's
items are loaded (for their snippets).
"""

from Acquisition import aq_inner
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from DateTime import DateTime
from datetime import timedelta
from plone import api
from plone.base.interfaces import IPloneSiteRoot
from plone.base.navigationroot import get_navigation_root_object
from plone.base.utils import get_user_friendly_types
from zhengwu import _
from zhengwu import clock
from zhengwu.faceted import as_set
from zhengwu.faceted import FacetedSearch
from zhengwu.faceted import MAX_QUERY
from zhengwu.i18n import translated
from zhengwu.rest import BadRequest
from zhengwu.rest import iso_date
from zhengwu.rest import page
from zhengwu.rest import single
from zhengwu.search import ranking
from zhengwu.search.kinds import KIND_TITLES
from zhengwu.search.kinds import KINDS
from zhengwu.search.query import understand
from zhengwu.search.snippets import indexed_text
from zhengwu.search.snippets import snippet
from zhengwu.site.department import organ_titles
from zhengwu.workdays.calendar import china_date


PAGE_SIZE = 10
MAX_PAGE = 50
FILTERS = ("type", "department", "time")
INDEXES = {"type": "search_kind", "department": "search_department", "time": "search_date"}
SORTS = {ranking.NEWEST: "search_date"}
# The time filter's choices: the past week, month and year, counted back
# from today in China; ``custom`` is ``since``/``until``.
PERIODS = (
    ("week", 7, _("search_past_week", default="过去一周")),
    ("month", 30, _("search_past_month", default="过去一月")),
    ("year", 365, _("search_past_year", default="过去一年")),
)
PERIOD_DAYS = {name: days for name, days, _title in PERIODS}
FAR_PAST = DateTime(1000, 1, 1)
# What Plone indexes as the effective date of an item that has none
# (plone.base: the floor date of 1970); Plone's search page uses the same line.
NO_DATE = DateTime("1970-01-03")


def china_start(day):
    """The first second of a day in China, as a Zope DateTime."""
    return DateTime(day.year, day.month, day.day, 0, 0, 0, "GMT+8")


def china_end(day):
    return DateTime(day.year, day.month, day.day, 23, 59, 59, "GMT+8")


class Selection:
    """What a request asks for: the text (``q``, or ``SearchableText`` from
    the header's search box), filters, order and page. Bad values are a
    ``BadRequest`` naming the parameter."""

    def __init__(self, form):
        text = single(form, "q")
        if text is None:
            text = single(form, "SearchableText")
        self.text = (text or "").strip()
        if len(self.text) > MAX_QUERY:
            raise BadRequest(
                _("Search for at most ${max} characters.", mapping={"max": MAX_QUERY}), "q"
            )
        self.understood = understand(self.text)
        self.q = self.understood.query
        self.filters = {}
        kind = single(form, "type")
        if kind is not None:
            if kind not in KIND_TITLES:
                raise BadRequest(
                    _(
                        "The type is one of document, interpretation, service, "
                        "interaction, news or other."
                    ),
                    "type",
                )
            self.filters["type"] = kind
        department = single(form, "department")
        if department is not None:
            if department not in organ_titles():
                raise BadRequest(
                    _("There is no department with the id ${uid}.", mapping={"uid": department}),
                    "department",
                )
            self.filters["department"] = department
        self.since = iso_date(form, "since", _("Give since as a date YYYY-MM-DD."))
        self.until = iso_date(form, "until", _("Give until as a date YYYY-MM-DD."))
        if self.since and self.until and self.since > self.until:
            raise BadRequest(_("until cannot be before since."), "until")
        period = single(form, "time")
        if period is not None and period not in PERIOD_DAYS and period != "custom":
            raise BadRequest(_("The time is week, month, year or custom."), "time")
        if self.since or self.until:
            period = "custom"
        elif period == "custom":
            raise BadRequest(_("A custom time range needs since or until."), "time")
        if period:
            self.filters["time"] = period
        sort = single(form, "sort") or single(form, "sort_on")
        if sort is None:
            sort = ranking.RELEVANCE if self.q else ranking.NEWEST
        if sort not in (ranking.RELEVANCE, ranking.NEWEST):
            raise BadRequest(_("Sort by relevance or newest."), "sort")
        self.sort_on = sort
        self.sort_order = "descending"
        self.b_start, self.b_size = page(form, PAGE_SIZE, MAX_PAGE)

    def asked(self):
        """Whether there is anything to search for: words or a filter."""
        return bool(self.q or self.filters)


class Periods:
    """The time filter's "index": a period's record ids from the
    ``search_date`` index, computed once per request."""

    def __init__(self, catalog, selection):
        self.catalog = catalog
        self.selection = selection
        self.types = forward(catalog, "portal_type")
        self._found = {}

    def bounds(self, period):
        if period == "custom":
            since, until = self.selection.since, self.selection.until
            return (china_start(since) if since else FAR_PAST), (
                china_end(until) if until else None
            )
        today = clock.today()
        return china_start(today - timedelta(days=PERIOD_DAYS[period])), None

    def _range(self, name, query):
        found = self.catalog._catalog.getIndex(name)._apply_index({name: query})
        return found[0] if found and found[0] is not None else IISet()

    def get(self, period, default=None):
        if period not in PERIOD_DAYS and period != "custom":
            return default
        if period not in self._found:
            low, high = self.bounds(period)
            if high is None:
                query = {"query": low, "range": "min"}
            else:
                query = {"query": (low, high), "range": "min:max"}
            dated = self._range(INDEXES["time"], query)
            # created: for the records only (the others have a search_date)
            records = multiunion([as_set(self.types.get(pt)) for pt in RECORD_KINDS])
            created = intersection(self._range("created", query), records)
            sets = [s for s in (dated, created) if s]
            self._found[period] = multiunion(sets) if sets else IISet()
        return self._found[period]


# Citizens' records are indexed only in the indexes their class names
# (zhengwu.submissions.catalog: no shared postings for concurrent
# submissions), not in the search_* indexes: their type comes from the
# portal type, their department from the domains' own indexes, their date
# from ``created``.
RECORD_KINDS = {"Petition": "interaction", "DisclosureRequest": "interaction"}
RECORD_DEPARTMENT_INDEXES = ("petition_department", "request_organ")


def forward(catalog, name):
    """The forward mapping (value → rids) of an index, or {} without it."""
    internal = catalog._catalog
    return internal.getIndex(name)._index if name in internal.indexes else {}


class Joined:
    """One filter's "index" read from several: a value's record ids are
    the union of its sets in each."""

    def __init__(self, *mappings):
        self.mappings = mappings

    def get(self, value, default=None):
        sets = [as_set(m.get(value)) for m in self.mappings]
        sets = [s for s in sets if s]
        if not sets:
            return default
        return sets[0] if len(sets) == 1 else multiunion(sets)

    def keys(self):
        return sorted({key for mapping in self.mappings for key in mapping.keys()})


class Kinds(Joined):
    """``search_kind``, and the records' kinds from their portal type."""

    def __init__(self, catalog):
        super().__init__(forward(catalog, INDEXES["type"]))
        self.types = forward(catalog, "portal_type")

    def get(self, value, default=None):
        found = super().get(value)
        records = [as_set(self.types.get(pt)) for pt, kind in RECORD_KINDS.items() if kind == value]
        sets = [s for s in [found, *records] if s]
        if not sets:
            return default
        return sets[0] if len(sets) == 1 else multiunion(sets)


class SiteSearch(FacetedSearch):
    """Everything under the navigation root the reader may see."""

    indexes = INDEXES
    sorts = SORTS

    def __init__(self, context, selection, request):
        self.root = get_navigation_root_object(aq_inner(context), api.portal.get())
        super().__init__(context, selection, request)
        self.periods = Periods(self.catalog, selection)
        self.kinds = Kinds(self.catalog)
        self.departments = Joined(
            forward(self.catalog, INDEXES["department"]),
            *(forward(self.catalog, name) for name in RECORD_DEPARTMENT_INDEXES),
        )

    def text_terms(self, q):
        # understand() gives the text index's query as it is to be searched.
        return q

    def phrase(self):
        understood = self.selection.understood
        return ranking.phrase_of(understood.corrected or self.selection.text)

    def base_query(self):
        """What Plone's own search shows: the types searched (not those the
        site excludes), in effect, under the navigation root; catalog
        security leaves out what the reader may not see (citizens' records
        are seen only by their handlers)."""
        query = {
            "portal_type": get_user_friendly_types(),
            "path": "/".join(self.root.getPhysicalPath()),
        }
        if IPloneSiteRoot.providedBy(self.root):
            query["Language"] = [api.portal.get_current_language(), ""]
        return query

    def index(self, name):
        if name == "time":
            return self.periods
        if name == "type":
            return self.kinds
        if name == "department":
            return self.departments
        return super().index(name)

    def page(self):
        """Relevance (``FacetedSearch.page``) or newest first, the records
        by their creation date (``ranking.newest``)."""
        if self.by_relevance():
            return super().page()
        selection = self.selection
        return ranking.newest(
            self.catalog, self.rids(selection.filters), selection.b_start, selection.b_size
        )

    def facets(self):
        organs = self.organs
        departments = [
            (uid, organs[uid]) for uid in self.index("department").keys() if uid in organs
        ]
        periods = [(name, translated(title, self.request)) for name, _days, title in PERIODS]
        if self.selection.filters.get("time") == "custom":
            periods.append(("custom", self.custom_title()))
        return {
            "type": self.count_values("type", [(k, translated(t, self.request)) for k, t in KINDS]),
            "department": sorted(
                self.count_values("department", departments), key=lambda e: -e["count"]
            ),
            "time": self.count_values("time", periods),
        }

    def custom_title(self):
        since, until = self.selection.since, self.selection.until
        return f"{since.isoformat() if since else ''}–{until.isoformat() if until else ''}"


def result_date(brain):
    """YYYY-MM-DD in China: the publication date, else the creation date."""
    effective = brain.effective
    if isinstance(effective, DateTime) and effective > NO_DATE:
        return china_date(effective).isoformat()
    return china_date(brain.created).isoformat() if brain.created else None


class EntryWriter:
    """One result as the page and ``@site-search`` show it. Only the
    results of the page are loaded, for their text; one the reader may not
    view is left out (catalog security already did: a second lock on
    citizens' records)."""

    def __init__(self, search, request):
        self.search = search
        self.request = request
        self.catalog = search.catalog
        internal = self.catalog._catalog
        self.kinds = internal.getIndex(INDEXES["type"])
        self.departments = internal.getIndex(INDEXES["department"])
        self.words = search.selection.understood.words

    def entry(self, brain):
        obj = brain._unrestrictedGetObject()
        if not api.user.has_permission("View", obj=obj):
            return None
        rid = brain.getRID()
        kind = self.kinds.getEntryForObject(rid) or RECORD_KINDS.get(brain.portal_type) or "other"
        department = self.departments.getEntryForObject(rid) or self._record_department(rid)
        title = brain.Title or brain.getId
        return {
            "@id": brain.getURL(),
            "title": title,
            "type": kind,
            "type_title": translated(KIND_TITLES.get(kind, KIND_TITLES["other"]), self.request),
            "date": result_date(brain),
            "department": (
                {"token": department, "title": self.search.organs[department]}
                if department in self.search.organs
                else None
            ),
            "snippet": snippet(indexed_text(obj, self.catalog), self.words),
        }

    def _record_department(self, rid):
        internal = self.catalog._catalog
        for name in RECORD_DEPARTMENT_INDEXES:
            if name in internal.indexes:
                value = internal.getIndex(name).getEntryForObject(rid)
                if value:
                    return value
        return None

    def entries(self, brains):
        return [e for e in (self.entry(b) for b in brains) if e is not None]


def fewer_words(selection):
    """Queries of one word less, for a search that found nothing."""
    words = selection.text.split()
    if len(words) < 2:
        return []
    return [" ".join(words[:i] + words[i + 1 :]) for i in range(len(words))][:3]
