"""The disclosure officers' worklist: every request that waits for them,
soonest due first, flagged overdue or due soon, paused (consulting) or
waiting for a correction."""

from plone import api
from zhengwu import translated
from zhengwu.faceted import organ_titles
from zhengwu.requests import statutory_clock
from zhengwu.requests.kinds import DELIVERY_FORMS
from zhengwu.workdays.calendar import china_date


WAITING_STATES = ("received", "registered", "awaiting_correction", "consulting", "extended")


def entries(context, request):
    catalog = api.portal.get_tool("portal_catalog")
    wtool = api.portal.get_tool("portal_workflow")
    navroot = api.portal.get_navigation_root(context)
    organs = organ_titles()
    out = []
    for brain in catalog.searchResults(
        portal_type="DisclosureRequest",
        review_state=list(WAITING_STATES),
        path="/".join(navroot.getPhysicalPath()),
    ):
        obj = brain.getObject()
        actions = [
            {"id": t["id"], "title": translated(t["title"], request, domain="plone")}
            for t in wtool.getTransitionsFor(obj)
        ]
        if not actions:
            continue  # visible (an administrator), but not this user's to handle
        state = brain.review_state
        consultation_due = statutory_clock.consultation_due(obj)
        out.append(
            {
                "@id": brain.getURL(),
                "tracking_number": brain.tracking_number,
                "requested_information": (obj.requested_information or "")[:120],
                "review_state": {
                    "token": state,
                    "title": translated(
                        wtool.getTitleForStateOnType(state, "DisclosureRequest"),
                        request,
                        domain="plone",
                    ),
                },
                "organ": {"token": obj.organ, "title": organs.get(obj.organ, "")},
                "delivery_form": translated(
                    dict(DELIVERY_FORMS).get(obj.delivery_form, ""), request
                ),
                "submitted": china_date(obj.created()).isoformat(),
                "received_date": obj.received_date.isoformat() if obj.received_date else None,
                "due_date": obj.due_date.isoformat() if obj.due_date else None,
                "due_provisional": bool(obj.due_provisional),
                "correction_due": obj.correction_due.isoformat() if obj.correction_due else None,
                "consultation_due": consultation_due.isoformat() if consultation_due else None,
                "flag": statutory_clock.flag(obj, state),
                "actions": actions,
            }
        )
    # Soonest due first; then what has no running clock (new, waiting for a
    # correction), oldest first.
    return sorted(
        out,
        key=lambda e: (
            e["due_date"] is None,
            e["due_date"] or e["correction_due"] or e["submitted"],
            e["tracking_number"] or "",
        ),
    )
