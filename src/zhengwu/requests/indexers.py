"""Catalog entries of disclosure requests: what worklists and the annual
report read, and a full text without any personal field."""

from plone import api
from plone.indexer import indexer
from zhengwu.indexing import metadata
from zhengwu.requests.request import IDisclosureRequest


@indexer(IDisclosureRequest)
def searchable_text(record):
    """The tracking number; the information requested too once registered
    (the submission itself writes no word of its text: every word is a
    posting that concurrent submissions would write)."""
    parts = [record.tracking_number]
    if api.content.get_state(record, default=None) not in (None, "received"):
        parts.append(record.requested_information)
    return " ".join(p for p in parts if p)


@indexer(IDisclosureRequest)
def description(record):
    return ""


@indexer(IDisclosureRequest)
def applicant_category(record):
    """The annual table's column: ``citizen`` or the kind of organization."""
    if record.applicant_type == "organization":
        return record.organization_type or "other"
    return record.applicant_type


tracking_number = metadata(IDisclosureRequest, "tracking_number")
request_organ = metadata(IDisclosureRequest, "organ")
received_date = metadata(IDisclosureRequest, "received_date")
due_date = metadata(IDisclosureRequest, "due_date")
answered_date = metadata(IDisclosureRequest, "answered_date")
request_outcome = metadata(IDisclosureRequest, "outcome")
request_reason = metadata(IDisclosureRequest, "outcome_reason")
