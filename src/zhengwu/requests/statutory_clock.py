"""The statutory clock of a disclosure request (条例 Articles 30–33).

- The answer is due 20 working days after the receipt (Art. 33): for a
  request made online, the day the office confirms it, i.e. registers it
  (Art. 31).
- A correction (补正) is asked for once, within 7 working days of receipt
  (Art. 30); the clock stops, and starts again from nothing on the day the
  correction arrives.
- Time spent consulting third parties does not count (Art. 32): the
  working days of a consultation are added to the deadline when it ends;
  the third party has 15 working days to give its opinion.
- One extension of 20 working days, with a reason (Art. 33).

``due_date`` is always the current deadline, and ``due_provisional`` says
whether a year without an official schedule was counted.
"""

from zhengwu import workdays
from zhengwu.requests.kinds import CLOSED_STATES
from zhengwu.workdays import add_working_days
from zhengwu.workdays import working_days_between


ANSWER_DAYS = 20
EXTENSION_DAYS = 20
CORRECTION_REQUEST_DAYS = 7  # the office asks for a correction within this
CONSULTATION_DAYS = 15  # the third party's time to answer
DUE_SOON = 3  # working days left at which a request is flagged


def recompute(request):
    """Set ``due_date`` from the clock's parts (None while the clock waits
    for a correction)."""
    if request.clock_start is None:
        request.due_date, request.due_provisional = None, False
        return
    deadline = add_working_days(
        request.clock_start,
        ANSWER_DAYS + (request.extension_days or 0) + (request.paused_days or 0),
    )
    request.due_date, request.due_provisional = deadline.due_date, deadline.provisional


def start(request, on):
    """The clock starts (again) on ``on``: receipt or correction."""
    request.clock_start = on
    request.paused_days = 0
    recompute(request)


def stop_for_correction(request, on, applicant_days):
    request.correction_requested_on = on
    request.correction_due = add_working_days(on, applicant_days).due_date
    request.clock_start = None
    recompute(request)


def correction_in_time(request, on):
    """Whether a correction may still be asked for on ``on``."""
    start_day = request.received_date
    return start_day is not None and working_days_between(start_day, on) <= CORRECTION_REQUEST_DAYS


def pause(request, on):
    request.consult_start = on


def resume(request, on):
    if request.consult_start is not None:
        request.paused_days = (request.paused_days or 0) + working_days_between(
            request.consult_start, on
        )
    request.consult_start = None
    recompute(request)


def consultation_due(request):
    if request.consult_start is None:
        return None
    return add_working_days(request.consult_start, CONSULTATION_DAYS).due_date


def extend(request, on):
    request.extended_on = on
    request.extension_days = EXTENSION_DAYS
    recompute(request)


def flag(request, state, on=None):
    """The worklist's reminder for a request in ``state``."""
    if state == "consulting":
        return "paused"
    if state == "awaiting_correction":
        if (
            request.correction_due is not None
            and workdays.flag(request.correction_due, on=on) == "overdue"
        ):
            return "correction_overdue"
        return "awaiting_correction"
    if state in ("registered", "extended"):
        return workdays.flag(request.due_date, on=on, soon=DUE_SOON)
    if state in CLOSED_STATES:
        return workdays.flag(request.due_date, answered_on=request.answered_date)
    return None
