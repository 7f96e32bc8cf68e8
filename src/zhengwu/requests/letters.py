"""Letters to the applicant, from the administrators' templates: the answer
(one template per outcome), the request for correction and the extension
notice. Downloaded as .docx by the officers and, for the answer, by the
applicant with the query code."""

from plone import api
from string import Template
from zhengwu import _
from zhengwu import clock
from zhengwu.i18n import translated
from zhengwu.requests import docx
from zhengwu.requests.events import last_comment
from zhengwu.requests.kinds import CLOSED_STATES
from zhengwu.requests.kinds import OUTCOMES
from zhengwu.requests.kinds import reason_title
from zhengwu.requests.settings import DEFAULTS
from zhengwu.site.department import organ_titles


TITLES = {
    "answer": _("Answer to a request for government information"),  # 政府信息公开申请答复书
    "correction": _("Request to correct an application"),  # 补正申请告知书
    "extension": _("Notice of extension"),  # 延期答复告知书
}


def available(record, state):
    """The letters that exist for a request in ``state``."""
    kinds = []
    if record.correction_requested_on:
        kinds.append("correction")
    if record.extended_on:
        kinds.append("extension")
    if state in CLOSED_STATES and record.outcome:
        kinds.append("answer")
    return kinds


def _date(value):
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _template(kind, record):
    name = record.outcome if kind == "answer" else kind
    return api.portal.get_registry_record(f"zhengwu.requests.letter_{name}", default=DEFAULTS[name])


def letter(record, kind, request):
    """``(filename, bytes)`` of the letter ``kind`` of ``record``."""
    applicant = record.applicant_name or ""
    if record.applicant_type == "organization" and record.organization_name:
        applicant = record.organization_name
    dated = {
        "answer": record.answered_date,
        "correction": record.correction_requested_on,
        "extension": record.extended_on,
    }[kind]
    values = {
        "organ": organ_titles().get(record.organ, ""),
        "tracking_number": record.tracking_number or "",
        "applicant": applicant,
        "received_date": _date(record.received_date),
        "requested_information": (record.requested_information or "").strip(),
        "outcome": translated(dict(OUTCOMES).get(record.outcome, ""), request),
        "reason": translated(reason_title(record.outcome, record.outcome_reason) or "", request),
        "reply": (record.reply or "").strip(),
        "comment": last_comment(
            record, {"correction": "request_correction", "extension": "extend"}.get(kind, "")
        ),
        "due_date": _date(record.due_date),
        "correction_due": _date(record.correction_due),
        "date": _date(dated or clock.today()),
    }
    text = Template(_template(kind, record)).safe_substitute(values)
    paragraphs = [p.strip() for p in text.split("\n")]
    title = translated(TITLES[kind], request)
    data = docx.document(title, [p for p in paragraphs if p])
    return f"{record.tracking_number}-{kind}.docx", data
