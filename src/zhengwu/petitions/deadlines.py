"""Deadlines of petitions on the official working-day calendar: the due
date from the mailbox's limit, and the flags of worklists and statistics."""

from zhengwu.workdays import add_working_days
from zhengwu.workdays import working_days_between
from zhengwu.workdays.calendar import today


DUE_SOON = 2  # working days left at which a petition is flagged
ALARM_DAYS = 75  # calendar days: "approaching three months" unanswered (national rule: 3 months)


def due(received, limit_days):
    """``(due_date, provisional)``."""
    deadline = add_working_days(received, limit_days)
    return deadline.due_date, deadline.provisional


def flag(due_date, answered_on=None, on=None):
    """``overdue``, ``due_soon`` or None for an open petition; for an
    answered one, ``late`` when it was answered after its due date."""
    if due_date is None:
        return None
    if answered_on is not None:
        return "late" if answered_on > due_date else None
    on = on or today()
    if on > due_date:
        return "overdue"
    if working_days_between(on, due_date) <= DUE_SOON:
        return "due_soon"
    return None
