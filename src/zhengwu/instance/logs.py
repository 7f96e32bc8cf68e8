"""One time zone in the logs: Beijing time, with its offset written out.

The event log's lines used to follow the process's ``TZ``: ``zhengwu serve``
started on a UTC machine wrote its first lines (ZODB and RelStorage opening,
before ``zhengwu.theme.localtime`` sets the process's ``TZ`` at ZCML load)
in UTC and the rest in Beijing time, while ``zhengwu start`` — whose
create-site step had already read zope.conf's ``<environment> TZ`` into the
environment that ``runwsgi`` inherits — wrote every line in Beijing time;
neither said which. ``BeijingFormatter`` (``instance/zope.ini``'s
``formatter_generic``) writes every line in Beijing time whatever ``TZ``
is, and says so: ``2026-06-15 21:58:03,120+08:00``. The command line also
sets ``TZ=Asia/Shanghai`` before anything else (``use_beijing_time``), so
that the access log (Paste's translogger, in the process's local time with
its offset) and every other local time agree from the first line.
"""

from datetime import datetime
from datetime import timedelta
from datetime import timezone
import logging
import os
import time


BEIJING = timezone(timedelta(hours=8), "CST")
PROCESS_TZ = "Asia/Shanghai"


class BeijingFormatter(logging.Formatter):
    """``%(asctime)s`` in Beijing time with ``+08:00``, whatever the
    process's time zone."""

    def formatTime(self, record, datefmt=None):  # noqa: N802 (logging's name)
        moment = datetime.fromtimestamp(record.created, BEIJING)
        if datefmt:
            return moment.strftime(datefmt)
        return f"{moment:%Y-%m-%d %H:%M:%S},{int(record.msecs):03d}+08:00"


def use_beijing_time():
    """Make Beijing time the process's local time (and its children's)."""
    os.environ["TZ"] = PROCESS_TZ
    time.tzset()
