"""Working days (DESIGN.md section 5): ``add_working_days(start, n)`` with
the official schedules, as every deadline in the product needs them."""

from plone import api
from zhengwu import clock
from zhengwu.workdays.calendar import add_working_days as _add
from zhengwu.workdays.calendar import Deadline
from zhengwu.workdays.calendar import Schedule
from zhengwu.workdays.calendar import working_days_between as _between
from zhengwu.workdays.settings import parse_line
from zope.interface.interfaces import ComponentLookupError


__all__ = [
    "Deadline",
    "Schedule",
    "add_working_days",
    "entered_schedules",
    "flag",
    "working_days_between",
]


def entered_schedules():
    """{year: Schedule} from the site's registry (empty outside a site)."""
    try:
        off = api.portal.get_registry_record("zhengwu.workdays.holidays", default=None) or []
        on = api.portal.get_registry_record("zhengwu.workdays.workdays", default=None) or []
    except (api.exc.CannotGetPortalError, ComponentLookupError):
        return {}  # no site (scripts, unit tests): the packaged calendar alone
    days_off = [day for line in off for day in _dates(parse_line, line)]
    days_on = [day for line in on for day in _dates(parse_line, line)]
    years = {day.year for day in days_off}
    return {
        year: Schedule(
            holidays=frozenset(d for d in days_off if d.year == year),
            workdays=frozenset(d for d in days_on if d.year == year),
        )
        for year in years
    }


def _dates(parse_line, line):
    try:
        return parse_line(line)
    except ValueError:  # the form refuses such lines; never let one break a deadline
        return []


def add_working_days(start, days, schedules=None):
    """See zhengwu.workdays.calendar.add_working_days; the site's entered
    schedules are used unless ``schedules`` is given."""
    return _add(start, days, entered_schedules() if schedules is None else schedules)


def working_days_between(start, end, schedules=None):
    return _between(start, end, entered_schedules() if schedules is None else schedules)


def flag(due_date, answered_on=None, on=None, soon=2):
    """The reminder of a deadline: ``overdue`` or ``due_soon`` (``soon``
    working days left or fewer) while open, None otherwise; ``late`` for
    what was answered after its due date."""
    if due_date is None:
        return None
    if answered_on is not None:
        return "late" if answered_on > due_date else None
    on = on or clock.today()
    if on > due_date:
        return "overdue"
    if working_days_between(on, due_date) <= soon:
        return "due_soon"
    return None
