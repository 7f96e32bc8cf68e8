"""REST answers every public-submission service shares: the JSON body, a
refusal with its field, and field errors (a 400 naming each field)."""

from zhengwu.submissions.intake import error_body
from zope.i18n import translate
import json


def body(request):
    """The JSON body (a dict), or None when it is not JSON."""
    try:
        data = json.loads(request.get("BODY") or b"{}")
    except ValueError:
        return None
    return data


def refused(request, status, message, field=None):
    request.response.setStatus(status)
    text = translate(message, context=request)
    return error_body([{"field": field, "message": text}], text)


def field_errors(request, errors):
    request.response.setStatus(400)
    return error_body(errors)
