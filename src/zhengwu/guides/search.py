"""The guide index's search, shared by the classic index page and
``@service-guides`` (machinery in ``zhengwu.faceted``)."""

from zhengwu import _
from zhengwu.faceted import batching
from zhengwu.faceted import FacetedSearch
from zhengwu.faceted import published_query
from zhengwu.faceted import sorting
from zhengwu.faceted import text_query
from zhengwu.guides import themes
from zhengwu.guides.kinds import ITEM_TYPES
from zhengwu.guides.kinds import SERVICE_OBJECTS
from zhengwu.i18n import translated
from zhengwu.rest import BadRequest
from zhengwu.rest import single
from zhengwu.site.department import organ_titles


__all__ = ("FACETS", "GuideSearch", "Selection")

FACETS = ("theme", "organ", "item_type", "service_object")
INDEXES = {
    "theme": "guide_theme",
    "organ": "guide_organ",
    "item_type": "guide_item_type",
    "service_object": "guide_service_object",
}
SORTS = {"title": "sortable_title", "modified": "modified"}


class Selection:
    """What a request asks for: filters, full text, sort and page."""

    def __init__(self, form):
        self.filters = {}
        choices = {
            "theme": (set(themes.themes_by_id()), _("There is no service theme ${value}.")),
            "organ": (set(organ_titles()), _("There is no department with the id ${value}.")),
            "item_type": (dict(ITEM_TYPES), _("There is no item type ${value}.")),
            "service_object": (
                dict(SERVICE_OBJECTS),
                _("The service object is natural_person or legal_person."),
            ),
        }
        for name in FACETS:
            value = single(form, name)
            if value is None:
                continue
            known, message = choices[name]
            if value not in known:
                raise BadRequest(_(message, mapping={"value": value}), name)
            self.filters[name] = value
        self.q = text_query(form)
        self.sort_on, self.sort_order = sorting(
            form, SORTS, "title", _("Sort by title or modified.")
        )
        self.b_start, self.b_size = batching(form)


class GuideSearch(FacetedSearch):
    """Published guides under the context, with four facets."""

    indexes = INDEXES
    sorts = SORTS

    def base_query(self):
        return published_query(self.context, "ServiceGuide")

    def facets(self):
        def titled(pairs):
            return [(v, translated(t, self.request)) for v, t in pairs]

        organs = [(uid, self.organs.get(uid, uid)) for uid in self.index("organ").keys()]
        return {
            "theme": self.count_values(
                "theme", titled((t.id, t.title) for t in themes.all_themes())
            ),
            "organ": sorted(self.count_values("organ", organs), key=lambda e: -e["count"]),
            "item_type": self.count_values("item_type", titled(ITEM_TYPES)),
            "service_object": self.count_values("service_object", titled(SERVICE_OBJECTS)),
        }
