"""The Chinese working-day calendar every deadline in Zhengwu uses.

Three sources, in this order, year by year:

1. schedules an administrator entered (the State Council publishes each
   year's holidays and 调休 working weekends in November or December);
2. the ``chinese-calendar`` package, for the years it covers (2004–2026 in
   the pinned version);
3. otherwise weekends plus the statutory holidays computed by rule (the
   ``holidays`` package): any deadline that needs such a year is marked
   *provisional*, because the official schedule may move days around.

Nothing here raises for a date outside the known years.
"""

from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from functools import lru_cache
from zhengwu.clock import CHINA
import chinese_calendar
import holidays


def china_date(value):
    """The date in China of a Zope ``DateTime`` (or an aware datetime)."""
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    return value.astimezone(CHINA).date()


def china_time(value):
    """``YYYY-MM-DD HH:MM`` in China of a Zope ``DateTime``."""
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    return value.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class Schedule:
    """An officially published year: its days off and its 调休 working days."""

    holidays: frozenset = frozenset()
    workdays: frozenset = frozenset()


@dataclass(frozen=True)
class Deadline:
    due_date: date
    provisional: bool


@lru_cache(maxsize=1)
def _package_years():
    return frozenset(day.year for day in chinese_calendar.holidays)


@lru_cache(maxsize=256)
def _rule_holidays(year):
    try:
        return frozenset(holidays.China(years=year))
    except Exception:  # noqa: BLE001 - a year the rules cannot compute: weekends only
        return frozenset()


def day_status(day, schedules=None):
    """(is_working_day, provisional) for one date."""
    schedules = schedules or {}
    schedule = schedules.get(day.year)
    if schedule is not None:
        if day in schedule.workdays:
            return True, False
        if day in schedule.holidays:
            return False, False
        return day.weekday() < 5, False
    if day.year in _package_years():
        return chinese_calendar.is_workday(day), False
    if day in _rule_holidays(day.year):
        return False, True
    return day.weekday() < 5, True


def add_working_days(start, days, schedules=None):
    """The date ``days`` working days after ``start`` (``start`` itself does not
    count: an answer due "within 20 working days of receipt" is due on the
    20th working day after the day of receipt).

    ``schedules`` maps a year to its ``Schedule`` (administrators' entries);
    the result is provisional when any day counted lies in a year known
    neither from them nor from chinese-calendar.
    """
    if days < 0:
        raise ValueError("The number of working days cannot be negative.")
    provisional = False
    day = start
    counted = 0
    try:
        while counted < days:
            day += timedelta(days=1)
            working, guessed = day_status(day, schedules)
            provisional = provisional or guessed
            counted += working
    except OverflowError:
        raise ValueError("The deadline would fall after the year 9999.") from None
    return Deadline(due_date=day, provisional=provisional)


def working_days_between(start, end, schedules=None):
    """How many working days after ``start`` up to and including ``end``."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += day_status(day, schedules)[0]
    return count
