"""GET <folder or site>/@service-guide-report: what every guide lacks and
which published guides are overdue for checking (administrators)."""

from plone.restapi.services import Service
from zhengwu.guides import completeness
from zope.i18n import translate


class ServiceGuideReportGet(Service):
    def reply(self):
        data = completeness.report(self.context)
        return {
            "review_period_days": data["period"],
            "items": [
                {
                    "@id": row["url"],
                    "title": row["title"],
                    "item_code": row["item_code"],
                    "review_state": row["review_state"],
                    "missing": [translate(m, context=self.request) for m in row["missing"]],
                    "last_reviewed": row["last_reviewed"].isoformat()
                    if row["last_reviewed"]
                    else None,
                    "stale": row["stale"],
                }
                for row in data["rows"]
            ],
        }
