"""Attached files: the rule for what may be attached (office, OFD, PDF,
archive and image formats, 50 MB at most, so nothing executable is served
from the site), plone.restapi's file format read once for every channel,
the download of the n-th file of a list field, and that list's REST JSON.

A file's type is decided here, never taken from the client
(docs/security.md, *Attachment types*): its extension must be on the
allowed list (the setting ``zhengwu.security.attachment_extensions``) and
its first bytes must be that format's (``sniff``); the file is stored with
the content type of its format, and served with it, as a download
(``Content-Disposition: attachment``) and with ``nosniff``.
"""

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
from zhengwu.security.settings import ATTACHMENT_EXTENSIONS
from zhengwu.security.settings import setting
from zhengwu.security.text import clean
from zope.component import adapter
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse
from zope.schema import ValidationError
from zope.schema.interfaces import IList
import base64
import binascii
import zipfile


ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97, Excel 97, WPS, ET
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# extension: (content type, the format's name for sniff)
TYPES = {
    "pdf": ("application/pdf", "pdf"),
    "ofd": ("application/ofd", "ofd"),
    "doc": ("application/msword", "ole"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "wps": ("application/kswps", "ole"),
    "xls": ("application/vnd.ms-excel", "ole"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "et": ("application/kset", "ole"),
    "zip": ("application/zip", "zip"),
    "jpg": ("image/jpeg", "jpeg"),
    "jpeg": ("image/jpeg", "jpeg"),
    "png": ("image/png", "png"),
    "txt": ("text/plain", "text"),
}


class BadAttachment(ValidationError):
    __doc__ = _(
        "Attachments must be PDF, OFD, Word (DOC, DOCX, WPS), Excel (XLS, XLSX, ET), ZIP, "
        "JPG or PNG files of at most 50 MB."
    )


class DisguisedAttachment(ValidationError):
    __doc__ = _(
        "The file's content is not what its name says (a .pdf file must be a PDF document)."
    )


def extension_of(filename):
    filename = (filename or "").lower()
    return filename.rpartition(".")[2] if "." in filename else ""


def allowed_extensions():
    return {
        e.strip().lower().lstrip(".")
        for e in setting("attachment_extensions", ATTACHMENT_EXTENSIONS)
    }


def _bytes_or_blob(value):
    if isinstance(value, bytes) or hasattr(value, "open"):
        return value
    return getattr(value, "data", None) or b""


def _head(value, size=4096):
    value = _bytes_or_blob(value)
    if isinstance(value, bytes):
        return value[:size]
    with value.open() as stream:
        return stream.read(size)


def _zip_names(value):
    """The names in a ZIP archive (empty when it is none)."""
    value = _bytes_or_blob(value)
    try:
        if isinstance(value, bytes):
            from io import BytesIO

            with zipfile.ZipFile(BytesIO(value)) as archive:
                return set(archive.namelist())
        with value.open() as stream, zipfile.ZipFile(stream) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return set()


def sniff(value, kind):
    """Whether ``value`` (bytes, or a blob file) is a file of the format
    ``kind``, by its first bytes (and, for the formats that are ZIP
    archives, the parts the format requires)."""
    head = _head(value)
    if kind == "pdf":
        return b"%PDF" in head[:1024]
    if kind == "ole":
        return head.startswith(OLE)
    if kind == "jpeg":
        return head.startswith(b"\xff\xd8")  # the SOI marker
    if kind == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "text":
        text = head.lstrip(b"\xef\xbb\xbf").lstrip()
        return b"\x00" not in head and not text.startswith(b"<") and _decodes(head)
    if not head.startswith(ZIP):
        return False
    if kind == "zip":
        return True
    names = _zip_names(value)
    required = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "ofd": "OFD.xml"}[kind]
    return required in names


def _decodes(head):
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
        except UnicodeDecodeError as error:
            if error.start >= len(head) - 4:  # a character cut by the 4 KB
                return True
            continue
        return True
    return False


def decide(value, filename):
    """The content type of an attachment named ``filename`` whose content is
    ``value`` (bytes or a blob file): its extension's, when the extension is
    allowed and the content is that format. Raises BadAttachment (not
    allowed) or DisguisedAttachment (the content is another format)."""
    extension = extension_of(filename)
    if extension not in allowed_extensions() or extension not in TYPES:
        raise BadAttachment(filename)
    content_type, kind = TYPES[extension]
    if not sniff(value, kind):
        raise DisguisedAttachment(filename)
    return content_type


def check_attachment(value):
    """The constraint of every attachment field: type and size; the file's
    content type is set to the decided one (what the client said is not
    kept), and its name cleaned of control characters."""
    filename = clean(getattr(value, "filename", None) or "")
    if value.getSize() > ATTACHMENT_MAX_BYTES:
        raise BadAttachment(filename)
    content_type = decide(value, filename)
    if getattr(value, "contentType", None) != content_type:
        value.contentType = content_type
    if value.filename != filename:
        value.filename = filename
    return True


def served_type(blob):
    """The content type to serve a stored attachment with: its format's when
    the extension is known, else a download of bytes (files stored before
    types were decided keep no type a browser would render)."""
    extension = extension_of(getattr(blob, "filename", None))
    if extension in TYPES and blob.contentType == TYPES[extension][0]:
        return blob.contentType
    return "application/octet-stream"


def serve(blob, response):
    """The headers of an attachment download: its decided type, as an
    attachment, never sniffed; then the body."""
    set_headers(blob, response, filename=blob.filename)
    response.setHeader("Content-Type", served_type(blob))
    response.setHeader("X-Content-Type-Options", "nosniff")
    return stream_data(blob)


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
    filename = clean(safe_basename(str(value.get("filename") or "file")))
    return data, filename, str(value.get("content-type") or "application/octet-stream")


def encoded_size(value):
    """How many bytes the file in plone.restapi's format will have once
    decoded, known before decoding it (0 when it is not such a file)."""
    if not isinstance(value, dict) or not isinstance(value.get("data"), str):
        return 0
    if value.get("encoding") == "base64":
        return len(value["data"]) * 3 // 4
    return len(value["data"])


def blob_from_json(value):
    """A blob file from plone.restapi's format (None when it is empty); its
    content type is the one its name and content decide, when they do
    (the field's constraint refuses it otherwise), never the client's."""
    data, filename, _content_type = json_file(value)
    if not data:
        return None
    return NamedBlobFile(data=data, filename=filename, contentType=_decided(data, filename))


def _decided(data, filename):
    try:
        return decide(data, filename)
    except ValidationError:
        return "application/octet-stream"


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
        return serve(files[self.position], self.request.response)


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
