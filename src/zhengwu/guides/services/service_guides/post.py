"""POST <folder>/@service-guides: administrators import guides from a file.

Body: ``{"file": {"data": "…", "encoding": "base64", "filename":
"guides.csv"}, "encoding": "gb18030"}`` (the text encoding is optional:
UTF-8 or GBK is detected), or ``{"guides": [...]}`` in the REST format.
The answer reports each row as created, updated or refused, with reasons;
a file that cannot be read at all is a 400 naming ``file``.
"""

from zhengwu import _
from zhengwu.files import json_file
from zhengwu.guides import importer
from zhengwu.rest import json_body
from zhengwu.rest import Service
from zope.interface import alsoProvides
import plone.protect.interfaces


class ServiceGuidesImport(Service):
    def reply(self):
        # Token-authenticated REST call: no CSRF form token to check.
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_body(self.request)
        if "guides" in data:
            guides, used = importer.guide_list(data), None
        else:
            guides, used = self._file(data)
        if guides is None:
            raise importer.FileRefused(_("Send a file or a list of guides."))
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
