"""GET /@disclosure-annual-report?year=YYYY[&organ=<department UID>]: the
statistics of the annual report in the uniform format (public)."""

from zhengwu.requests.report import report
from zhengwu.requests.report import report_year
from zhengwu.rest import Service


class DisclosureAnnualReportGet(Service):
    def reply(self):
        year, organ = report_year(self.request.form)
        return report(year, organ, self.request)
