"""Catalog entries of disclosure requests: what worklists and the annual
report read, and a full text without any personal field."""

from plone.indexer import indexer
from zhengwu.indexing import metadata
from zhengwu.requests.request import IDisclosureRequest


@indexer(IDisclosureRequest)
def searchable_text(obj):
    return " ".join(p for p in (obj.tracking_number, obj.requested_information) if p)


@indexer(IDisclosureRequest)
def description(obj):
    return ""


@indexer(IDisclosureRequest)
def applicant_category(obj):
    """The annual table's column: ``citizen`` or the kind of organization."""
    if obj.applicant_type == "organization":
        return obj.organization_type or "other"
    return obj.applicant_type


tracking_number = metadata(IDisclosureRequest, "tracking_number")
request_organ = metadata(IDisclosureRequest, "organ")
received_date = metadata(IDisclosureRequest, "received_date")
due_date = metadata(IDisclosureRequest, "due_date")
answered_date = metadata(IDisclosureRequest, "answered_date")
request_outcome = metadata(IDisclosureRequest, "outcome")
request_reason = metadata(IDisclosureRequest, "outcome_reason")
