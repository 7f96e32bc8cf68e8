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
whether a year without an official schedule was counted. The functions
take the DisclosureRequest, ``record``.
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


def recompute(record):
    """Set ``due_date`` from the clock's parts (None while the clock waits
    for a correction)."""
    if record.clock_start is None:
        record.due_date, record.due_provisional = None, False
        return
    deadline = add_working_days(
        record.clock_start,
        ANSWER_DAYS + (record.extension_days or 0) + (record.paused_days or 0),
    )
    record.due_date, record.due_provisional = deadline.due_date, deadline.provisional


def start(record, on):
    """The clock starts (again) on ``on``: receipt or correction."""
    record.clock_start = on
    record.paused_days = 0
    recompute(record)


def stop_for_correction(record, on, applicant_days):
    record.correction_requested_on = on
    record.correction_due = add_working_days(on, applicant_days).due_date
    record.clock_start = None
    recompute(record)


def correction_in_time(record, on):
    """Whether a correction may still be asked for on ``on``."""
    start_day = record.received_date
    return start_day is not None and working_days_between(start_day, on) <= CORRECTION_REQUEST_DAYS


def pause(record, on):
    record.consult_start = on


def resume(record, on):
    if record.consult_start is not None:
        record.paused_days = (record.paused_days or 0) + working_days_between(
            record.consult_start, on
        )
    record.consult_start = None
    recompute(record)


def consultation_due(record):
    if record.consult_start is None:
        return None
    return add_working_days(record.consult_start, CONSULTATION_DAYS).due_date


def extend(record, on):
    record.extended_on = on
    record.extension_days = EXTENSION_DAYS
    recompute(record)


def flag(record, state, on=None):
    """The worklist's reminder for a request in ``state``."""
    if state == "consulting":
        return "paused"
    if state == "awaiting_correction":
        if (
            record.correction_due is not None
            and workdays.flag(record.correction_due, on=on) == "overdue"
        ):
            return "correction_overdue"
        return "awaiting_correction"
    if state in ("registered", "extended"):
        return workdays.flag(record.due_date, on=on, soon=DUE_SOON)
    if state in CLOSED_STATES:
        return workdays.flag(record.due_date, answered_on=record.answered_date)
    return None
