"""Separation of duties (三审分离), enforced in the workflow's guards.

The approvals of ``zhengwu_review_workflow`` (``approve_first``,
``approve_second``, ``publish``) are guarded by
``python:modules['zhengwu.review.guards'].may_approve(here, '<transition>')``,
so a refused approval is not offered in any UI and cannot be performed
through any API. ``refusal_reason`` says why, for the forms and the REST API.

- The author cannot approve: whoever created the item, owns it, changed its
  content since it was last published (``review.editors``), or submitted it
  in the current round.
- One person performs at most one approval level of one review round (a round
  starts with each ``submit``).
- A Manager is no exception unless the site setting
  ``zhengwu.review.manager_may_self_approve`` is on.
"""

from AccessControl import getSecurityManager
from AccessControl import ModuleSecurityInfo
from plone import api
from Products.CMFCore.utils import getToolByName
from zhengwu import _
from zhengwu.review import editors


WORKFLOW_ID = "zhengwu_review_workflow"
APPROVALS = ("approve_first", "approve_second", "publish")
SETTING = "zhengwu.review.manager_may_self_approve"

ModuleSecurityInfo("zhengwu.review.guards").declarePublic("may_approve")


def history(obj):
    return list(getattr(obj, "workflow_history", {}).get(WORKFLOW_ID, ()))


def current_round(obj):
    """The history entries since the last submit (the submit included)."""
    entries = history(obj)
    starts = [i for i, entry in enumerate(entries) if entry.get("action") == "submit"]
    return entries[starts[-1] :] if starts else []


def authors(obj):
    """Everyone who counts as the item's author in the current round."""
    people = set(obj.listCreators() or ())
    owner = obj.getOwnerTuple()
    if owner:
        people.add(owner[1])
    people.update(entry["actor"] for entry in current_round(obj) if entry.get("action") == "submit")
    people.update(editors.editors(obj, history(obj)))
    people.discard(None)
    return people


def refusal_reason(obj, transition, user=None):
    """Why ``user`` (default: the current user) may not perform ``transition``
    on ``obj`` — a translatable message — or None when duties are separate."""
    if transition not in APPROVALS or not _reviewed(obj):
        return None
    user = user or getSecurityManager().getUser()
    userid = user.getId()
    if api.portal.get_registry_record(
        SETTING, default=False
    ) and "Manager" in user.getRolesInContext(obj):
        return None
    if userid in authors(obj):
        return _("You wrote, edited or submitted this item, so someone else must approve it.")
    done = [
        entry
        for entry in current_round(obj)
        if entry.get("action") in APPROVALS and entry.get("actor") == userid
    ]
    if done:
        return _(
            "You already approved this item at another level of this review "
            "round; a different person must approve this level."
        )
    return None


def _reviewed(obj):
    """Whether ``obj`` runs under the review workflow (other workflows, such
    as the petitions', have transitions of the same names and rules of their own).
    Found from ``obj``: it is asked while a site is being created, too."""
    wtool = getToolByName(obj, "portal_workflow", None)
    return wtool is not None and WORKFLOW_ID in wtool.getChainFor(obj)


def leaves_current_state(obj, transition):
    """Whether ``transition`` starts from the item's current state."""
    wtool = api.portal.get_tool("portal_workflow")
    for workflow in wtool.getWorkflowsFor(obj):
        state = workflow._getWorkflowStateOf(obj)
        if state is not None and transition in state.transitions:
            return True
    return False


def separation_refusal(obj, transition):
    """The separation-of-duties reason for refusing a transition of the
    current state, or None when something else (state, rights) refuses it."""
    if not leaves_current_state(obj, transition):
        return None
    return refusal_reason(obj, transition)


def may_approve(obj, transition):
    """The guard expression's test."""
    return refusal_reason(obj, transition) is None
