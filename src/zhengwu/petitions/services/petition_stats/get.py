"""GET /@petition-stats?year=YYYY&department=UID: public statistics."""

from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.petitions import stats
from zhengwu.rest import integer
from zhengwu.rest import Service
from zhengwu.rest import single


class PetitionStatsGet(Service):
    def reply(self):
        year = integer(self.request.form, "year", None, 2000, 2100)
        department = single(self.request.form, "department")
        rows = stats.figures(year, department)
        return {
            "@id": f"{self.context.absolute_url()}/@petition-stats",
            "years": stats.years(),
            "items": rows,
            "definitions": {
                "overdue": self._t(_("open past the due date, or answered after it")),
                "average_working_days": self._t(
                    _("from receipt to the approved reply, on the official calendar")
                ),
            },
        }

    def _t(self, message):
        return translated(message, self.request)
