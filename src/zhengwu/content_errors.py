"""Validation errors of the product's content types over REST, in the
product's error shape.

plone.restapi's content deserializer refuses a bad POST or PATCH by raising
``zExceptions.BadRequest`` with a list of ``{"field", "message", "error"}``;
plone.rest's error view answers it as ``{"type", "message"}`` whose message
is that list's Python repr, with a traceback for administrators. For the
product's own types (those whose class lives in ``zhengwu``) the answer is
the one of every product endpoint (``zhengwu.rest``)::

    {"error": {"type": "BadRequest", "message": "<the first error>",
               "field": "<its field>", "errors": [{"field", "message"}, …]}}

each message one sentence in the reader's language naming the field by its
label ("成文日期：不是有效的值"), never a traceback. Plone's own types keep
plone.restapi's answer, which its clients (Volto, @plone/client) read.
"""

from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import iterSchemataForType
from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from plone.restapi.deserializer import json_body
from zExceptions import BadRequest as ZopeBadRequest
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.rest import BadRequest
from zhengwu.rest import error_body
from zope.component import adapter
from zope.component import queryUtility
import re


CHINESE = re.compile(r"[\u3400-\u9fff]")


def product_type(portal_type):
    """True for a type whose content class is the product's."""
    fti = queryUtility(IDexterityFTI, name=portal_type or "")
    return fti is not None and (fti.klass or "").startswith("zhengwu.")


def _target_type(request):
    """The type a REST content write is about: the ``@type`` of a POST that
    adds content, else the type of the object written."""
    service = request.get("PUBLISHED")
    context = getattr(service, "context", None)
    if request.get("REQUEST_METHOD") == "POST":
        try:
            data = json_body(request)
        except Exception:  # noqa: BLE001 — an unreadable body is plone.restapi's to answer
            data = None
        if isinstance(data, dict) and isinstance(data.get("@type"), str):
            return data["@type"]
    return getattr(context, "portal_type", None)


def _labels(portal_type):
    labels = {}
    for schema in iterSchemataForType(portal_type):
        for name in schema.names(all=True):
            title = getattr(schema[name], "title", None)
            if title and name not in labels:
                labels[name] = title
    return labels


def field_errors(entries, portal_type, request):
    """plone.restapi's error entries as ``[{"field", "message"}]``."""
    labels = _labels(portal_type)
    invalid = translated(_("not a valid value"), request)
    errors = []
    for entry in entries:
        field = entry.get("field")
        message = translated(entry.get("message"), request) or ""
        if CHINESE.search(invalid) and not CHINESE.search(message):
            # Read in Chinese, a message left in English is a field
            # deserializer's Python sentence ("Invalid date: …").
            message = invalid
        if field in labels:
            label = translated(labels[field], request)
            message = translated(
                _("${label}: ${problem}", mapping={"label": label, "problem": message}), request
            )
        errors.append({"field": field, "message": message})
    return errors


@adapter(ZopeBadRequest, IAPIRequest)
class BadRequestAnswer(ErrorHandling):
    """plone.rest's error view for BadRequest; a product type's validation
    errors in the product's error shape."""

    def render_exception(self, exception):
        portal_type = _target_type(self.request)
        if not product_type(portal_type):
            return super().render_exception(exception)
        super().render_exception(exception)  # the CORS headers, as for any error
        entries = exception.args[0] if exception.args else None
        if isinstance(entries, list) and all(isinstance(e, dict) for e in entries) and entries:
            errors = field_errors(entries, portal_type, self.request)
            refused = BadRequest(errors[0]["message"], errors[0]["field"])
            body = error_body(self.request, refused)
            body["error"]["errors"] = errors
            return body
        return error_body(self.request, BadRequest(str(exception)))
