"""GET /@disclosure-annual-report?year=YYYY[&organ=<department UID>]: the
statistics of the annual report in the uniform format (public)."""

from plone.restapi.services import Service
from zhengwu.faceted import BadFilter
from zhengwu.requests.report import report
from zhengwu.requests.report import report_year
from zhengwu.submissions.rest import refused


class DisclosureAnnualReportGet(Service):
    def reply(self):
        try:
            year, organ = report_year(self.request.form)
        except BadFilter as error:
            return refused(self.request, 400, error.message, error.field)
        return report(year, organ, self.request)
