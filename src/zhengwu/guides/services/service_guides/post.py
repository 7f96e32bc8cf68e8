"""POST <folder>/@service-guides: administrators import guides from a file.

Body: ``{"file": {"data": "…", "encoding": "base64", "filename":
"guides.csv"}, "encoding": "gb18030"}`` (the text encoding is optional:
UTF-8 or GBK is detected), or ``{"guides": [...]}`` in the REST format.
The answer reports each row as created, updated or refused, with reasons.
"""

from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zhengwu import _
from zhengwu.files import json_file
from zhengwu.guides import importer
from zope.i18n import translate
from zope.interface import alsoProvides
import plone.protect.interfaces


class ServiceGuidesImport(Service):
    def _bad(self, message, field=None):
        self.request.response.setStatus(400)
        return {
            "error": {
                "type": "BadRequest",
                "field": field,
                "message": translate(message, context=self.request),
            }
        }

    def reply(self):
        # Token-authenticated REST call: no CSRF form token to check.
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except Exception:  # noqa: BLE001 - any unparsable body
            return self._bad(_("The request body is not valid JSON."))
        if not isinstance(data, dict):
            return self._bad(_("The request body must be a JSON object."))
        try:
            if "guides" in data:
                guides, used = importer.guide_list(data), None
            else:
                guides, used = self._file(data)
        except importer.FileRefused as refused:
            return self._bad(refused.message, "file")
        if guides is None:
            return self._bad(_("Send a file or a list of guides."), "file")
        result = importer.Importer(self.context, self.request).run(guides)
        result["encoding"] = used
        return result

    def _file(self, data):
        upload = data.get("file")
        if upload is None:
            return None, None
        try:
            raw, filename, _content_type = json_file(upload)
        except ValueError:
            raise importer.FileRefused(
                _('Send the file as {"data": "…", "encoding": "base64", "filename": "…"}.')
            ) from None
        encoding = data.get("encoding")
        if encoding is not None and not isinstance(encoding, str):
            raise importer.FileRefused(_("The encoding is a name such as utf-8 or gbk."))
        return importer.read(raw, filename, encoding or None, self.request)
