"""GET /@petition-worklist: the petitions waiting for the current user,
soonest due first, with overdue and due-soon flags (counted over the whole
list), batched like plone.restapi's lists. Anonymous is refused with 401
(no permission of the site
means "logged in", so the service asks); a user with nothing waiting gets an empty list."""

from plone import api
from zhengwu import _
from zhengwu.petitions import worklist
from zhengwu.rest import batched
from zhengwu.rest import page
from zhengwu.rest import Service
from zhengwu.rest import Unauthorized


class PetitionWorklistGet(Service):
    def reply(self):
        if api.user.is_anonymous():
            raise Unauthorized(_("Log in as a user who may use this service."))
        start, size = page(self.request.form)
        items = worklist.entries(self.context, self.request)
        result = batched(self.request, items, start, size)
        result["overdue"] = sum(1 for i in items if i["flag"] == "overdue")
        result["due_soon"] = sum(1 for i in items if i["flag"] == "due_soon")
        return result
