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


def _count(name, n=1):
    with _lock:
        COUNTS[name] += n


def committed(work):
    """``work()``, committed; retried on a conflict (``ATTEMPTS`` times)."""
    for attempt in range(ATTEMPTS):
        try:
            result = work()
            transaction.commit()
            _count("committed")
            return result
        except ConflictError as error:
            transaction.abort()
            _count("conflicts")
            logger.info("submission conflict, attempt %d: %s", attempt + 1, str(error)[:200])
            if attempt == ATTEMPTS - 1:
                raise
            # Spread the retries of colliding requests apart, at most 1 s each.
            time.sleep(random.uniform(0.01, min(0.05 * 2**attempt, 1.0)))
    raise AssertionError("unreachable")


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
