"""Beijing time on every page and in every REST answer (issue 14, item 4).

Zope's ``DateTime`` formats every time (``strftime``, and through it
Plone's ``toLocalizedTime``: listings, bylines, history, worklists, the
toolbar) in the zone it believes the *machine* is in, whatever zone the
value carries, and stamps ``DateTime()`` in that zone. It reads that zone
once, from ``time.tzname``, when it is first imported: on a UTC server
everything shows UTC, and with ``TZ=Asia/Shanghai`` it reads the name
``CST`` as US Central Time. So the zone is set here, at the root, for the
whole process, in both places DateTime reads it:

- the process's ``TZ`` is ``Asia/Shanghai`` (``time.localtime`` gives the
  wall-clock parts of ``DateTime()``: left on UTC, "now" would be stamped
  eight hours early);
- DateTime's zone name is ``GMT+8``, a fixed offset: China keeps no summer
  time, and pytz's ``Asia/Shanghai`` without localisation is the local mean
  time of 1901 (+08:06), which ``asdatetime()`` would carry.

plone.restapi turns every aware date and time into UTC; its converter is
replaced by one that answers in Beijing time with the offset
(``2026-06-15T21:58:00+08:00``): the same instant, in the zone readers use.

Both are applied by collective.monkeypatcher (``localtime.zcml``).
"""

from DateTime import DateTime
from datetime import datetime
from zhengwu.clock import CHINA
import importlib
import logging
import os
import time


logger = logging.getLogger(__name__)

ZONE = "GMT+8"
PROCESS_TZ = "Asia/Shanghai"


def use_china_time(scope, original, replacement):
    """The monkeypatcher handler: ``DateTime``'s local zone becomes
    ``replacement`` (``ZONE``) in the whole process."""
    os.environ["TZ"] = PROCESS_TZ
    time.tzset()
    module = importlib.import_module("DateTime.DateTime")  # the module, not the class
    module._localzone0 = module._localzone1 = replacement
    module._multipleZones = False
    logger.info("Zope DateTime shows and stamps times in %s", replacement)


def datetimelike_to_iso(value):
    """plone.restapi's ``datetimelike_to_iso``, in Beijing time: aware values
    keep their instant and carry ``+08:00``; naive ones (and dates, times)
    are written as they are."""
    if isinstance(value, DateTime):
        value = value.asdatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone(CHINA)
    if getattr(value, "microsecond", False):
        value = value.replace(microsecond=0)  # as plone.restapi: Plone keeps no microseconds
    return value.isoformat()
