"""The audit log: who did what, when, to which object, and why.

A persistent local utility holding an OOBTree keyed by (time in
microseconds, random tie-breaker): recording an event is one insertion into
one bucket — never a rewrite of a growing list — and concurrent insertions
of different keys resolve their conflicts in the BTree. The log is not
content: it cannot be reached by URL, edited in a form or changed through
the REST API; Site Administrators read it (``zhengwu: View audit log``).
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from zope.interface import implementer
from zope.interface import Interface
import random
import time


FIELDS = ("time", "actor", "action", "path", "title", "comment", "state", "uid", "address")


class IAuditLog(Interface):
    """Append-only record of security-relevant events."""


def _micros(value):
    if isinstance(value, datetime):
        return int(value.timestamp() * 1_000_000)
    return int(value * 1_000_000)


@implementer(IAuditLog)
class AuditLog(Persistent):
    def __init__(self):
        self._entries = OOBTree()
        self._length = Length()

    def append(
        self, actor, action, path="", title="", comment="", state="", uid="", when=None, address=""
    ):
        now = time.time() if when is None else when
        key = (_micros(now), random.getrandbits(32))
        self._entries[key] = {
            "time": datetime.fromtimestamp(key[0] / 1_000_000, UTC).isoformat(),
            "actor": actor or "Anonymous User",
            "action": action,
            "path": path,
            "title": title or "",
            "comment": comment or "",
            "state": state or "",
            "uid": uid or "",
            "address": address or "",  # the client's (behind trusted proxies, the real one)
        }
        self._length.change(1)
        return key

    def __len__(self):
        return self._length()

    def count(self, actor=None, action=None, path=None, since=None, until=None):
        """How many entries ``search`` finds; read from the lengths of the
        log and of the BTree's range unless an actor, action or path is
        asked for (then every entry of the range is read)."""
        if actor or action or path:
            return sum(1 for _entry in self.search(actor, action, path, since, until))
        if since is None and until is None:
            return len(self)
        return len(self._entries.values(*_range(since, until)))

    def oldest_first(self, since=None, until=None):
        """The entries from ``since`` to ``until`` (datetimes), oldest first."""
        return iter(self._entries.values(*_range(since, until)))

    def prune(self, before):
        """Remove the entries older than ``before`` (a datetime); how many.
        Only the retention does this (audit_retention.py)."""
        keys = list(self._entries.keys(max=(_micros(before), 0), excludemax=True))
        for key in keys:
            del self._entries[key]
        if keys:
            self._length.change(-len(keys))
        return len(keys)

    def search(self, actor=None, action=None, path=None, since=None, until=None):
        """Matching entries, newest first (a generator: nothing is copied).

        ``since``/``until`` are datetimes bounding the BTree range; ``path``
        matches the object and everything below it.
        """
        prefix = path.rstrip("/") + "/" if path else None
        for entry in _newest_first(self._entries, *_range(since, until)):
            if actor and entry["actor"] != actor:
                continue
            if action and entry["action"] != action:
                continue
            if path and not (entry["path"] == path or entry["path"].startswith(prefix)):
                continue
            yield entry


def _range(since, until):
    """The BTree keys bounding the entries from ``since`` to ``until``."""
    low = (_micros(since), 0) if since else None
    high = (_micros(until), 2**32) if until else None
    return low, high


def _newest_first(tree, low, high):
    # BTreeItems keep their position, so walking the range backwards by
    # index touches each bucket once.
    values = tree.values(min=low, max=high)
    for index in range(len(values) - 1, -1, -1):
        yield values[index]
