"""Per-client limits: submissions per window, and failed status lookups.

Counters live in the memory of each Zope process (a write to the ZODB per
request would make every submission conflict with every other). Behind a
load balancer with several processes a client gets at most the limit per
process: keep the limits low, or let the proxy limit too (docs/petitions.md).
Clients are told apart by ``zhengwu.clients``: behind a trusted proxy by the
address it forwards (docs/operations.md, "Client addresses behind a proxy").
"""

from plone import api
from plone.api.exc import CannotGetPortalError
from threading import Lock
from zhengwu import clients
from zope.interface.interfaces import ComponentLookupError
import math
import time
import transaction


class Throttle:
    def __init__(self, name, limit_record, window_record, default_limit, default_window):
        self.name = name
        self.limit_record = limit_record
        self.window_record = window_record
        self.default_limit = default_limit
        self.default_window = default_window
        self._hits = {}
        self._lock = Lock()
        self.clock = time.monotonic  # tests move it forward

    def _settings(self):
        try:
            limit = api.portal.get_registry_record(self.limit_record, default=self.default_limit)
            window = api.portal.get_registry_record(self.window_record, default=self.default_window)
        except (CannotGetPortalError, ComponentLookupError):  # outside a site (Zope root)
            limit, window = self.default_limit, self.default_window
        return limit, window * 60

    def _recent(self, key, window, now):
        hits = [t for t in self._hits.get(key, ()) if now - t < window]
        if hits:
            self._hits[key] = hits
        else:
            self._hits.pop(key, None)
        return hits

    def exceeded(self, key):
        """Whether ``key`` has used up its limit in the current window."""
        limit, window = self._settings()
        with self._lock:
            return len(self._recent(key, window, self.clock())) >= limit

    def retry_after(self, key):
        """Whole seconds until ``key`` is under its limit again (at least 1),
        for the ``Retry-After`` of a refusal."""
        limit, window = self._settings()
        now = self.clock()
        with self._lock:
            hits = self._recent(key, window, now)
        if limit <= 0:  # closed to everyone: ask again after a window
            return max(1, math.ceil(window))
        if len(hits) < limit:
            return 1
        # Under the limit once the window has passed its oldest hits.
        return max(1, math.ceil(window - (now - hits[len(hits) - limit])))

    def hit(self, key):
        limit, window = self._settings()
        now = self.clock()
        with self._lock:
            self._hits[key] = [*self._recent(key, window, now), now]
            if len(self._hits) > 100_000:  # a flood of addresses: forget the oldest
                for stale in list(self._hits)[:50_000]:
                    del self._hits[stale]

    def forget(self, key):
        """Clear ``key``'s count (e.g. a successful login after failures)."""
        with self._lock:
            self._hits.pop(key, None)

    def limit(self):
        """How many hits a key may have in a window (the setting)."""
        return self._settings()[0]

    def count(self, key):
        """``key``'s hits in the current window."""
        _limit, window = self._settings()
        with self._lock:
            return len(self._recent(key, window, self.clock()))

    def hit_after_commit(self, key):
        """Count ``key`` once the request's transaction commits: a request
        retried after a conflict counts once, a failed one not at all."""
        transaction.get().addAfterCommitHook(lambda ok: ok and self.hit(key))

    def reset(self):
        with self._lock:
            self._hits.clear()


SUBMISSIONS = Throttle(
    "submissions",
    "zhengwu.submissions.submissions_per_window",
    "zhengwu.submissions.window_minutes",
    5,
    10,
)
LOOKUPS = Throttle(
    "lookups",
    "zhengwu.submissions.failed_lookups_per_window",
    "zhengwu.submissions.window_minutes",
    10,
    10,
)


def client(request):
    """The key of the request's client: its address behind the trusted
    proxies, an IPv6 client by its /64 (zhengwu.clients)."""
    return clients.client_key(request)
