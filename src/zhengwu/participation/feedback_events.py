"""A consultation knows when its feedback went online: the page, the
index and site supervision read ``feedback_published`` (catalog metadata)
rather than looking inside every consultation."""

from plone import api
from zhengwu import clock


REVIEW_WORKFLOW = "zhengwu_review_workflow"


def published_feedback(consultation):
    """The consultation's published feedback, or None."""
    for obj in consultation.objectValues():
        if (
            obj.portal_type == "ConsultationFeedback"
            and api.content.get_state(obj, default=None) == "published"
        ):
            return obj
    return None


def feedback_transition(feedback, event):
    if event.workflow is None or event.workflow.getId() != REVIEW_WORKFLOW:
        return
    if event.transition is None:
        return
    consultation = feedback.aq_parent
    if getattr(consultation, "portal_type", None) != "Consultation":
        return
    found = published_feedback(consultation)
    date = None
    if found is not None:
        date = consultation.feedback_published or clock.today()
    if date != consultation.feedback_published:
        consultation.feedback_published = date
        consultation.reindexObject(idxs=["modified"])  # metadata rewritten with it
