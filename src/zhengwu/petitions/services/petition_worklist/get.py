"""GET /@petition-worklist: the petitions waiting for the current user,
soonest due first, with overdue and due-soon flags."""

from plone.restapi.services import Service
from zhengwu.petitions import worklist


class PetitionWorklistGet(Service):
    def reply(self):
        items = worklist.entries(self.context, self.request)
        return {
            "items_total": len(items),
            "overdue": sum(1 for i in items if i["flag"] == "overdue"),
            "due_soon": sum(1 for i in items if i["flag"] == "due_soon"),
            "items": items,
        }
