"""Small patches of the platform: bad input that Zope, plone.restapi,
plone.app.content, plone.namedfile or CMFEditions answered with a 500
answers 4xx (issue 17, finding 9; docs/security.md lists each). Patched in
with collective.monkeypatcher (``configure.zcml``), each keeping the
original as ``_old_<name>``; each has its test in
tests/security/test_no_5xx.py, which fails when a new version of the
patched package changes what is patched."""

from plone.restapi.exceptions import DeserializationError
from zExceptions import BadRequest
from zExceptions import NotFound
from zhengwu import _
from zhengwu.i18n import translated
import base64
import json
import logging


logger = logging.getLogger("zhengwu.security")


def basic_auth_decode(token):
    """ZPublisher's HTTP Basic decoding (``ZPublisher.utils`` and the name
    ``ZPublisher.HTTPRequest`` imported), the same but that credentials that
    are no base64, no UTF-8 or have no colon are no credentials (they were
    a 500 on every URL): the request goes on as anonymous, and a protected
    page answers 401 as for wrong credentials."""
    if not token or token[:6].lower() != "basic ":
        return None
    try:
        plain = base64.b64decode(token.split()[-1]).decode()
        user, password = plain.split(":", 1)
    except (ValueError, IndexError):  # binascii.Error, UnicodeDecodeError, no colon
        return None
    return user, password


def service_render(self):
    """plone.restapi's services: a body its ``json_body`` cannot read (no
    JSON, or JSON that is no object — @login, control panels' PATCH) is a
    400, as the content endpoints already answer."""
    try:
        return self._old_render()
    except DeserializationError:
        raise BadRequest(translated(_("The request body must be a JSON object."))) from None


def parse_query_param(self, idx_name, idx_query):
    """plone.restapi's @search: a global parameter of the wrong type
    (``sort_limit=abc``) is a 400 naming it."""
    try:
        return self._old_parse_query_param(idx_name, idx_query)
    except (ValueError, TypeError):
        raise BadRequest(
            translated(_("${name} has a value of the wrong type.", mapping={"name": idx_name}))
        ) from None


def batch_init(self, request, results):
    """plone.restapi's batches: ``b_size`` below 1 (plone.batching asserts
    it) is a 400."""
    try:
        self._old___init__(request, results)
    except AssertionError:
        raise BadRequest(translated(_("b_size must be a whole number of at least 1."))) from None


def vocabulary_call(self):
    """plone.app.content's ``@@getVocabulary``: a catalog vocabulary asked
    without ``attributes`` answers the UIDs and titles (the brains have no
    ``value``: a 500), and a query, batch or attributes it cannot read is a
    400 with the JSON error shape the view already uses."""
    request = self.request
    if not request.form.get("attributes") and (
        request.form.get("name") in CATALOG_VOCABULARIES or _searches_catalog(self)
    ):
        request.form["attributes"] = json.dumps(["UID", "Title"])
    try:
        return self._old___call__()
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        logger.info("@@getVocabulary refused %r: %s", request.get("QUERY_STRING"), error)
        request.response.setStatus(400)
        request.response.setHeader("Content-Type", "application/json; charset=utf-8")
        return json.dumps(
            {"error": translated(_("The query, batch or attributes cannot be read."))}
        )


CATALOG_VOCABULARIES = {"plone.app.vocabularies.Catalog"}


def _searches_catalog(view):
    try:
        return hasattr(view.get_vocabulary(), "search_catalog")
    except Exception:  # noqa: BLE001 - the view answers its own lookup errors
        return False


def download_get_file(self):
    """plone.namedfile's ``@@download`` and ``@@display-file``: a field that
    holds no single file (a list of attachments, served by
    ``@@attachment/<n>``) is not found, not a 500."""
    file = self._old__getFile()
    if not hasattr(file, "getSize") or not hasattr(file, "contentType"):
        raise NotFound(self, self.fieldname, self.request)
    return file


def history_call(self):
    """CMFEditions' ``@@history`` of an object that is not versioned (a
    petition, a request): not found, not a 500."""
    history = self.repo_tool.getHistoryMetadata(self.context)
    if not hasattr(history, "retrieve"):
        raise NotFound(self.context, "@@history", self.request)
    return self._old___call__()
