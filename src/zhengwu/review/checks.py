"""Checks a transition of ``zhengwu_review_workflow`` must pass besides its
guards: the plug-in point of the pre-publish checks (三审三校, issue 15).

Another package registers a named utility providing ``ITransitionCheck``
(``zhengwu.supervision.prepublish`` does); this module asks every one of
them and turns what they find into one verdict, the same on every channel:

- ``REFUSE``: the transition is refused (a forbidden expression, a forged
  date), naming the problem and the field;
- ``ACKNOWLEDGE``: refused until whoever performs it acknowledges the
  warnings (``acknowledge_warnings``: the REST body's key, the transition
  form's checkbox, ``doActionFor``'s keyword);
- ``OVERRIDE``: refused unless a final approver (签发人, the role
  ``FinalApprover`` on the item) gives a reason (``override_reason``);
- ``NOTICE``: shown to the reviewers, refuses nothing.

Acknowledgements and overrides are written to the audit log
(``acknowledge_warnings``, ``prepublish_override``) and kept on the item for
the reviewers of the round to see.
"""

from dataclasses import dataclass
from persistent.list import PersistentList
from plone import api
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.review.audit_events import record
from zhengwu.review.guards import WORKFLOW_ID
from zope.annotation.interfaces import IAnnotations
from zope.component import getAllUtilitiesRegisteredFor
from zope.globalrequest import getRequest
from zope.interface import Interface
import time


REFUSE = "refuse"
ACKNOWLEDGE = "acknowledge"
OVERRIDE = "override"
NOTICE = "notice"

# The transitions that move an item towards publication, and the one a
# state leads to next (what the reviewers of that state will perform).
FORWARD = ("submit", "approve_first", "approve_second", "publish")
NEXT = {
    "private": "submit",
    "pending_first": "approve_first",
    "pending_second": "approve_second",
    "pending_final": "publish",
}
OVERRIDER_ROLE = "FinalApprover"
ANSWERS_KEY = "zhengwu.review.check_answers"
HISTORY_KEY = "zhengwu.review.check_history"


@dataclass(frozen=True)
class Finding:
    """One thing a check found: ``kind`` (the check's own word, e.g.
    ``forbidden``), ``severity`` (above), ``field`` (the REST key of the
    field it was found in, ``""`` for the item), ``message`` (a translatable
    sentence naming the problem and its place), ``summary`` (for the audit
    log: never the personal data itself)."""

    kind: str
    severity: str
    field: str
    message: object
    summary: str = ""


@dataclass(frozen=True)
class Refusal:
    message: object
    field: str
    findings: tuple = ()


class ITransitionCheck(Interface):
    """A named utility: what it finds on an item before a transition."""

    def findings(obj, transition, effective=None):
        """``Finding``s for ``transition`` of ``obj`` (one of ``FORWARD``);
        ``effective`` (a DateTime) replaces the item's own effective date
        when the transition comes with a new one."""


def findings(obj, transition, effective=None):
    """What every registered check finds (none for other transitions, nor
    for items under another workflow: the petitions' ``publish``)."""
    if transition not in FORWARD or not reviewed(obj):
        return []
    found = []
    for check in getAllUtilitiesRegisteredFor(ITransitionCheck):
        found.extend(check.findings(obj, transition, effective=effective))
    return found


def reviewed(obj):
    """Whether ``obj`` runs under the review workflow."""
    wtool = api.portal.get_tool("portal_workflow")
    return WORKFLOW_ID in wtool.getChainFor(obj)


def next_transition(obj):
    return NEXT.get(api.content.get_state(obj, default=""))


def may_override(obj, user=None):
    user = user or api.user.get_current()
    return OVERRIDER_ROLE in user.getRolesInContext(obj)


def refusal(obj, transition, found, acknowledge=False, override_reason="", user=None):
    """The ``Refusal`` of ``transition`` given the answers, or None."""
    refused = [f for f in found if f.severity == REFUSE]
    if refused:
        return Refusal(refused[0].message, refused[0].field, tuple(refused))
    to_override = [f for f in found if f.severity == OVERRIDE]
    if to_override:
        if not may_override(obj, user):
            return Refusal(
                _(
                    "Personal data was found in this item: only a final approver "
                    "(签发人) may publish it, overriding the check with a reason."
                ),
                "override_reason",
                tuple(to_override),
            )
        if not (override_reason or "").strip():
            return Refusal(
                _(
                    "Personal data was found in this item: give the reason for "
                    "publishing it all the same, or reject it."
                ),
                "override_reason",
                tuple(to_override),
            )
    to_acknowledge = [f for f in found if f.severity == ACKNOWLEDGE]
    if to_acknowledge and acknowledge is not True:
        return Refusal(
            _(
                "Read the warnings on this item and acknowledge them (${count}) before you go on.",
                mapping={"count": len(to_acknowledge)},
            ),
            "acknowledge_warnings",
            tuple(to_acknowledge),
        )
    return None


# The answers of one request (REST): the service reads them from the body
# and the workflow event finds them here.


def give_answers(obj, acknowledge, override_reason):
    request = getRequest()
    if request is not None:
        IAnnotations(request).setdefault(ANSWERS_KEY, {})[_key(obj)] = (
            acknowledge,
            override_reason,
        )


def answers(obj, kwargs):
    """``(acknowledge, override_reason)`` from ``doActionFor``'s keywords,
    else from what the request's service gave."""
    kwargs = kwargs or {}
    if "acknowledge_warnings" in kwargs or "override_reason" in kwargs:
        return kwargs.get("acknowledge_warnings") is True, kwargs.get("override_reason") or ""
    request = getRequest()
    if request is None:
        return False, ""
    return IAnnotations(request).get(ANSWERS_KEY, {}).get(_key(obj), (False, ""))


def _key(obj):
    return "/".join(obj.getPhysicalPath())


def check(obj, transition, kwargs):
    """Run before a transition: the findings, or a Refusal raised as is by
    the caller. Returns what to record once the transition is done."""
    found = findings(obj, transition)
    acknowledge, reason = answers(obj, kwargs)
    refused = refusal(obj, transition, found, acknowledge, reason)
    return found, refused, (acknowledge, (reason or "").strip())


def recorded(obj, transition, found, given):
    """After the transition: the acknowledgement and the override in the
    audit log and on the item (its reviewers see them)."""
    acknowledge, reason = given
    warnings = [f for f in found if f.severity == ACKNOWLEDGE]
    overridden = [f for f in found if f.severity == OVERRIDE]
    entries = []
    if warnings and acknowledge:
        entries.append(("acknowledge_warnings", _summary(warnings)))
    if overridden and reason:
        entries.append(("prepublish_override", f"{reason} — {_summary(overridden)}"))
    if not entries:
        return
    actor = api.user.get_current().getId()
    history = IAnnotations(obj).get(HISTORY_KEY)
    if history is None:
        history = IAnnotations(obj)[HISTORY_KEY] = PersistentList()
    for action, comment in entries:
        record(action, obj, comment=f"{transition}: {comment}")
        history.append(
            {
                "time": time.time(),
                "actor": actor,
                "action": action,
                "transition": transition,
                "comment": comment,
            }
        )


def _summary(found):
    return "; ".join(f.summary or translated(f.message) for f in found)


def round_history(obj):
    """The acknowledgements and overrides of the current review round
    (since the last ``submit``), oldest first."""
    entries = list(IAnnotations(obj).get(HISTORY_KEY, ()))
    submits = [
        e["time"]
        for e in getattr(obj, "workflow_history", {}).get("zhengwu_review_workflow", ())
        if e.get("action") == "submit"
    ]
    if submits:
        start = submits[-1]
        start = start.timeTime() if hasattr(start, "timeTime") else start
        # written just after the submit's own history entry
        entries = [e for e in entries if e["time"] >= start - 0.01]
    return entries
