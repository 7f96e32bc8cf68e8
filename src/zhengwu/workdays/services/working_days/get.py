"""GET /@working-days?start=YYYY-MM-DD&days=N: the date N working days after
start, and whether a year without a known official schedule was involved."""

from zhengwu import _
from zhengwu.rest import BadRequest
from zhengwu.rest import integer
from zhengwu.rest import iso_date
from zhengwu.rest import Service
from zhengwu.workdays import add_working_days


MAX_DAYS = 3660  # ten years of working days is more than any statutory limit
START = _("Give the start date as YYYY-MM-DD, e.g. 2026-09-25.")
DAYS = _(
    "Give the number of working days as a whole number from 0 to ${max}.",
    mapping={"max": MAX_DAYS},
)


class WorkingDaysGet(Service):
    def reply(self):
        form = self.request.form
        start = iso_date(form, "start", START)
        if start is None:
            raise BadRequest(START, "start")
        days = integer(form, "days", None, 0, MAX_DAYS, DAYS)
        if days is None:
            raise BadRequest(DAYS, "days")
        try:
            deadline = add_working_days(start, days)
        except ValueError:
            raise BadRequest(_("The deadline would fall after the year 9999."), "start") from None
        return {
            "@id": f"{self.context.absolute_url()}/@working-days?start={start.isoformat()}&days={days}",
            "start": start.isoformat(),
            "days": days,
            "due_date": deadline.due_date.isoformat(),
            "provisional": deadline.provisional,
        }
