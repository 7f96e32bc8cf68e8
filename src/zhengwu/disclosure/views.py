"""Classic UI: the faceted catalog, the item page and attachment downloads."""

from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zhengwu import _
from zhengwu.disclosure import relations
from zhengwu.disclosure import search
from zhengwu.disclosure import topics
from zhengwu.disclosure.genres import GENRES
from zhengwu.disclosure.genres import VALIDITY
from zhengwu.disclosure.listing import EntryWriter
from zhengwu.faceted import FacetedPage
from zhengwu.files import file_entries
from zhengwu.i18n import translated
from zhengwu.site.department import organ_title
import functools


FACET_LABELS = {
    "topic": _("Subject category"),
    "organ": _("Issuing organ"),
    "genre": _("Document genre"),
    "year": _("Year"),
    "validity": _("Validity"),
}
COLUMNS = (
    ("index_number", _("Index number")),
    ("title", _("Title")),
    (None, _("Issuing organ")),
    (None, _("Document number")),
    ("written_date", _("Date written")),
    ("publication_date", _("Publication date")),
)


class CatalogView(FacetedPage, BrowserView):
    """The default view of a DisclosureCatalog: filters with counts, full
    text, a sortable table, pages of 20."""

    selection_class = search.Selection
    search_class = search.CatalogSearch
    writer_class = EntryWriter
    facet_names = search.FACETS
    facet_labels = FACET_LABELS

    def is_selected(self, name, entry, chosen):
        # A chosen second-level topic also marks its first level.
        return super().is_selected(name, entry, chosen) or (
            name == "topic" and chosen and len(chosen) == 4 and entry["value"] == chosen[:2]
        )

    def columns(self):
        out = []
        for key, label in COLUMNS:
            if key is None:
                out.append({"label": label, "url": None, "arrow": ""})
                continue
            current = self.selection.sort_on == key
            order = (
                "ascending"
                if current and self.selection.sort_order == "descending"
                else "descending"
            )
            arrow = ("▼" if self.selection.sort_order == "descending" else "▲") if current else ""
            out.append(
                {
                    "label": label,
                    "url": self._url(sort_on=key, sort_order=order, b_start=None),
                    "arrow": arrow,
                }
            )
        return out

    def export_url(self, fmt):
        params = dict(self.selection.filters)
        if self.selection.q:
            params["q"] = self.selection.q
        params["format"] = fmt
        return f"{self.context.absolute_url()}/++api++/@disclosure-catalog?{urlencode(params)}"


class ItemView(BrowserView):
    """The page of one item: its catalog record, validity notice, text,
    attachments and the relations in both directions."""

    def record(self):
        context = self.context
        genre = dict(GENRES).get(context.genre)
        published = context.publication_date
        return [
            (_("Index number"), context.index_number or ""),
            (_("Issuing organ"), organ_title(context.issuing_organ) or ""),
            (_("Document number"), context.document_number or ""),
            (_("Date written"), context.written_date.isoformat() if context.written_date else ""),
            (_("Publication date"), published.isoformat() if published else ""),
            (_("Subject category"), topics.topic_title(context.topic)),
            (_("Document genre"), translated(genre, self.request)),
            (_("Validity"), self.validity_title()),
        ]

    def validity_title(self):
        return translated(dict(VALIDITY).get(self.context.validity or "valid"), self.request)

    def not_valid(self):
        return (self.context.validity or "valid") != "valid"

    def superseded_by(self):
        return relations.superseded_by(self.context)

    @functools.cached_property
    def _incoming(self):
        return relations.incoming(self.context)

    def supersedes(self):
        return relations.supersedes(self.context, self._incoming)

    def interpretations(self):
        return relations.interpretations(self.context)

    def interpreted_documents(self):
        return relations.interpreted_documents(self.context, self._incoming)

    def attachments(self):
        return file_entries(self.context)
