"""Rules that hold whichever channel performs a transition (classic UI,
REST API, Python): reasons are required for reject and withdraw, and
publishing a working copy checks it in."""

from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.iterate.interfaces import IWorkingCopy
from Products.CMFCore.WorkflowCore import WorkflowException
from zhengwu import _
from zhengwu.review.guards import refusal_reason
from zhengwu.review.guards import WORKFLOW_ID
from zope.globalrequest import getRequest
from zope.i18n import translate


COMMENT_REQUIRED = ("reject", "withdraw")


def _message(msg):
    return translate(msg, context=getRequest())


def before_transition(obj, event):
    if event.workflow is None or event.workflow.getId() != WORKFLOW_ID or event.transition is None:
        return
    transition = event.transition.getId()
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if transition in COMMENT_REQUIRED and not comment:
        raise WorkflowException(_message(_("A reason is required to reject or withdraw.")))
    # The guard already refused it; this repeats the check for code that
    # bypasses guards (e.g. a direct workflow.doActionFor in a script).
    reason = refusal_reason(obj, transition)
    if reason is not None:
        raise WorkflowException(_message(reason))


def after_transition(obj, event):
    """A working copy that passed its three reviews replaces the published
    original (which stayed online until now)."""
    if event.workflow is None or event.workflow.getId() != WORKFLOW_ID or event.transition is None:
        return
    if event.transition.getId() != "publish" or not IWorkingCopy.providedBy(obj):
        return
    comment = (event.kwargs or {}).get("comment") or ""
    policy = ICheckinCheckoutPolicy(obj)
    policy.checkin(comment or _message(_("Approved and published")))
