"""Tracking numbers (受理编号): ``<prefix><YYYYMMDD><6 random digits>``,
such as ``LY20261127483920``.

Random digits rather than a running sequence: concurrent submissions do not
all write one counter (each would conflict with the others and retry), and
a number says nothing about how many messages a government receives. A
registry in the site's annotations (an OOBTree: number → UID) makes every
number unique for ever; two transactions drawing the same number conflict
on that key and the later one is retried with a new draw.

The registry keys a number by its random digits first (``_key``): the
numbers of one day would otherwise sit side by side in one bucket of the
tree, which every concurrent submission of the day then writes (on
history-free RelStorage such conflicts are rarely resolved). Numbers
registered before are found under their own spelling too.
"""

from BTrees.OOBTree import OOBTree
from plone import api
from zhengwu import clock
from zhengwu.submissions import codes
from zope.annotation.interfaces import IAnnotations
import secrets


KEY = "zhengwu.submissions.tracking"


def _registry():
    annotations = IAnnotations(api.portal.get())
    registry = annotations.get(KEY)
    if registry is None:
        registry = annotations[KEY] = OOBTree()
    return registry


def _key(number):
    """``483920LY20261127`` for ``LY20261127483920``: spread over the tree."""
    return number[-6:] + number[:-6]


def _taken(registry, number):
    return _key(number) in registry or number in registry


def draw(prefix):
    """A new number, reserved until ``register`` binds it to its object."""
    registry = _registry()
    while True:
        number = f"{prefix}{clock.today():%Y%m%d}{secrets.randbelow(10**6):06d}"
        if not _taken(registry, number):
            registry[_key(number)] = None
            return number


def register(number, uid):
    _registry()[_key(number)] = uid


def lookup(number):
    """The UID of the object that holds ``number``, or None."""
    if not isinstance(number, str):
        return None
    number = number.strip()
    if len(number) < 7:
        return None
    registry = _registry()
    uid = registry.get(_key(number))
    return uid if uid is not None else registry.get(number)


def issue(prefix):
    """``(number, query_code, query_code_hash)`` for a new submission."""
    code = codes.new_code()
    return draw(prefix), code, codes.hash_code(code)
