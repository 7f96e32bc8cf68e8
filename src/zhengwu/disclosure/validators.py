"""Field rules of disclosure items, each failing with one clear sentence."""

from datetime import date
from zhengwu import _
from zhengwu import clock
from zope.schema import ValidationError
import re


# 机关代字〔年份〕序号号 (GB/T 9704-2012 7.2.4): the year in 六角括号 〔〕, the
# sequence without leading zeros and without 第.
DOCUMENT_NUMBER_RE = re.compile(
    r"^(?P<organ>[\u4e00-\u9fffA-Za-z0-9（）()·]+)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d*)号$"
)


class InvalidDocumentNumber(ValidationError):
    __doc__ = _(
        "A document number is written 机关代字〔年份〕序号号, such as 示政发〔2026〕12号: "
        "the year in the hexagonal brackets 〔〕, the sequence without leading zeros."
    )


class FutureDate(ValidationError):
    __doc__ = _("The date written on the document cannot be in the future.")


def check_document_number(value):
    match = DOCUMENT_NUMBER_RE.match(value.strip())
    if match is None or not 1949 <= int(match.group("year")) <= clock.today().year + 1:
        raise InvalidDocumentNumber(value)
    return True


def check_not_future(value):
    if isinstance(value, date) and value > clock.today():
        raise FutureDate(value)
    return True
