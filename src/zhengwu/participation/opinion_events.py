"""Who moderates opinions, and the rules of moderation.

An opinion's handlers are the drafting department's petition handlers
(the department group ``petition-handlers``, given ``PetitionHandler`` on
each opinion through ``set_group_role``): roles through groups, never by
hand. Each opinion blocks the local roles of the folders above it, so a
consultation kept in another department's folder shows its pending
opinions and its commenters' contacts to no one else; when the
consultation's department changes, its opinions follow.
"""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.interfaces import ReasonRequired
from zhengwu.site.department_groups import set_group_role
from zope.container.interfaces import IContainerModifiedEvent


WORKFLOW_ID = "zhengwu_opinion_workflow"
HANDLERS = "petition-handlers"
# The transitions needing a comment (the utility named zhengwu_opinion_workflow).
REASON_REQUIRED = ReasonRequired("refuse")


def _department(uid):
    if not uid:
        return None
    with api.env.adopt_roles(["Manager"]):
        return api.content.get(UID=uid)


def give_handlers(opinion, consultation):
    if not getattr(opinion, "__ac_local_roles_block__", False):
        opinion.__ac_local_roles_block__ = True
    with api.env.adopt_roles(["Manager"]):
        set_group_role(opinion, HANDLERS, "PetitionHandler", _department(consultation.department))
        opinion.reindexObjectSecurity()


def opinion_added(opinion, event):
    give_handlers(opinion, opinion.aq_parent)


def consultation_saved(consultation, event):
    """The department may have changed: its handlers handle the opinions."""
    if IContainerModifiedEvent.providedBy(event):
        return  # an opinion added or removed: the consultation's fields did not change
    for opinion in _opinions(consultation):
        give_handlers(opinion, consultation)


def _opinions(consultation):
    return [obj for obj in consultation.objectValues() if obj.portal_type == "Opinion"]


def before_transition(opinion, event):
    if event.workflow is None or event.workflow.getId() != WORKFLOW_ID or event.transition is None:
        return
    comment = (event.kwargs or {}).get("comment") or ""
    if not isinstance(comment, str):
        raise WorkflowException(translated(_("The comment must be text.")))
    if event.transition.getId() in REASON_REQUIRED.transitions and not comment.strip():
        raise WorkflowException(translated(_("Give the reason for not publishing this opinion.")))


def refusal_reason(opinion):
    """What the handler wrote when refusing it last."""
    for entry in reversed(list(getattr(opinion, "workflow_history", {}).get(WORKFLOW_ID, ()))):
        if entry.get("action") == "refuse":
            return entry.get("comments") or ""
    return ""


def after_transition(opinion, event):
    """Its words enter the full text once published, and leave it when refused."""
    if event.workflow is None or event.workflow.getId() != WORKFLOW_ID:
        return
    opinion.reindexObject(idxs=["SearchableText"])
