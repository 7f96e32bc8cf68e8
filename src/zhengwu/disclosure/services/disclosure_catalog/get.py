"""GET <catalog or site>/@disclosure-catalog: published items with facets.

``format=csv`` / ``format=json`` (or ``Accept: text/csv``) return the whole
selection as open data, written row by row to a spooled file and streamed.
"""

from plone.restapi.services import Service
from zhengwu import _
from zhengwu.disclosure import export
from zhengwu.disclosure import search
from zhengwu.disclosure.listing import EntryWriter
from zhengwu.faceted import listing
from zope.i18n import translate
import json


class DisclosureCatalogGet(Service):
    def _error(self, field, message):
        self.request.response.setStatus(400)
        return {
            "error": {
                "type": "BadRequest",
                "field": field,
                "message": translate(message, context=self.request),
            }
        }

    def _format(self):
        value = self.request.form.get("format")
        if value in (None, ""):
            return "csv" if "text/csv" in (self.request.getHeader("Accept") or "") else None
        if value not in ("csv", "json"):
            raise search.BadFilter("format", _("format is csv or json."))
        return value

    def render(self):
        self.check_permission()
        try:
            selection = search.Selection(self.request.form)
            fmt = self._format()
            found = search.CatalogSearch(self.context, selection, self.request)
        except search.BadFilter as error:
            return self._json(self._error(error.field, error.message))
        if fmt is None:
            return self._json(self.listing(found))
        return self.export(found, fmt)

    def _json(self, data):
        self.request.response.setHeader("Content-Type", "application/json")
        return json.dumps(data, indent=2, sort_keys=True, separators=(", ", ": "))

    def listing(self, found):
        return listing(found, EntryWriter(self.request, found.organs), self.request)

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
