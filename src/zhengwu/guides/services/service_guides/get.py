"""GET <folder or site>/@service-guides: published guides with facets."""

from plone.restapi.services import Service
from zhengwu.faceted import listing
from zhengwu.guides import search
from zhengwu.guides.listing import EntryWriter
from zope.i18n import translate


class ServiceGuidesGet(Service):
    def reply(self):
        try:
            selection = search.Selection(self.request.form)
            found = search.GuideSearch(self.context, selection, self.request)
        except search.BadFilter as error:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "field": error.field,
                    "message": translate(error.message, context=self.request),
                }
            }
        return listing(found, EntryWriter(self.request, found.organs), self.request)
