"""Deadlines of petitions on the official working-day calendar: the due
date from the mailbox's limit, and the flags of worklists and statistics."""

from zhengwu import workdays
from zhengwu.workdays import add_working_days


DUE_SOON = 2  # working days left at which a petition is flagged
ALARM_DAYS = 75  # calendar days: "approaching three months" unanswered (national rule: 3 months)


def due(received, limit_days):
    """``(due_date, provisional)``."""
    deadline = add_working_days(received, limit_days)
    return deadline.due_date, deadline.provisional


def flag(due_date, answered_on=None, on=None):
    return workdays.flag(due_date, answered_on, on, soon=DUE_SOON)
