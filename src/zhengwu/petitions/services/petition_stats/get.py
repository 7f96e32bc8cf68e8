"""GET /@petition-stats?year=YYYY&department=UID: public statistics."""

from plone.restapi.services import Service
from zhengwu import _
from zhengwu.faceted import BadFilter
from zhengwu.faceted import integer
from zhengwu.faceted import single
from zhengwu.petitions import stats
from zhengwu.submissions.rest import refused
from zope.i18n import translate


class PetitionStatsGet(Service):
    def reply(self):
        try:
            year = integer(self.request.form, "year", None, 2000, 2100)
            department = single(self.request.form, "department")
        except BadFilter as error:
            return refused(self.request, 400, error.message, error.field)
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
        return translate(message, context=self.request)
