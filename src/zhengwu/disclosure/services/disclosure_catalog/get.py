"""GET <catalog or site>/@disclosure-catalog: published items with facets.

``format=csv`` / ``format=json`` (or ``Accept: text/csv``) return the whole
selection as open data, written row by row to a spooled file and streamed.
"""

from plone.restapi.services import _no_content_marker
from zhengwu import _
from zhengwu.disclosure import export
from zhengwu.disclosure import search
from zhengwu.disclosure.listing import EntryWriter
from zhengwu.faceted import listing
from zhengwu.rest import choice
from zhengwu.rest import Service


class DisclosureCatalogGet(Service):
    download = None  # the export's file, the body instead of JSON

    def _format(self):
        fmt = choice(self.request.form, "format", ("csv", "json"), _("format is csv or json."))
        if fmt is None and "text/csv" in (self.request.getHeader("Accept") or ""):
            return "csv"
        return fmt

    def reply(self):
        selection = search.Selection(self.request.form)
        fmt = self._format()
        found = search.CatalogSearch(self.context, selection, self.request)
        if fmt is None:
            return listing(found, EntryWriter(self.request, found.organs), self.request)
        self.download = self.export(found, fmt)
        return _no_content_marker

    def render(self):
        answer = super().render()
        return answer if self.download is None else self.download

    def export(self, found, fmt):
        writer = EntryWriter(self.request, found.organs)
        brains = found.everything()
        response = self.request.response
        name = f"{self.context.getId() or 'catalog'}.{fmt}"
        response.setHeader("Content-Disposition", f'attachment; filename="{name}"')
        if fmt == "csv":
            response.setHeader("Content-Type", "text/csv; charset=utf-8")
            return export.write_csv(brains, writer)
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        return export.write_json(brains, writer, len(brains))
