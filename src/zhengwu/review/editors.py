"""Who changed an item's content in the current review cycle.

Separation of duties counts them as authors (issue 17, finding 2): a user
in both the editors' and the first reviewers' groups of a small office
could rewrite a colleague's draft — creators unchanged — and then approve
it; or remove themself from ``creators`` before approving.

Each content change (``IObjectModifiedEvent`` from any channel: the
classic edit form, a REST ``PATCH``, Python) by a logged-in user is
recorded on the item, with its time. The editors of the current cycle are
those recorded since the item was last published (or created: a working
copy starts a cycle of its own). Changes made by the workflow itself during
a transition (the publication date, an index number) are not anyone's edit.
Removing oneself from ``creators`` is an edit, so it does not help.
"""

from AccessControl import getSecurityManager
from persistent.list import PersistentList
from plone.protect.authenticator import isAnonymousUser
from zope.annotation.interfaces import IAnnotations
from zope.container.interfaces import IContainerModifiedEvent
from zope.globalrequest import getRequest
import time


KEY = "zhengwu.review.editors"
KEEP = 200  # the most recent edits kept per item
_TRANSITIONING = "zhengwu.review.transitioning"


def transition_started():
    request = getRequest()
    if request is not None:
        annotations = IAnnotations(request)
        annotations[_TRANSITIONING] = annotations.get(_TRANSITIONING, 0) + 1


def transition_ended():
    request = getRequest()
    if request is not None:
        annotations = IAnnotations(request)
        annotations[_TRANSITIONING] = max(0, annotations.get(_TRANSITIONING, 0) - 1)


def _transitioning():
    request = getRequest()
    return request is not None and IAnnotations(request).get(_TRANSITIONING, 0) > 0


def record_edit(obj, event):
    """IObjectModifiedEvent of an item under the review workflow (an item
    added to or removed from a folder is no edit of the folder)."""
    from zhengwu.review.guards import _reviewed  # guards imports this module

    if IContainerModifiedEvent.providedBy(event) or _transitioning() or not _reviewed(obj):
        return
    user = getSecurityManager().getUser()
    if user is None or isAnonymousUser(user):
        return
    annotations = IAnnotations(obj)
    edits = annotations.get(KEY)
    if edits is None:
        edits = annotations[KEY] = PersistentList()
    edits.append((user.getId(), time.time()))
    del edits[:-KEEP]


def cycle_start(obj, history):
    """When the current cycle began: the last publication, or the creation."""
    created = obj.created()
    start = created.timeTime() if created is not None else 0.0
    published = [e["time"] for e in history if e.get("action") == "publish" and e.get("time")]
    if published:
        start = max(start, published[-1].timeTime())
    return start


def editors(obj, history):
    """The users who changed ``obj`` in the current cycle."""
    edits = IAnnotations(obj).get(KEY) or ()
    start = cycle_start(obj, history)
    return {userid for userid, when in edits if when >= start}
