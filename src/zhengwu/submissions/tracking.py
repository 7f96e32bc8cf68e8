"""Tracking numbers (受理编号): ``<prefix><YYYYMMDD><6 random digits>``,
such as ``LY20261127483920``.

Random digits rather than a running sequence: concurrent submissions do not
all write one counter (each would conflict with the others and retry), and
a number says nothing about how many messages a government receives. A
registry in the site's annotations (an OOBTree: number → UID) makes every
number unique for ever; two transactions drawing the same number conflict
on that key and the later one is retried by Zope with a new draw.
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


def draw(prefix):
    """A new number, reserved until ``register`` binds it to its object."""
    registry = _registry()
    while True:
        number = f"{prefix}{clock.today():%Y%m%d}{secrets.randbelow(10**6):06d}"
        if number not in registry:
            registry[number] = None
            return number


def register(number, uid):
    _registry()[number] = uid


def lookup(number):
    """The UID of the object that holds ``number``, or None."""
    if not isinstance(number, str):
        return None
    return _registry().get(number.strip())


def issue(prefix):
    """``(number, query_code, query_code_hash)`` for a new submission."""
    code = codes.new_code()
    return draw(prefix), code, codes.hash_code(code)
