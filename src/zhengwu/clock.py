"""The product's one clock: "now" and "today" in China.

Every rule that depends on the date (deadlines, statistics, reports,
validators, the demo's relative dates) asks this module when it needs the
time: ``clock.today()``, never a ``today`` imported by value, so that one
setting moves the whole product. Tests set it with ``clock.fixed(...)`` (or
the suite-wide ``ZHENGWU_TEST_NOW``, see tests/conftest.py); production
never sets it.

Zope's own time stamps (creation, modification, ``effective``, ZODB
transactions, the audit log) keep the machine's clock: the catalog hides
content whose ``effective`` lies in the future of the real clock.
"""

from contextlib import contextmanager
from datetime import date
from datetime import datetime
from zoneinfo import ZoneInfo


CHINA = ZoneInfo("Asia/Shanghai")

# Set only by ``fix``; None means the machine's clock.
_fixed = None


def now():
    """The current time in China, timezone-aware."""
    return _fixed if _fixed is not None else datetime.now(CHINA)


def today():
    """Today's date in China, whatever the server's time zone."""
    return now().date()


def as_china_time(when):
    """``when`` (an aware or naive datetime, a date or an ISO string) as an
    aware datetime in China; naive values are read as China time."""
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    if not isinstance(when, datetime):
        if not isinstance(when, date):
            raise TypeError(f"Not a date or time: {when!r}")
        when = datetime(when.year, when.month, when.day, 10, 0)
    if when.tzinfo is None:
        return when.replace(tzinfo=CHINA)
    return when.astimezone(CHINA)


def china_iso(iso):
    """An ISO time with an offset (e.g. the audit log's UTC stamps) as the
    same instant in China, with its offset (``…T21:58:00+08:00``)."""
    return datetime.fromisoformat(iso).astimezone(CHINA).isoformat()


def fix(when):
    """Stop the clock at ``when`` (see ``as_china_time``); None restarts it."""
    global _fixed
    _fixed = None if when is None else as_china_time(when)


@contextmanager
def fixed(when):
    """The clock stopped at ``when`` for the duration of a ``with`` block."""
    before = _fixed
    fix(when)
    try:
        yield now()
    finally:
        globals()["_fixed"] = before
