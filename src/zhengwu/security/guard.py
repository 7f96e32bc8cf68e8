"""The request guard: what a request may be before anything reads it
(docs/security.md, *No 5xx from bad input*).

When Zope is about to read the request's form (``HTTPRequest.processInputs``,
patched: the first step of publishing that may answer an error; an
``IPubStart`` subscriber cannot):
- a method Zope does not serve answers 405 (an unknown method fell through
  to traversal and answered 500 on REST paths);
- ``multipart/form-data`` without a boundary answers 400 (it was a 503).

When traversal enters the site (``IBeforeTraverseEvent`` of the site root:
after the settings can be read, before any credentials are extracted — the
JWT plugin reads a JSON body to look for a login):
- a JSON body (``application/json``, or any non-form body starting with
  ``{`` or ``[``) larger than its limit answers 413 without being decoded:
  ``json_body_max_kilobytes`` for bodies without files; the public
  submission endpoints add their attachment allowance (count × size, as
  base64); a request carrying credentials may send
  ``upload_body_max_megabytes``;
- a JSON body nested deeper than ``json_max_depth`` answers 400: counted by
  a scan of its brackets outside strings, never by Python's recursive
  decoder (50,000 levels were a RecursionError, a 500, on every endpoint).

The whole body's upper bound is waitress's ``max_request_body_size``
(instance/zope.ini).
"""

from zExceptions import BadRequest
from zExceptions import HTTPRequestEntityTooLarge
from zExceptions import MethodNotAllowed
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.security.settings import JSON_BODY_MAX_KILOBYTES
from zhengwu.security.settings import JSON_MAX_DEPTH
from zhengwu.security.settings import setting
from zhengwu.security.settings import UPLOAD_BODY_MAX_MEGABYTES
import re


METHODS = frozenset(
    {
        "GET",
        "HEAD",
        "POST",
        "PUT",
        "PATCH",
        "DELETE",
        "OPTIONS",
        # WebDAV, which Zope serves
        "PROPFIND",
        "PROPPATCH",
        "MKCOL",
        "COPY",
        "MOVE",
        "LOCK",
        "UNLOCK",
    }
)
FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
# The public endpoints that take attachments in their JSON body.
SUBMISSION_ENDPOINTS = {"@petitions", "@disclosure-requests", "@disclosure-request-correction"}


class RequestEntityTooLarge(HTTPRequestEntityTooLarge):
    """413: ZPublisher finds an error's status by its class name."""


_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def process_inputs(self, *args, **kwargs):
    """``HTTPRequest.processInputs`` after the checks of ``check_start``."""
    check_start(self)
    return self._old_processInputs(*args, **kwargs)


def check_start(request):
    method = (request.environ.get("REQUEST_METHOD") or "GET").upper()
    if method not in METHODS:
        raise MethodNotAllowed(
            translated(_("The method ${method} is not allowed.", mapping={"method": method[:20]}))
        )
    content_type = (request.environ.get("CONTENT_TYPE") or "").lower()
    if content_type.split(";")[0].strip() == "multipart/form-data" and not re.search(
        r";\s*boundary=\S", content_type
    ):
        raise BadRequest(translated(_("A multipart/form-data body needs a boundary.")))


def _length(request):
    try:
        return int(request.environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise BadRequest(translated(_("The Content-Length header is not a number."))) from None


def _head(request, size=64):
    """The first bytes of the body, the file left where it was."""
    stdin = getattr(request, "stdin", None)
    if stdin is None:
        return b""
    position = stdin.tell()
    try:
        return stdin.read(size)
    finally:
        stdin.seek(position)


def depth(body):
    """How deep a JSON text nests its arrays and objects (brackets inside
    strings do not count); a malformed text gets a number too, its decoder
    refuses it later."""
    deepest = level = 0
    for bracket in _STRING.sub(b"", body).translate(None, _NOT_BRACKETS):
        if bracket in b"[{":
            level += 1
            deepest = max(deepest, level)
        else:
            level -= 1
    return deepest


def _limit(request, registry):
    """The most bytes this request's JSON body may have."""
    limit = setting("json_body_max_kilobytes", JSON_BODY_MAX_KILOBYTES, registry) * 1024
    if (request.environ.get("PATH_INFO") or "").rstrip("/").rpartition("/")[2] in (
        SUBMISSION_ENDPOINTS
    ):
        files = setting("zhengwu.submissions.max_attachments", 3, registry)
        megabytes = setting("zhengwu.submissions.max_attachment_megabytes", 10, registry)
        limit += files * megabytes * 1024 * 1024 * 4 // 3
    elif request.environ.get("HTTP_AUTHORIZATION") or "__ac" in request.cookies:
        most = setting("upload_body_max_megabytes", UPLOAD_BODY_MAX_MEGABYTES, registry)
        limit = max(limit, most << 20)
    return limit


def site_entered(site, event):
    """The body checks, once per request (the first site traversed)."""
    request = event.request
    if getattr(request, "_zhengwu_body_checked", False):
        return
    request._zhengwu_body_checked = True
    content_type = (request.environ.get("CONTENT_TYPE") or "").lower().split(";")[0].strip()
    if content_type in FORMS:
        return  # parsed by Zope already, within waitress's limit
    length = _length(request)
    if not length:
        return
    if "json" not in content_type and _head(request).lstrip()[:1] not in (b"{", b"["):
        return
    registry = getattr(site, "portal_registry", None)
    limit = _limit(request, registry)
    if length > limit:
        raise RequestEntityTooLarge(
            translated(
                _(
                    "The request body is larger than the ${size} KB allowed.",
                    mapping={"size": limit // 1024},
                )
            )
        )
    body = request.get("BODY") or b""
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogatepass")
    most = setting("json_max_depth", JSON_MAX_DEPTH, registry)
    if body.count(b"[") + body.count(b"{") > most and depth(body) > most:
        raise BadRequest(
            translated(
                _("The JSON body nests deeper than ${depth} levels.", mapping={"depth": most})
            )
        )
