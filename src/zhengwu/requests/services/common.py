"""Finding the applicant's request from the tracking number and query code
the services are given."""

from zhengwu import _
from zhengwu.submissions.intake import Refused
from zhengwu.submissions.lookup import find
from zhengwu.submissions.rest import refused


class Answer(Exception):
    """A ready refusal (its JSON body) instead of a request."""

    def __init__(self, body):
        super().__init__()
        self.body = body


def applicants_request(request, data):
    """The request named by ``data``'s tracking number and query code, or
    ``Answer`` with the 400, 404 or 429 to return."""
    number, code = data.get("tracking_number"), data.get("query_code")
    if not isinstance(number, str) or not isinstance(code, str):
        raise Answer(
            refused(request, 400, _("Give tracking_number and query_code once each."), "query_code")
        )
    try:
        found = find(number, code, request, "DisclosureRequest")
    except Refused as error:
        raise Answer(refused(request, error.status, error.message)) from None
    if found is None:
        raise Answer(
            refused(request, 404, _("No request has this tracking number and query code."))
        )
    return found
