"""Attached files: the rule for what may be attached (office, OFD, PDF,
archive and image formats, 50 MB at most, so nothing executable is served
from the site), plone.restapi's file format read once for every channel,
and the download of the n-th file of a list field."""

from plone.namedfile.file import NamedBlobFile
from plone.namedfile.utils import safe_basename
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zhengwu import _
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse
from zope.schema import ValidationError
import base64
import binascii


ATTACHMENT_EXTENSIONS = (
    "pdf",
    "ofd",
    "doc",
    "docx",
    "wps",
    "xls",
    "xlsx",
    "et",
    "zip",
    "jpg",
    "png",
)
ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024


class BadAttachment(ValidationError):
    __doc__ = _(
        "Attachments must be PDF, OFD, Word (DOC, DOCX, WPS), Excel (XLS, XLSX, ET), ZIP, "
        "JPG or PNG files of at most 50 MB."
    )


def check_attachment(value):
    filename = (getattr(value, "filename", None) or "").lower()
    extension = filename.rpartition(".")[2] if "." in filename else ""
    if extension not in ATTACHMENT_EXTENSIONS or value.getSize() > ATTACHMENT_MAX_BYTES:
        raise BadAttachment(filename)
    return True


def json_file(value):
    """``(data, filename, content_type)`` of a file in plone.restapi's format
    (``{"data", "encoding", "filename", "content-type"}``); ValueError when
    it is not one."""
    if not isinstance(value, dict) or not isinstance(value.get("data"), str):
        raise ValueError(value)
    data = value["data"].encode("utf-8")
    if value.get("encoding") == "base64":
        try:
            data = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(value) from None
    elif value.get("encoding") not in (None, "utf-8", "utf8"):
        raise ValueError(value)
    filename = safe_basename(str(value.get("filename") or "file"))
    return data, filename, str(value.get("content-type") or "application/octet-stream")


def blob_from_json(value):
    """A blob file from plone.restapi's format (None when it is empty)."""
    data, filename, content_type = json_file(value)
    if not data:
        return None
    return NamedBlobFile(data=data, filename=filename, contentType=content_type)


@implementer(IPublishTraverse)
class AttachmentDownload(BrowserView):
    """``@@attachment/<n>/<filename>``: the n-th file of the context's
    ``attachments`` (registered per type, with the permission that type's
    attachments need)."""

    position = None

    def publishTraverse(self, request, name):
        if self.position is None:
            try:
                self.position = int(name)
            except ValueError:
                raise NotFound(name) from None
        return self

    def __call__(self):
        files = self.context.attachments or []
        if self.position is None or not 0 <= self.position < len(files):
            raise NotFound(self.position)
        blob = files[self.position]
        set_headers(blob, self.request.response, filename=blob.filename)
        return stream_data(blob)
