"""GET /@working-days?start=YYYY-MM-DD&days=N: the date N working days after
start, and whether a year without a known official schedule was involved."""

from datetime import date
from plone.restapi.services import Service
from zhengwu import _
from zhengwu.workdays import add_working_days
from zope.i18n import translate


MAX_DAYS = 3660  # ten years of working days is more than any statutory limit


class WorkingDaysGet(Service):
    def reply(self):
        form = self.request.form
        start, raw = form.get("start") or "", form.get("days") or ""
        try:
            start = date.fromisoformat(start.strip() if isinstance(start, str) else "")
        except ValueError:
            return self._bad("start", _("Give the start date as YYYY-MM-DD, e.g. 2026-09-25."))
        raw = raw.strip() if isinstance(raw, str) else ""
        if not raw.isdigit() or int(raw) > MAX_DAYS:
            return self._bad(
                "days",
                _(
                    "Give the number of working days as a whole number from 0 to ${max}.",
                    mapping={"max": MAX_DAYS},
                ),
            )
        try:
            deadline = add_working_days(start, int(raw))
        except ValueError:
            return self._bad("start", _("The deadline would fall after the year 9999."))
        return {
            "@id": f"{self.context.absolute_url()}/@working-days?start={start.isoformat()}&days={int(raw)}",
            "start": start.isoformat(),
            "days": int(raw),
            "due_date": deadline.due_date.isoformat(),
            "provisional": deadline.provisional,
        }

    def _bad(self, field, message):
        self.request.response.setStatus(400)
        message = translate(message, context=self.request)
        return {"error": {"type": "BadRequest", "field": field, "message": message}}
