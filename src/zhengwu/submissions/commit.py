"""Storing a public submission at once, retrying it on a write conflict.

Concurrent submissions write the same catalog buckets and sometimes
conflict. Zope retries a whole request with a growing random delay (up to
2**n seconds before the n-th retry): a citizen would wait, or get an error.
A submission is stored in its own transaction instead, retried right away
with short pauses; what the request does afterwards commits as usual.
"""

from ZODB.POSException import ConflictError
import random
import time
import transaction


ATTEMPTS = 20


def committed(work):
    """``work()``, committed; retried on a conflict (``ATTEMPTS`` times)."""
    for attempt in range(ATTEMPTS):
        try:
            result = work()
            transaction.commit()
            return result
        except ConflictError:
            transaction.abort()
            if attempt == ATTEMPTS - 1:
                raise
            # Spread the retries of colliding requests apart, at most 1 s each.
            time.sleep(random.uniform(0.01, min(0.05 * 2**attempt, 1.0)))
    raise AssertionError("unreachable")
