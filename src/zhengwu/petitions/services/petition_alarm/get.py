"""GET /@petition-alarm: consultations approaching three months without an
answer (administrators)."""

from plone.restapi.services import Service
from zhengwu.petitions import stats


class PetitionAlarmGet(Service):
    def reply(self):
        items = stats.alarm()
        return {"items_total": len(items), "items": items}
