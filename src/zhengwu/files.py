"""The files officials attach to published content (disclosure attachments,
the blank forms and samples of service guides): office, OFD, PDF, archive and
image formats only, 50 MB at most, so nothing executable is served from the site."""

from zhengwu import _
from zope.schema import ValidationError


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
