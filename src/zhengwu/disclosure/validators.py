"""Field rules of disclosure items, each failing with one clear sentence."""

from datetime import date
from datetime import datetime
from zhengwu import _
from zoneinfo import ZoneInfo
from zope.schema import ValidationError
import re


# 机关代字〔年份〕序号号 (GB/T 9704-2012 7.2.4): the year in 六角括号 〔〕, the
# sequence without leading zeros and without 第.
DOCUMENT_NUMBER_RE = re.compile(
    r"^(?P<organ>[\u4e00-\u9fffA-Za-z0-9（）()·]+)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d*)号$"
)
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


class InvalidDocumentNumber(ValidationError):
    __doc__ = _(
        "A document number is written 机关代字〔年份〕序号号, such as 示政发〔2026〕12号: "
        "the year in the hexagonal brackets 〔〕, the sequence without leading zeros."
    )


class FutureDate(ValidationError):
    __doc__ = _("The date written on the document cannot be in the future.")


class BadAttachment(ValidationError):
    __doc__ = _(
        "Attachments must be PDF, OFD, Word (DOC, DOCX, WPS), Excel (XLS, XLSX, ET), ZIP, "
        "JPG or PNG files of at most 50 MB."
    )


def today():
    """Today in China, whatever the server's clock zone."""
    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


def check_document_number(value):
    match = DOCUMENT_NUMBER_RE.match(value.strip())
    if match is None or not 1949 <= int(match.group("year")) <= today().year + 1:
        raise InvalidDocumentNumber(value)
    return True


def check_not_future(value):
    if isinstance(value, date) and value > today():
        raise FutureDate(value)
    return True


def check_attachment(value):
    filename = (getattr(value, "filename", None) or "").lower()
    extension = filename.rpartition(".")[2] if "." in filename else ""
    if extension not in ATTACHMENT_EXTENSIONS or value.getSize() > ATTACHMENT_MAX_BYTES:
        raise BadAttachment(filename)
    return True
