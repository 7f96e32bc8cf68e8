"""GET /@website-annual-report?year=YYYY: the 政府网站工作年度报表 of that
year (administrators and inspectors)."""

from zhengwu.rest import Service
from zhengwu.supervision.annual_report import report
from zhengwu.supervision.annual_report import report_year


class WebsiteAnnualReportGet(Service):
    def reply(self):
        year = report_year(self.request.form)
        data = report(year, self.request)
        return {"@id": f"{self.context.absolute_url()}/@website-annual-report?year={year}", **data}
