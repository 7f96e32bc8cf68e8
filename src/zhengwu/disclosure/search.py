"""The faceted search of the disclosure catalog, shared by the classic view,
``@disclosure-catalog`` and the open-data export (machinery in
``zhengwu.faceted``)."""

from BTrees.IIBTree import intersection
from zhengwu import _
from zhengwu.disclosure import topics
from zhengwu.disclosure.genres import GENRES
from zhengwu.disclosure.genres import VALIDITY
from zhengwu.faceted import as_set
from zhengwu.faceted import batching
from zhengwu.faceted import count
from zhengwu.faceted import FacetedSearch
from zhengwu.faceted import published_query
from zhengwu.faceted import sorting
from zhengwu.faceted import text_query
from zhengwu.i18n import translated
from zhengwu.rest import BadRequest
from zhengwu.rest import integer
from zhengwu.rest import single
from zhengwu.site.department import organ_titles


__all__ = ("FACETS", "CatalogSearch", "Selection")

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


class Selection:
    """What a request asks for: filters, full text, sort and page."""

    def __init__(self, form):
        self.filters = {}
        topic = single(form, "topic")
        if topic is not None:
            if topic not in topics.topics_by_code():
                raise BadRequest(
                    _(
                        "There is no subject category with the code ${code}.",
                        mapping={"code": topic},
                    ),
                    "topic",
                )
            self.filters["topic"] = topic
        organ = single(form, "organ")
        if organ is not None:
            if organ not in organ_titles():
                raise BadRequest(
                    _("There is no department with the id ${uid}.", mapping={"uid": organ}), "organ"
                )
            self.filters["organ"] = organ
        genre = single(form, "genre")
        if genre is not None:
            if genre not in dict(GENRES):
                raise BadRequest(
                    _("There is no document genre ${genre}.", mapping={"genre": genre}), "genre"
                )
            self.filters["genre"] = genre
        year = integer(form, "year", None, 1949, 2100)
        if year is not None:
            self.filters["year"] = year
        validity = single(form, "validity")
        if validity is not None:
            if validity not in dict(VALIDITY):
                raise BadRequest(
                    _("Validity is one of valid, amended, repealed or expired."), "validity"
                )
            self.filters["validity"] = validity
        self.q = text_query(form)
        self.sort_on, self.sort_order = sorting(
            form,
            SORTS,
            "publication_date",
            _("Sort by publication_date, written_date, index_number or title."),
        )
        self.b_start, self.b_size = batching(form)


class CatalogSearch(FacetedSearch):
    """The disclosure catalog's search and its five facets."""

    indexes = INDEXES
    sorts = SORTS

    def base_query(self):
        return published_query(self.context, "DisclosureItem")

    def facets(self):
        """For each facet, its values with title and count; the topic facet
        also shows the second levels of a chosen first level."""
        out = {}
        first_levels = [(t.code, t.title) for t in topics.all_topics() if t.parent is None]
        out["topic"] = self.count_values("topic", first_levels)
        chosen = self.selection.filters.get("topic")
        if chosen:
            first = chosen[:2]
            index = self.index("topic")
            without = {k: v for k, v in self.selection.filters.items() if k != "topic"}
            within = intersection(self.rids(without), as_set(index.get(first)))
            out["topic"] += [
                {"value": t.code, "title": t.title, "count": n, "parent": first}
                for t in topics.all_topics()
                if t.parent == first and (n := count(within, index.get(t.code)))
            ]
        organs = [(uid, self.organs.get(uid, uid)) for uid in self.index("organ").keys()]
        out["organ"] = sorted(self.count_values("organ", organs), key=lambda e: -e["count"])
        out["genre"] = self.count_values(
            "genre", [(v, translated(t, self.request)) for v, t in GENRES]
        )
        years = sorted(self.index("year").keys(), reverse=True)
        out["year"] = self.count_values("year", [(y, str(y)) for y in years])
        out["validity"] = self.count_values(
            "validity", [(v, translated(t, self.request)) for v, t in VALIDITY]
        )
        return out
