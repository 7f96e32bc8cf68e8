"""Storing a public submission at once, retrying it on a write conflict.

Concurrent submissions write some of the same objects (catalog buckets,
the tracking-number registry) and sometimes conflict. Zope retries a whole
request with a growing random delay (up to 2**n seconds before the n-th
retry): a citizen would wait, or get an error. A submission is stored in
its own transaction instead, retried right away with short pauses; what the
request does afterwards commits as usual.

Each process counts what happened (``COUNTS``): submissions retried here
after a conflict, and requests Zope retried whole (each logged as a
warning, ``whole-request retry``: with submissions cheap enough to store,
none should be).
"""

from threading import Lock
from ZODB.POSException import ConflictError
import logging
import random
import time
import transaction


logger = logging.getLogger("zhengwu.submissions")
ATTEMPTS = 20
COUNTS = {"committed": 0, "conflicts": 0, "whole_request_retries": 0}
_lock = Lock()
_serial = Lock()
# Longer than any submission takes; a wait beyond it goes ahead unserialized.
LOCK_TIMEOUT = 30


def _count(name, n=1):
    with _lock:
        COUNTS[name] += n


def committed(work):
    """``work()``, committed; retried on a conflict (``ATTEMPTS`` times).

    One submission at a time per process: the threads of one process would
    otherwise write the same catalog objects at the same moment, and on a
    history-free RelStorage a conflict on them is rarely resolved (the old
    state it needs is gone) — measured, 20 writers met 500 conflicts and
    Zope's whole-request retries. A submission's transaction is short
    (tens of milliseconds), so waiting for the one before costs less than
    the conflicts did. Each attempt starts a fresh transaction after the
    wait, so it sees what the submissions before it stored.
    """
    for attempt in range(ATTEMPTS):
        locked = _serial.acquire(timeout=LOCK_TIMEOUT)
        try:
            transaction.begin()
            try:
                result = work()
                transaction.commit()
            except ConflictError as error:
                transaction.abort()
                _count("conflicts")
                logger.info(
                    "submission conflict, attempt %d: %s%s",
                    attempt + 1,
                    str(error)[:200],
                    _what(error),
                )
                if attempt == ATTEMPTS - 1:
                    raise
            else:
                _count("committed")
                return result
        finally:
            if locked:
                _serial.release()
        # A conflict with another process: spread the retries apart, at
        # most 1 s each.
        time.sleep(random.uniform(0.005, min(0.02 * 2**attempt, 1.0)))
    raise AssertionError("unreachable")


def _what(error):
    """A hint of the object a conflict was on (its size and keys), for the log."""
    try:
        from plone import api

        oid = getattr(error, "oid", None)
        if oid is None:
            return ""
        obj = api.portal.get()._p_jar.get(oid)
        where = _owner(oid)
        if hasattr(obj, "minKey") and len(obj):
            return f" [{where}{len(obj)} keys {obj.minKey()!r:.40}…{obj.maxKey()!r:.40}]"
        return f" [{where}{type(obj).__name__}]"
    except Exception:  # noqa: BLE001 - only a hint
        return ""


def _owner(oid):
    """Which catalog index or table, or the intid utility, holds ``oid``
    at its top (the objects whose conflicts matter most), or ''."""
    from plone import api
    from zope.component import queryUtility
    from zope.intid.interfaces import IIntIds

    internal = api.portal.get_tool("portal_catalog")._catalog
    for name in internal.indexes:
        index = internal.getIndex(name)
        for attr, part in vars(index).items():
            if getattr(part, "_p_oid", None) == oid:
                return f"index {name}.{attr}: "
    for attr in ("data", "paths", "uids", "_length"):
        if getattr(getattr(internal, attr, None), "_p_oid", None) == oid:
            return f"catalog {attr}: "
    intids = queryUtility(IIntIds)
    for attr in ("refs", "ids"):
        if getattr(getattr(intids, attr, None), "_p_oid", None) == oid:
            return f"intids {attr}: "
    return ""


def request_failed(event):
    """A request Zope is about to retry whole (a conflict it met after the
    submission's own retries, or elsewhere): logged and counted."""
    if not event.retry:
        return
    _count("whole_request_retries")
    request = event.request
    logger.warning(
        "whole-request retry after %s: %s %s",
        getattr(event.exc_info[0], "__name__", event.exc_info[0]),
        request.get("REQUEST_METHOD", ""),
        request.get("PATH_INFO", ""),
    )
