"""Publication dates (发布日期): the rules forbid forged dates.

- An ``effective`` date before the day the item was created (China time) is
  refused: a page cannot have been published before it was written. A
  working copy counts from its original's creation.
- An ``effective`` date in the future is allowed — a scheduled publication:
  the catalog hides the item until then — but every reviewer acknowledges
  it, so that nobody publishes a future date by mistake. Zope's own clock
  decides (the one the catalog's effective range uses), not the product's.
"""

from DateTime import DateTime
from plone.app.iterate.dexterity.utils import get_baseline
from plone.app.iterate.interfaces import IWorkingCopy
from zhengwu.clock import CHINA


def china_date(when):
    return when.asdatetime().astimezone(CHINA).date()


def created(obj):
    if IWorkingCopy.providedBy(obj):
        baseline = get_baseline(obj)
        if baseline is not None:
            return baseline.created()
    return obj.created()


def effective_of(obj, effective=None):
    value = effective if effective is not None else getattr(obj, "effective_date", None)
    return value if isinstance(value, DateTime) else None


def backdated(obj, effective=None):
    """``(effective, created)`` when the effective date is before the
    creation day, else None."""
    value = effective_of(obj, effective)
    made = created(obj)
    if value is None or made is None:
        return None
    if china_date(value) < china_date(made):
        return value, made
    return None


def scheduled(obj, effective=None):
    """The effective date when it lies in the future, else None."""
    value = effective_of(obj, effective)
    if value is not None and value.greaterThan(DateTime() + 1 / 24 / 60):
        return value
    return None


def shown(when):
    return when.asdatetime().astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
