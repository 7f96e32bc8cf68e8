"""What the holder of a tracking number and query code may read: the state,
the dates, the reply once approved, the reason of a rejection. Never the
personal fields (whoever holds the code need not be the writer)."""

from plone import api
from zhengwu.i18n import translated
from zhengwu.petitions.events import rejection_reason
from zhengwu.petitions.kinds import ANSWERED_STATES
from zhengwu.petitions.kinds import CATEGORIES
from zhengwu.petitions.kinds import SATISFACTION
from zhengwu.site.department import organ_titles


def _iso(value):
    return value.isoformat() if value else None


def status(petition, request):
    wtool = api.portal.get_tool("portal_workflow")
    state = api.content.get_state(petition)
    answered = state in ANSWERED_STATES
    organs = organ_titles()
    data = {
        "tracking_number": petition.tracking_number,
        "category": {
            "token": petition.category,
            "title": translated(dict(CATEGORIES).get(petition.category), request),
        },
        "title": petition.title,
        "review_state": {
            "token": state,
            "title": translated(
                wtool.getTitleForStateOnType(state, "Petition"), request, domain="plone"
            ),
        },
        "received_date": _iso(petition.received_date),
        "due_date": _iso(petition.due_date),
        "due_provisional": bool(petition.due_provisional),
        "published": state == "published",
        "reply": petition.reply if answered else None,
        "replied_date": _iso(petition.replied_date) if answered else None,
        "reply_department": (
            {"token": petition.reply_department, "title": organs.get(petition.reply_department, "")}
            if answered and petition.reply_department
            else None
        ),
        "rejection_reason": rejection_reason(petition) if state == "rejected" else None,
        "satisfaction": (
            {
                "token": petition.satisfaction,
                "title": translated(dict(SATISFACTION)[petition.satisfaction], request),
            }
            if petition.satisfaction
            else None
        ),
        "can_rate": answered and not petition.satisfaction,
    }
    return data
