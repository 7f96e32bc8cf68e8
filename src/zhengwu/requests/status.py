"""What the holder of a tracking number and query code may read: the state,
the dates of the clock, what the office asks to correct, and the answer
with its letter and files. Never the applicant's personal fields (whoever
holds the code need not be the applicant)."""

from plone import api
from zhengwu.i18n import translated
from zhengwu.requests import letters
from zhengwu.requests.events import last_comment
from zhengwu.requests.kinds import ANSWERED_STATES
from zhengwu.requests.kinds import CLOSED_STATES
from zhengwu.requests.kinds import DELIVERY_FORMS
from zhengwu.requests.kinds import OUTCOMES
from zhengwu.requests.kinds import reason_title
from zhengwu.site.department import organ_titles
from zhengwu.workdays.calendar import china_date


def _iso(value):
    return value.isoformat() if value else None


def _term(pairs, token, request):
    if not token:
        return None
    return {"token": token, "title": translated(dict(pairs).get(token, token), request)}


def state_term(state, request):
    """A request's review state as ``{token, title}``: the workflow's title,
    translated in Plone's domain (status and worklist)."""
    wtool = api.portal.get_tool("portal_workflow")
    title = wtool.getTitleForStateOnType(state, "DisclosureRequest")
    return {"token": state, "title": translated(title, request, domain="plone")}


def status(record, request):
    """The JSON of the status service and page; ``download_url`` is where
    the letters and files are downloaded (with the number and code again)."""
    state = api.content.get_state(record)
    answered = state in CLOSED_STATES
    files = list(record.reply_attachments or []) if state in ANSWERED_STATES else []
    return {
        "tracking_number": record.tracking_number,
        "organ": {"token": record.organ, "title": organ_titles().get(record.organ, "")},
        "requested_information": record.requested_information,
        "delivery_form": _term(DELIVERY_FORMS, record.delivery_form, request),
        "review_state": state_term(state, request),
        "submitted": china_date(record.created()).isoformat(),
        "received_date": _iso(record.received_date),
        "due_date": _iso(record.due_date),
        "due_provisional": bool(record.due_provisional),
        "extended_on": _iso(record.extended_on),
        "extension_reason": last_comment(record, "extend") or None,
        "correction_requested": (
            {
                "on": _iso(record.correction_requested_on),
                "what": last_comment(record, "request_correction"),
                "due": _iso(record.correction_due),
            }
            if record.correction_requested_on
            else None
        ),
        "can_correct": state == "awaiting_correction",
        "consulting": state == "consulting",
        "outcome": _term(OUTCOMES, record.outcome, request) if answered else None,
        "outcome_reason": (
            {
                "token": record.outcome_reason,
                "title": translated(reason_title(record.outcome, record.outcome_reason), request),
            }
            if answered and record.outcome_reason
            else None
        ),
        "reply": record.reply if answered else None,
        "answered_date": _iso(record.answered_date) if answered else None,
        "letters": [
            {"kind": kind, "title": translated(letters.TITLES[kind], request)}
            for kind in letters.available(record, state)
        ],
        "files": [
            {"index": n, "filename": f.filename, "size": f.getSize()} for n, f in enumerate(files)
        ],
        "download_url": (
            f"{api.portal.get_navigation_root(record).absolute_url()}/@@disclosure-request-download"
        ),
    }
