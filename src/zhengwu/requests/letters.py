"""Letters to the applicant, from the administrators' templates: the answer
(one template per outcome), the request for correction and the extension
notice. Downloaded as .docx by the officers and, for the answer, by the
applicant with the query code."""

from plone import api
from string import Template
from zhengwu import _
from zhengwu import clock
from zhengwu import translated
from zhengwu.faceted import organ_titles
from zhengwu.requests import docx
from zhengwu.requests.events import last_comment
from zhengwu.requests.kinds import CLOSED_STATES
from zhengwu.requests.kinds import OUTCOMES
from zhengwu.requests.kinds import reason_title
from zhengwu.requests.settings import DEFAULTS


TITLES = {
    "answer": _("Answer to a request for government information"),  # 政府信息公开申请答复书
    "correction": _("Request to correct an application"),  # 补正申请告知书
    "extension": _("Notice of extension"),  # 延期答复告知书
}


def available(request_obj, state):
    """The letters that exist for a request in ``state``."""
    kinds = []
    if request_obj.correction_requested_on:
        kinds.append("correction")
    if request_obj.extended_on:
        kinds.append("extension")
    if state in CLOSED_STATES and request_obj.outcome:
        kinds.append("answer")
    return kinds


def _date(value):
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _template(kind, request_obj):
    name = request_obj.outcome if kind == "answer" else kind
    return api.portal.get_registry_record(f"zhengwu.requests.letter_{name}", default=DEFAULTS[name])


def letter(request_obj, kind, request):
    """``(filename, bytes)`` of the letter ``kind`` of ``request_obj``."""
    applicant = request_obj.applicant_name or ""
    if request_obj.applicant_type == "organization" and request_obj.organization_name:
        applicant = request_obj.organization_name
    dated = {
        "answer": request_obj.answered_date,
        "correction": request_obj.correction_requested_on,
        "extension": request_obj.extended_on,
    }[kind]
    values = {
        "organ": organ_titles().get(request_obj.organ, ""),
        "tracking_number": request_obj.tracking_number or "",
        "applicant": applicant,
        "received_date": _date(request_obj.received_date),
        "requested_information": (request_obj.requested_information or "").strip(),
        "outcome": translated(dict(OUTCOMES).get(request_obj.outcome, ""), request),
        "reason": translated(
            reason_title(request_obj.outcome, request_obj.outcome_reason) or "", request
        ),
        "reply": (request_obj.reply or "").strip(),
        "comment": last_comment(
            request_obj, {"correction": "request_correction", "extension": "extend"}.get(kind, "")
        ),
        "due_date": _date(request_obj.due_date),
        "correction_due": _date(request_obj.correction_due),
        "date": _date(dated or clock.today()),
    }
    text = Template(_template(kind, request_obj)).safe_substitute(values)
    paragraphs = [p.strip() for p in text.split("\n")]
    title = translated(TITLES[kind], request)
    data = docx.document(title, [p for p in paragraphs if p])
    return f"{request_obj.tracking_number}-{kind}.docx", data
