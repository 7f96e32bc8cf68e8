"""Attached files: the rule for what may be attached (office, OFD, PDF,
archive and image formats, 50 MB at most, so nothing executable is served
from the site), plone.restapi's file format read once for every channel,
the download of the n-th file of a list field, and that list's REST JSON."""

from plone.dexterity.interfaces import IDexterityContent
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.interfaces import INamedFileField
from plone.namedfile.utils import safe_basename
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zhengwu import _
from zhengwu.interfaces import IZhengwuLayer
from zope.component import adapter
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse
from zope.schema import ValidationError
from zope.schema.interfaces import IList
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
    attachments need); subclasses serve another list field."""

    field = "attachments"
    position = None

    def publishTraverse(self, request, name):
        if self.position is None:
            try:
                self.position = int(name)
            except ValueError:
                raise NotFound(name) from None
        return self

    def __call__(self):
        files = getattr(self.context, self.field, None) or []
        if self.position is None or not 0 <= self.position < len(files):
            raise NotFound(self.position)
        blob = files[self.position]
        set_headers(blob, self.request.response, filename=blob.filename)
        return stream_data(blob)


def download_view(field_name):
    """The view that serves a list of files: ``@@attachment`` for the
    ``attachments`` of every type, ``@@<field-name>`` for any other list."""
    return "attachment" if field_name == "attachments" else field_name.replace("_", "-")


def file_entries(obj, field_name="attachments"):
    """The files of a list field as plone.restapi describes a file, each
    with its download URL (the view checks the permission again)."""
    base = obj.absolute_url()
    view = download_view(field_name)
    return [
        {
            "filename": f.filename,
            "content-type": f.contentType,
            "size": f.getSize(),
            "download": f"{base}/@@{view}/{n}/{f.filename}",
        }
        for n, f in enumerate(getattr(obj, field_name, None) or [])
    ]


@implementer(IFieldSerializer)
@adapter(IList, IDexterityContent, IZhengwuLayer)
class FileListFieldSerializer(DefaultFieldSerializer):
    """A list of files in REST JSON: names, sizes and download links (a
    blob itself has no JSON form)."""

    def __call__(self):
        if INamedFileField.providedBy(getattr(self.field, "value_type", None)):
            return file_entries(self.context, self.field.__name__)
        return super().__call__()
