"""``@@review-queue`` (待我审核): what waits for the current user's approval.

The catalog only returns what the user may see, and a pending item is
visible only to the reviewers of its level in its department; of those, the
queue keeps the items whose approval the user may perform now (so items the
user wrote or already approved at another level are listed apart, with why).
"""

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zhengwu.review.guards import APPROVALS
from zhengwu.review.guards import refusal_reason


PENDING = ("pending_first", "pending_second", "pending_final")
APPROVAL_OF_STATE = dict(zip(PENDING, APPROVALS, strict=True))


def review_queue(user=None):
    """(actionable, blocked) lists of dicts for the current user."""
    wtool = api.portal.get_tool("portal_workflow")
    actionable, blocked = [], []
    for brain in api.content.find(
        review_state=PENDING, sort_on="modified", sort_order="descending"
    ):
        obj = brain.getObject()
        approval = APPROVAL_OF_STATE[brain.review_state]
        if not api.user.has_permission("Review portal content", obj=obj):
            continue  # the author, who sees their item waiting
        entry = {
            "title": brain.Title,
            "url": brain.getURL(),
            "portal_type": brain.portal_type,
            "state": brain.review_state,
            "state_title": wtool.getTitleForStateOnType(brain.review_state, brain.portal_type),
            "modified": _local(brain.modified),
            "creator": _fullname(brain.Creator),
            "approval": approval,
        }
        if any(t["id"] == approval for t in wtool.getTransitionsFor(obj)):
            actionable.append(entry)
        else:
            entry["reason"] = refusal_reason(obj, approval)
            blocked.append(entry)
    return actionable, blocked


def _local(when):
    """A catalog DateTime in the site's time zone, to the minute."""
    zone = api.portal.get_registry_record("plone.portal_timezone", default="Asia/Shanghai")
    return when.toZone(zone).strftime("%Y-%m-%d %H:%M")


def _fullname(userid):
    user = api.user.get(userid=userid) if userid else None
    return (user.getProperty("fullname") if user is not None else "") or userid


class ReviewQueueView(BrowserView):
    index = ViewPageTemplateFile("templates/review_queue.pt")

    def __call__(self):
        self.actionable, self.blocked = review_queue()
        return self.index()
