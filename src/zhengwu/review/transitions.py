"""Rules that hold whichever channel performs a transition (classic UI,
REST API, Python): reasons are required for reject and withdraw, the
checks of ``review.checks`` (pre-publish checks) are passed, and
publishing a working copy checks it in."""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from DateTime import DateTime
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.iterate.interfaces import IWorkingCopy
from plone.base.interfaces import IPloneSiteRoot
from Products.CMFCore.WorkflowCore import WorkflowException
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.interfaces import ReasonRequired
from zhengwu.review import checks
from zhengwu.review import editors
from zhengwu.review.guards import refusal_reason
from zhengwu.review.guards import WORKFLOW_ID
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest


# The transitions needing a comment (the utility named zhengwu_review_workflow).
REASON_REQUIRED = ReasonRequired("reject", "withdraw")
COMMENT_REQUIRED = REASON_REQUIRED.transitions


def before_transition(obj, event):
    if event.workflow is None or event.workflow.getId() != WORKFLOW_ID or event.transition is None:
        return
    transition = event.transition.getId()
    comment = (event.kwargs or {}).get("comment") or ""
    if not isinstance(comment, str):
        raise WorkflowException(translated(_("The comment must be text.")))
    comment = comment.strip()
    if transition in COMMENT_REQUIRED and not comment:
        raise WorkflowException(translated(_("A reason is required to reject or withdraw.")))
    # The guard already refused it; this repeats the check for code that
    # bypasses guards (e.g. a direct workflow.doActionFor in a script).
    reason = refusal_reason(obj, transition)
    if reason is not None:
        raise WorkflowException(translated(reason))
    found, refused, given = checks.check(obj, transition, event.kwargs)
    if refused is not None:
        raise WorkflowException(translated(refused.message))
    _pending()[obj.getPhysicalPath(), transition] = (found, given)
    editors.transition_started()  # what the transition changes is nobody's edit


def _pending():
    """What ``before_transition`` found, for ``after_transition`` to record."""
    request = getRequest()
    if request is None:
        return _WITHOUT_REQUEST_PENDING
    return IAnnotations(request).setdefault("zhengwu.review.pending_checks", {})


_WITHOUT_REQUEST_PENDING = {}


def after_transition(obj, event):
    """The final approval puts the item online: it gets its publication
    date (``effective``, now) unless an editor set one; a working copy that
    passed its three reviews replaces the published original (which stayed
    online until now, with its own date)."""
    if event.workflow is None or event.workflow.getId() != WORKFLOW_ID or event.transition is None:
        return
    editors.transition_ended()
    pending = _pending().pop((obj.getPhysicalPath(), event.transition.getId()), None)
    if pending is not None:
        checks.recorded(obj, event.transition.getId(), *pending)
    if event.transition.getId() != "publish":
        return
    if not IWorkingCopy.providedBy(obj):
        if getattr(obj, "effective_date", None) is None:
            obj.setEffectiveDate(DateTime())
            obj.reindexObject(idxs=["effective", "effectiveRange"])  # and the metadata
        return
    comment = (event.kwargs or {}).get("comment") or ""
    policy = ICheckinCheckoutPolicy(obj)
    # The copy is deleted by the check-in: let the move guard below allow it.
    checking_in = _checking_in()
    checking_in.add(obj.UID())
    try:
        policy.checkin(comment or translated(_("Approved and published")))
    finally:
        checking_in.discard(obj.UID())


def _checking_in():
    """UIDs of the working copies this request is checking in."""
    request = getRequest()
    if request is None:  # a script without a request
        return _WITHOUT_REQUEST
    return IAnnotations(request).setdefault("zhengwu.review.checking_in", set())


_WITHOUT_REQUEST = set()


def before_move_or_delete(obj, event):
    """Frozen items are moved, renamed or deleted only by someone holding
    ``Delete objects`` on them — also when their folder is moved or deleted
    (Zope checks only the folder), and in the ZMI."""
    if event.oldParent is None or IPloneSiteRoot.providedBy(event.object):
        return  # an addition, or the whole site going away
    wtool = getattr(obj, "portal_workflow", None)
    if wtool is None or WORKFLOW_ID not in wtool.getChainFor(obj):
        return
    if obj.UID() in _checking_in():
        return
    if not getSecurityManager().checkPermission("Delete objects", obj):
        raise Unauthorized(
            translated(
                _(
                    "${title} is under review or published: it cannot be moved or deleted.",
                    mapping={"title": obj.Title()},
                )
            )
        )
