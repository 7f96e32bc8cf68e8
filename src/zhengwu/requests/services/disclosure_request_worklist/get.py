"""GET /@disclosure-request-worklist: the requests waiting for the current
officer, soonest due first, with their flags (counted over the whole list),
batched like plone.restapi's lists."""

from plone import api
from zhengwu import _
from zhengwu.requests import worklist
from zhengwu.rest import batched
from zhengwu.rest import page
from zhengwu.rest import Service
from zhengwu.rest import Unauthorized


class DisclosureRequestWorklistGet(Service):
    def reply(self):
        if api.user.is_anonymous():
            raise Unauthorized(_("Log in as a user who may use this service."))
        start, size = page(self.request.form)
        items = worklist.entries(self.context, self.request)
        result = batched(self.request, items, start, size)
        result["overdue"] = sum(1 for i in items if i["flag"] == "overdue")
        result["due_soon"] = sum(1 for i in items if i["flag"] == "due_soon")
        return result
