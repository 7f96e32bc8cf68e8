"""What happens around mailboxes and petitions: who handles a box, the
department that replies to a petition, dates set by the workflow."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zhengwu import _
from zhengwu import clock
from zhengwu.i18n import translated
from zhengwu.interfaces import ReasonRequired
from zhengwu.petitions.guards import may_approve_reply
from zhengwu.petitions.guards import WORKFLOW_ID
from zhengwu.site.department_groups import set_group_role
from zope.container.interfaces import IContainerModifiedEvent


# The transitions needing a comment (the utility named zhengwu_petition_workflow).
REASON_REQUIRED = ReasonRequired("reject", "return_reply")
COMMENT_REQUIRED = REASON_REQUIRED.transitions
HANDLERS = "petition-handlers"
RESPONDERS = "responders"


def _refuse(message):
    raise WorkflowException(translated(message))


def _department(uid):
    return api.content.get(UID=uid) if uid else None


def box_saved(box, event):
    """The box's department's petition handlers handle it (roles through
    groups, never by hand), and nobody else's local roles reach into it:
    a department's responders see only the petitions assigned to them, even
    in a box kept in their department's folder."""
    if IContainerModifiedEvent.providedBy(event):
        return  # a message added or removed: the box's own fields did not change
    if not getattr(box, "__ac_local_roles_block__", False):
        box.__ac_local_roles_block__ = True
        box.reindexObjectSecurity()
    with api.env.adopt_roles(["Manager"]):
        set_group_role(box, HANDLERS, "PetitionHandler", _department(box.department))


def before_transition(petition, event):
    if event.workflow is None or event.workflow.getId() != WORKFLOW_ID or event.transition is None:
        return
    transition = event.transition.getId()
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if transition in COMMENT_REQUIRED and not comment:
        _refuse(_("Give the reason: the submitter or the department reads it."))
    if transition == "assign" and _department(petition.assigned_department) is None:
        _refuse(_("Choose the assigned department before assigning the petition."))
    if transition == "submit_reply" and not (petition.reply or "").strip():
        _refuse(_("Write the reply before submitting it."))
    if transition == "approve_reply" and not may_approve_reply(petition):
        _refuse(_("You wrote this reply, so another handler must approve it."))
    if transition == "publish" and not petition.publish_consent:
        _refuse(_("The submitter did not agree to publication."))


def after_transition(petition, event):
    if event.workflow is None or event.workflow.getId() != WORKFLOW_ID or event.transition is None:
        return
    transition = event.transition.getId()
    if transition == "assign":
        # That department's responders, on this petition only.
        with api.env.adopt_roles(["Manager"]):
            set_group_role(
                petition,
                RESPONDERS,
                "DepartmentResponder",
                _department(petition.assigned_department),
            )
    elif transition == "submit_reply":
        petition.reply_department = petition.assigned_department
    elif transition == "approve_reply":
        petition.replied_date = clock.today()
    petition.reindexObject()


def rejection_reason(petition):
    """What the handler wrote when rejecting: the submitter reads it."""
    for entry in reversed(list(getattr(petition, "workflow_history", {}).get(WORKFLOW_ID, ()))):
        if entry.get("action") == "reject":
            return entry.get("comments") or ""
    return ""
