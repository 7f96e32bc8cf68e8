"""Worklists: what waits for the current user (a handler: accept, assign,
approve, publish; a department's responder: reply), soonest due first, with
overdue and due-soon flags as reminders."""

from plone import api
from zhengwu.i18n import translated
from zhengwu.petitions import deadlines
from zhengwu.petitions.kinds import CATEGORIES
from zhengwu.site.department import organ_titles


WAITING_STATES = ("submitted", "accepted", "assigned", "reply_pending", "answered")


def entries(context, request):
    catalog = api.portal.get_tool("portal_catalog")
    wtool = api.portal.get_tool("portal_workflow")
    navroot = api.portal.get_navigation_root(context)
    organs = organ_titles()
    categories = dict(CATEGORIES)
    out = []
    for brain in catalog.searchResults(
        portal_type="Petition",
        review_state=list(WAITING_STATES),
        path="/".join(navroot.getPhysicalPath()),
    ):
        petition = brain.getObject()
        actions = [
            {"id": t["id"], "title": translated(t["title"], request, domain="plone")}
            for t in wtool.getTransitionsFor(petition)
        ]
        if not actions:
            continue  # visible, but nothing for this user to do now
        flag = deadlines.flag(brain.due_date) if brain.review_state != "answered" else None
        out.append(
            {
                "@id": brain.getURL(),
                "tracking_number": brain.tracking_number,
                "title": brain.Title,
                "category": {
                    "token": brain.category,
                    "title": translated(categories.get(brain.category), request),
                },
                "review_state": brain.review_state,
                "department": {
                    "token": brain.petition_department,
                    "title": organs.get(brain.petition_department, ""),
                },
                "received_date": brain.received_date.isoformat() if brain.received_date else None,
                "due_date": brain.due_date.isoformat() if brain.due_date else None,
                "flag": flag,
                "actions": actions,
            }
        )
    return sorted(out, key=lambda e: (e["due_date"] or "9999", e["tracking_number"] or ""))
