"""The three states of an indicator and the two kinds of line.

A *day line* (the newest item at most 14 days old): ``failed`` past the line,
``warning`` when it will be crossed within the margin if nothing is
published (age > limit - margin), ``ok`` otherwise. A *count line* (at most
5 blank columns): ``failed`` above the limit, ``warning`` within the margin
below it (a count of 0 is never a warning), ``ok`` otherwise.
"""

from zhengwu import _
from zhengwu.i18n import translated


OK, WARNING, FAILED = "ok", "warning", "failed"

# Every state told in words (the dashboard adds a symbol, the mails the word).
STATE_TITLES = {
    OK: _("state_ok", default="OK"),
    WARNING: _("state_warning", default="Warning"),
    FAILED: _("state_failed", default="Failed"),
}
STATES = (OK, WARNING, FAILED)
# How many offending items an indicator lists (its ``items_total`` counts all).
MAX_ITEMS = 100


def by_age(age, limit, margin):
    """The state of something ``age`` days old against ``limit`` days; None
    (nothing ever published) fails."""
    if age is None or age > limit:
        return FAILED
    if age > limit - margin:
        return WARNING
    return OK


def by_count(count, limit, margin):
    if count > limit:
        return FAILED
    if count > 0 and count > limit - margin:
        return WARNING
    return OK


def worst(states):
    states = list(states)
    for state in (FAILED, WARNING):
        if state in states:
            return state
    return OK


def indicator(id_, title, rule, state, value, threshold, items=(), veto=False, total=None, **extra):
    """One indicator as the dashboard, ``@site-health`` and the daily mail
    read it. ``title`` and ``rule`` are messages, translated here; ``total``
    counts the offending items when ``items`` holds only the first ones."""
    items = list(items)
    result = {
        "id": id_,
        "title": translated(title),
        "rule": translated(rule),
        "state": state,
        "value": value,
        "threshold": threshold,
        "veto": veto,
        "items": items[:MAX_ITEMS],
        "items_total": len(items) if total is None else total,
    }
    result.update(extra)
    return result


def entry(brain, **extra):
    """An offending item from its catalog entry (no object is loaded)."""
    result = {"title": brain.Title, "url": brain.getURL(), "path": brain.getPath()}
    result.update(extra)
    return result
