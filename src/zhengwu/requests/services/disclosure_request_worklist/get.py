"""GET /@disclosure-request-worklist: the requests waiting for the current
officer, soonest due first, with their flags."""

from plone.restapi.services import Service
from zhengwu.requests import worklist


class DisclosureRequestWorklistGet(Service):
    def reply(self):
        items = worklist.entries(self.context, self.request)
        return {
            "items_total": len(items),
            "overdue": sum(1 for i in items if i["flag"] == "overdue"),
            "due_soon": sum(1 for i in items if i["flag"] == "due_soon"),
            "items": items,
        }
