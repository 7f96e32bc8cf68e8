"""When an item was last put online: what makes a column "updated".

The national rules count a column as updated when something in it is
published — by the ``publish`` transition or by a working copy checked in
(which replaces the published original and keeps its ``effective`` date:
plone.app.iterate copies it). ``last_published`` is the latest of the
item's ``effective`` date, its last ``publish`` in the workflow history and
its last check-in; an edit (``modified``) never counts. It is a catalog
index and metadata column, so a column's newest publication is one sorted
query with a limit.
"""

from Acquisition import aq_base
from DateTime import DateTime
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer


# Set on the original by a check-in (Zope's clock, like ``effective``).
CHECKED_IN = "zhengwu_checked_in"


def last_published(obj):
    """A Zope ``DateTime``, or None for what was never published."""
    stamps = []
    effective = getattr(aq_base(obj), "effective_date", None)
    if effective is not None:
        stamps.append(effective)
    for history in (getattr(aq_base(obj), "workflow_history", None) or {}).values():
        for entry in reversed(history):
            if entry.get("action") == "publish" and entry.get("time") is not None:
                stamps.append(entry["time"])
                break
    checked_in = getattr(aq_base(obj), CHECKED_IN, None)
    if checked_in is not None:
        stamps.append(checked_in)
    return max(stamps) if stamps else None


@indexer(IDexterityContent)
def last_published_indexer(obj):
    return last_published(obj)


def checked_in(baseline, event):
    """A working copy replaced the published original: it is published anew."""
    setattr(baseline, CHECKED_IN, DateTime())
    baseline.reindexObject(idxs=["last_published"])
