"""Official schedules entered by administrators (registry ``zhengwu.workdays``).

Each line is one date (``2027-10-01``) or an inclusive range
(``2027-10-01..2027-10-07``). A year with at least one entered holiday counts
as officially known: its deadlines are no longer provisional.
"""

from datetime import date
from datetime import timedelta
from zhengwu import _
from zope import schema
from zope.interface import Interface
from zope.schema import ValidationError


class InvalidDateLine(ValidationError):
    __doc__ = _("Write one date per line as 2027-10-01, or a range as 2027-10-01..2027-10-07.")


def parse_line(line):
    """The dates of one line; raises ValueError for anything else."""
    line = line.strip()
    first, _sep, last = line.partition("..")
    start = date.fromisoformat(first.strip())
    end = date.fromisoformat(last.strip()) if last else start
    if end < start or (end - start).days > 366:
        raise ValueError(line)
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def check_line(value):
    try:
        parse_line(value)
    except ValueError:
        raise InvalidDateLine(value) from None
    return True


class IWorkdaySettings(Interface):
    holidays = schema.List(
        title=_("Official holidays"),
        description=_(
            "Days off of the years the State Council has published and the "
            "calendar package does not know yet, one date or range per line."
        ),
        value_type=schema.TextLine(constraint=check_line),
        required=False,
        default=[],
    )

    workdays = schema.List(
        title=_("Working weekends"),
        description=_("Saturdays and Sundays worked in exchange, one date per line."),
        value_type=schema.TextLine(constraint=check_line),
        required=False,
        default=[],
    )
