"""Reading and checking one public submission, from a JSON body or a form.

``read`` returns the cleaned values and a list of ``{"field", "message"}``
errors, one per bad field, each a sentence: the REST services answer them
as a 400, the forms show them next to their fields. Nothing is stored here.
A submission refused whole (a filled honeypot, a flood) raises
``zhengwu.rest.Refused``.
"""

from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.utils import safe_basename
from zhengwu import _
from zhengwu.field_errors import problem
from zhengwu.files import blob_from_json
from zhengwu.files import decide
from zhengwu.files import encoded_size
from zhengwu.i18n import translated
from zhengwu.rest import Refused
from zhengwu.rest import TooManyRequests
from zhengwu.security.text import clean
from zhengwu.submissions import throttle
from zope.schema import ValidationError
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IList
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import TooLong


HONEYPOT = "website"  # a field people never see; robots fill it
TRUE = {"1", "true", "on", "yes", "y"}


def setting(name, default):
    return api.portal.get_registry_record(f"zhengwu.submissions.{name}", default=default)


def _text(value):
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(value)
    value = clean(value).strip()  # control characters removed (zhengwu.security.text)
    return value or None


def _bool(value):
    if isinstance(value, bool):
        return value
    if value in (None, ""):
        return False
    if isinstance(value, str):
        return value.strip().lower() in TRUE
    raise TypeError(value)


def _file(value):
    """A blob file from a form upload or plone.restapi's file dict, its
    content type decided by its name and content (``zhengwu.files.decide``;
    the field's constraint refuses what does not match)."""
    if hasattr(value, "filename") and hasattr(value, "read"):
        if not value.filename:
            return None
        value.seek(0)
        data = value.read()
        filename = clean(safe_basename(value.filename))
        try:
            content_type = decide(data, filename)
        except ValidationError:
            content_type = "application/octet-stream"
        return NamedBlobFile(data=data, filename=filename, contentType=content_type)
    try:
        return blob_from_json(value)
    except ValueError:
        raise TypeError(value) from None


def _upload_size(value):
    """The size of a file before it is read or decoded."""
    if hasattr(value, "filename") and hasattr(value, "seek") and hasattr(value, "tell"):
        position = value.tell()
        value.seek(0, 2)
        size = value.tell()
        value.seek(position)
        return size
    return encoded_size(value)


def read(data, schema, names, context):
    """``(values, errors)`` of the fields ``names`` of ``schema``."""
    if not isinstance(data, dict):
        return {}, [
            {"field": None, "message": translated(_("The request body must be a JSON object."))}
        ]
    if data.get(HONEYPOT):
        raise Refused(400, _("Your message could not be accepted."))
    unknown = sorted(set(data) - set(names) - {HONEYPOT})
    # A key "" names no field: the error has none (`field` is never empty).
    errors = [
        {
            "field": name or None,
            "message": translated(_("There is no field ${name}.", mapping={"name": name or '""'})),
        }
        for name in unknown
    ]
    values = {}
    longest = setting("max_text_length", 5000)
    for name in names:
        field = schema[name].bind(context)
        raw = data.get(name)
        try:
            if IBool.providedBy(field):
                value = _bool(raw)
            elif IList.providedBy(field):
                value = _attachments(raw)
            else:
                value = _text(raw)
        except TypeError:
            errors.append({"field": name, "message": problem(field, None)})
            continue
        except Refused as refused:
            errors.append({"field": name, "message": translated(refused.message)})
            continue
        try:
            if value is None:
                if field.required:
                    raise RequiredMissing(name)
            else:
                if (
                    isinstance(value, str)
                    and not IChoice.providedBy(field)
                    and len(value) > longest
                ):
                    raise TooLong(value, longest)
                field.validate(value)
        except ValidationError as error:
            if isinstance(error, TooLong) and not getattr(field, "max_length", None):
                message = translated(_("at most ${max} characters", mapping={"max": longest}))
            else:
                message = problem(field, error)
            if IList.providedBy(field) and not isinstance(error, RequiredMissing):
                message = problem(field.value_type, _first(error))
            errors.append({"field": name, "message": message})
            continue
        values[name] = value
    return values, errors


def _first(error):
    """The first inner error of a list field's WrongContainedType."""
    inner = getattr(error, "errors", None) or (error.args[0] if error.args else None)
    if isinstance(inner, (list, tuple)) and inner:
        return inner[0]
    return error


def _attachments(raw):
    if raw in (None, "", []):
        return []
    items = raw if isinstance(raw, (list, tuple)) else [raw]
    # The limits before anything is read or decoded: a flood of files costs
    # the server nothing but this count.
    items = [item for item in items if item not in (None, "", {})]
    most = setting("max_attachments", 3)
    if len(items) > most:
        raise Refused(400, _("At most ${max} attachments.", mapping={"max": most}))
    largest = setting("max_attachment_megabytes", 10) * 1024 * 1024
    if any(_upload_size(item) > largest for item in items):
        raise _too_large()
    files = [f for f in (_file(item) for item in items) if f is not None]
    if any(f.getSize() > largest for f in files):
        raise _too_large()
    return files


def _too_large():
    return Refused(
        400,
        _(
            "Each attachment may have at most ${max} MB.",
            mapping={"max": setting("max_attachment_megabytes", 10)},
        ),
    )


def receive(data, schema, names, context, request, flood, rules=None):
    """``read`` within the per-client limit: ``TooManyRequests(flood)``
    once the client sent too many; ``rules(values)`` adds the errors between
    fields. A submission counts once it is stored (after commit), a filled
    honeypot at once."""
    client = throttle.client(request)
    if throttle.SUBMISSIONS.exceeded(client):
        raise TooManyRequests(flood, throttle.SUBMISSIONS.retry_after(client))
    try:
        values, errors = read(data, schema, names, context)
    except Refused:
        throttle.SUBMISSIONS.hit(client)
        raise
    if rules is not None:
        known = {e["field"] for e in errors}
        errors += [e for e in rules(values) if e["field"] not in known]
    if not errors:
        throttle.SUBMISSIONS.hit_after_commit(client)
    return values, errors
