"""What every product REST endpoint answers, written once (docs/rest-api.md).

- Errors: ``{"error": {"type", "message", "field"?, "errors"?}}`` with the
  status of their type; ``TooManyRequests`` adds a ``Retry-After`` header.
  An endpoint (or the domain code it calls) raises ``Refused`` or one of its
  kinds; ``Service.render`` answers it: the one place that does. The
  messages are translated with the request, as everything the user reads.
- Query parameters: ``single``, ``integer`` (with bounds), ``iso_date``,
  ``choice`` (an enumeration), each raising ``BadRequest`` naming the
  parameter; ``json_body`` reads a POST's JSON object.
- Lists: ``batched`` pages a sequence in plone.restapi's form (``@id``,
  ``items``, ``items_total``, ``batching``) with plone.restapi's own
  ``HypermediaBatch``; ``page`` reads ``b_start`` and ``b_size``.

Classic pages catch the same exceptions and show ``message`` (a bad filter
is a message on the page, not an error).
"""

from datetime import date
from plone.base.utils import safe_text
from plone.batching.batch import Batch
from plone.rest.errors import ErrorHandling
from plone.restapi.batching import DEFAULT_BATCH_SIZE
from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service as BaseService
from zhengwu import _
from zhengwu.i18n import translated
import json
import re


TYPES = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
    429: "TooManyRequests",
}
MAX_START = 10**9
MAX_SIZE = 500


class Refused(ValueError):
    """A request refused with ``status``: ``message`` says why (a message id,
    translated when answered), ``field`` names the parameter or field,
    ``errors`` holds one ``{"field", "message"}`` per bad field, ``kind``
    replaces the status's type (e.g. ``SeparationOfDuties``)."""

    def __init__(self, status, message, field=None, errors=None, kind=None, retry_after=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.errors = errors
        self.kind = kind or TYPES[status]
        self.retry_after = retry_after


class BadRequest(Refused):
    def __init__(self, message, field=None, errors=None):
        super().__init__(400, message, field, errors)


class Unauthorized(Refused):
    def __init__(self, message):
        super().__init__(401, message)


class Forbidden(Refused):
    def __init__(self, message, kind=None):
        super().__init__(403, message, kind=kind)


class NotFound(Refused):
    def __init__(self, message, field=None):
        super().__init__(404, message, field)


class Conflict(Refused):
    def __init__(self, message, field=None):
        super().__init__(409, message, field)


class TooManyRequests(Refused):
    """429; ``retry_after`` (seconds) goes into the ``Retry-After`` header."""

    def __init__(self, message, retry_after):
        super().__init__(429, message, retry_after=retry_after)


def invalid_fields(errors):
    """The 400 of a body with field errors (``[{"field", "message"}]``):
    the first one is the error's own field and message."""
    return BadRequest(errors[0]["message"], errors[0]["field"], errors)


def field_error(field, message, request):
    """One ``{"field", "message"}`` entry of ``errors``, translated."""
    return {"field": field, "message": translated(message, request)}


def error_body(request, refused):
    """The answer to ``refused``: its status (and ``Retry-After``) set on
    the response, and the body."""
    response = request.response
    response.setStatus(refused.status)
    if refused.retry_after is not None:
        response.setHeader("Retry-After", str(int(refused.retry_after)))
    error = {"type": refused.kind, "message": translated(refused.message, request)}
    if refused.field is not None:
        error["field"] = refused.field
    if refused.errors:
        error["errors"] = [field_error(e["field"], e["message"], request) for e in refused.errors]
    return {"error": error}


def dumps(data):
    """JSON as plone.restapi writes it."""
    return json.dumps(data, indent=2, sort_keys=True, separators=(", ", ": "))


class AnswersRefusals:
    """Mixed into a plone.restapi service: ``Refused`` raised while it
    replies is answered with the error body."""

    def render(self):
        try:
            return super().render()
        except Refused as refused:
            body = error_body(self.request, refused)
            self.request.response.setHeader("Content-Type", "application/json")
            return dumps(body)


class Service(AnswersRefusals, BaseService):
    """The base of every product endpoint: plone.restapi's service whose
    ``reply`` may raise ``Refused``."""


class UnauthorizedAnswer(ErrorHandling):
    """plone.rest's error view for Unauthorized; a product endpoint's 401
    (raised by Zope before the endpoint runs, for its ZCML permission) in
    the product's error shape. Other endpoints keep plone.rest's answer."""

    def render_exception(self, exception):
        data = super().render_exception(exception)
        if not isinstance(self.request.get("PUBLISHED"), AnswersRefusals):
            return data
        return error_body(
            self.request, Unauthorized(_("Log in as a user who may use this service."))
        )


# Query parameters


def single(form, name):
    """One value of a parameter, stripped; None when absent or empty."""
    value = form.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)  # a Zope converter (``name:int``) read it already
    if not isinstance(value, str | bytes):
        raise BadRequest(_("Give ${name} once.", mapping={"name": name}), name)
    return safe_text(value).strip()


def integer(form, name, default, low, high, message=None):
    """A whole number from ``low`` to ``high``; ``default`` when absent."""
    value = single(form, name)
    if value is None:
        return default
    number = int(value) if re.fullmatch(r"-?[0-9]{1,20}", value) else None
    if number is None or not low <= number <= high:
        raise BadRequest(
            message
            or _(
                "${name} must be a whole number from ${low} to ${high}.",
                mapping={"name": name, "low": low, "high": high},
            ),
            name,
        )
    return number


def iso_date(form, name, message):
    """A date written YYYY-MM-DD, or None when absent."""
    value = single(form, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(message, name) from None


def choice(form, name, allowed, message, default=None):
    """One of ``allowed`` (an enumeration), or ``default`` when absent."""
    value = single(form, name)
    if value is None:
        return default
    if value not in allowed:
        raise BadRequest(message, name)
    return value


def json_body(request):
    """The JSON object a POST sends; ``{}`` for an empty body."""
    try:
        data = json.loads(request.get("BODY") or b"{}")
    except (ValueError, RecursionError):
        raise BadRequest(_("The request body is not valid JSON.")) from None
    if not isinstance(data, dict):
        raise BadRequest(_("The request body must be a JSON object."))
    return data


# Lists


def page(form, size=DEFAULT_BATCH_SIZE, most=MAX_SIZE):
    """``(b_start, b_size)`` of a request, ``size`` by default."""
    return integer(form, "b_start", 0, 0, MAX_START), integer(form, "b_size", size, 1, most)


class PageBatch(HypermediaBatch):
    """plone.restapi's batch with the page the endpoint read (its own
    default size, bounds checked) rather than reading it again."""

    def __init__(self, request, sequence, start, size):
        self.request = request
        self.b_start = start
        self.b_size = size
        self.batch = Batch(sequence, size, start)


class Page(list):
    """One page of a longer selection, as ZCatalog gives it: plone.batching
    reads ``actual_result_count`` as the length of the whole."""

    def __init__(self, items, total):
        super().__init__(items)
        self.actual_result_count = total


def batched(request, sequence, start, size, entry=None):
    """One page of ``sequence`` in plone.restapi's form: ``@id``, ``items``
    (each through ``entry``), ``items_total`` and, when there are more
    pages, ``batching`` (``@id``, ``first``, ``last``, ``prev``, ``next``)."""
    batch = PageBatch(request, sequence, start, size)
    result = {
        "@id": batch.canonical_url,
        "items_total": batch.items_total,
        "items": [entry(item) if entry else item for item in batch],
    }
    links = batch.links
    if links:
        result["batching"] = links
    return result
