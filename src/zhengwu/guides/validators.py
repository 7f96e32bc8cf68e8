"""Field rules of service guides, each failing with one clear sentence."""

from zhengwu import _
from zhengwu import clock
from zhengwu import phones
from zope.schema import ValidationError
import re


URL_RE = re.compile(r"^https?://[^\s/?#.]+(?:\.[^\s/?#.]+)*(?::\d{1,5})?(?:[/?#]\S*)?$", re.I)
ITEM_CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,63}$")


class InvalidPhone(ValidationError):
    __doc__ = _(
        "Write a Chinese phone number, such as 0571-87654321, 13812345678 or 12345; "
        "separate several numbers with 、."
    )


class InvalidURL(ValidationError):
    __doc__ = _("The online address must be a full web address starting with http:// or https://.")


class FutureCheck(ValidationError):
    __doc__ = _("The date the guide was last checked cannot be in the future.")


class InvalidItemCode(ValidationError):
    __doc__ = _("The implementation code has only letters, digits and hyphens (at most 64).")


def check_phone(value):
    if not phones.are_numbers(value):
        raise InvalidPhone(value)
    return True


def check_url(value):
    if not URL_RE.match(value.strip()):
        raise InvalidURL(value)
    return True


def check_item_code(value):
    if not ITEM_CODE_RE.match(value.strip()):
        raise InvalidItemCode(value)
    return True


def check_checked_date(value):
    if value > clock.today():
        raise FutureCheck(value)
    return True
