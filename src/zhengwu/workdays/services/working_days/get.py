"""GET /@working-days?start=YYYY-MM-DD&days=N: the date N working days after
start, and whether a year without a known official schedule was involved."""

from datetime import date
from plone.restapi.services import Service
from zhengwu.workdays import add_working_days


MAX_DAYS = 3660  # ten years of working days is more than any statutory limit


class WorkingDaysGet(Service):
    def reply(self):
        form = self.request.form
        try:
            start = date.fromisoformat((form.get("start") or "").strip())
        except ValueError:
            return self._bad("start", "Give the start date as YYYY-MM-DD, e.g. 2026-09-25.")
        raw = (form.get("days") or "").strip()
        if not raw.isdigit() or int(raw) > MAX_DAYS:
            return self._bad(
                "days", f"Give the number of working days as a whole number from 0 to {MAX_DAYS}."
            )
        try:
            deadline = add_working_days(start, int(raw))
        except ValueError as error:
            return self._bad("start", str(error))
        return {
            "@id": f"{self.context.absolute_url()}/@working-days?start={start.isoformat()}&days={int(raw)}",
            "start": start.isoformat(),
            "days": int(raw),
            "due_date": deadline.due_date.isoformat(),
            "provisional": deadline.provisional,
        }

    def _bad(self, field, message):
        self.request.response.setStatus(400)
        return {"error": {"type": "BadRequest", "field": field, "message": message}}
