"""GET <folder or site>/@service-guides: published guides with facets."""

from zhengwu.faceted import listing
from zhengwu.guides import search
from zhengwu.guides.listing import EntryWriter
from zhengwu.rest import Service


class ServiceGuidesGet(Service):
    def reply(self):
        selection = search.Selection(self.request.form)
        found = search.GuideSearch(self.context, selection, self.request)
        return listing(found, EntryWriter(self.request, found.organs), self.request)
