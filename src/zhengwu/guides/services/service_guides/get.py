"""GET <folder or site>/@service-guides: published guides with facets."""

from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service
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
        writer = EntryWriter(self.request, found.organs)
        batch = HypermediaBatch(self.request, found.page())
        result = {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "items": [writer.entry(brain) for brain in batch],
            "facets": found.facets(),
        }
        if batch.links:
            result["batching"] = batch.links
        return result
