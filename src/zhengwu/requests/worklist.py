"""The disclosure officers' worklist: every request that waits for them,
soonest due first, flagged overdue or due soon, paused (consulting) or
waiting for a correction."""

from plone import api
from zhengwu.i18n import translated
from zhengwu.requests import statutory_clock
from zhengwu.requests.kinds import DELIVERY_FORMS
from zhengwu.requests.status import state_term
from zhengwu.site.department import organ_titles
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
        record = brain.getObject()
        actions = [
            {"id": t["id"], "title": translated(t["title"], request, domain="plone")}
            for t in wtool.getTransitionsFor(record)
        ]
        if not actions:
            continue  # visible (an administrator), but not this user's to handle
        state = brain.review_state
        consultation_due = statutory_clock.consultation_due(record)
        out.append(
            {
                "@id": brain.getURL(),
                "tracking_number": brain.tracking_number,
                "requested_information": (record.requested_information or "")[:120],
                "review_state": state_term(state, request),
                "organ": {"token": record.organ, "title": organs.get(record.organ, "")},
                "delivery_form": translated(
                    dict(DELIVERY_FORMS).get(record.delivery_form, ""), request
                ),
                "submitted": china_date(record.created()).isoformat(),
                "received_date": record.received_date.isoformat() if record.received_date else None,
                "due_date": record.due_date.isoformat() if record.due_date else None,
                "due_provisional": bool(record.due_provisional),
                "correction_due": record.correction_due.isoformat()
                if record.correction_due
                else None,
                "consultation_due": consultation_due.isoformat() if consultation_due else None,
                "flag": statutory_clock.flag(record, state),
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
