"""GET /@petition-alarm: consultations approaching three months without an
answer (administrators), batched like plone.restapi's lists."""

from zhengwu.petitions import stats
from zhengwu.rest import batched
from zhengwu.rest import page
from zhengwu.rest import Service


class PetitionAlarmGet(Service):
    def reply(self):
        start, size = page(self.request.form)
        return batched(self.request, stats.alarm(), start, size)
