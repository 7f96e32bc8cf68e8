"""``@@import-service-guides``: the classic page for bulk imports."""

from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zhengwu import _
from zhengwu.guides import importer
from zhengwu.i18n import translated


ENCODINGS = (("", _("Detect (UTF-8 or GBK)")), ("utf-8", "UTF-8"), ("gb18030", "GBK / GB18030"))


class ImportGuides(BrowserView):
    result = None
    error = None
    encoding = None

    def encodings(self):
        return ENCODINGS

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            upload = self.request.form.get("file")
            encoding = self.request.form.get("encoding") or None
            if encoding not in (None, "utf-8", "gb18030"):
                encoding = None
            if not getattr(upload, "filename", None):
                self.error = translated(_("Choose a CSV or JSON file."), self.request)
            else:
                try:
                    guides, self.encoding = importer.read(
                        upload.read(), upload.filename, encoding, self.request
                    )
                except importer.FileRefused as refused:
                    self.error = translated(refused.message, self.request)
                else:
                    self.result = importer.Importer(self.context, self.request).run(guides)
        return self.index()
