"""GET <folder or site>/@service-guide-report: what every guide lacks and
which published guides are overdue for checking (administrators), batched
like plone.restapi's lists."""

from zhengwu.guides import completeness
from zhengwu.i18n import translated
from zhengwu.rest import batched
from zhengwu.rest import page
from zhengwu.rest import Service


class ServiceGuideReportGet(Service):
    def reply(self):
        start, size = page(self.request.form)
        data = completeness.report(self.context)
        result = batched(self.request, data["rows"], start, size, self.entry)
        result["review_period_days"] = data["period"]
        return result

    def entry(self, row):
        return {
            "@id": row["url"],
            "title": row["title"],
            "item_code": row["item_code"],
            "review_state": row["review_state"],
            "missing": [translated(m, self.request) for m in row["missing"]],
            "last_reviewed": row["last_reviewed"].isoformat() if row["last_reviewed"] else None,
            "stale": row["stale"],
        }
