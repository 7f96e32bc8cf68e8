"""Checks of the fields citizens fill in on every public form: a phone
where they can be reached, an identity document's number."""

from zhengwu import _
from zhengwu import phones
from zope import schema
import re


class InvalidIdNumber(schema.ValidationError):
    __doc__ = _("An ID number has 15 or 18 characters, digits and a final X.")


class InvalidPhone(schema.ValidationError):
    __doc__ = _(
        "Enter a phone number where we can reach you, such as 13812345678 or 0571-87654321."
    )


def check_phone(value):
    if not phones.is_number(value):
        raise InvalidPhone(value)
    return True


def check_id_number(value):
    # 居民身份证 (18, last may be X), old 15-digit cards, or other documents'
    # numbers of 6 to 20 letters and digits (passports, permits).
    if not re.fullmatch(r"[0-9A-Za-z]{6,20}", value.strip()):
        raise InvalidIdNumber(value)
    return True


# GB 11643-1999: weights and check characters of the 18-character number.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECKS = "10X98765432"


class InvalidResidentId(schema.ValidationError):
    __doc__ = _("A resident identity card number has 18 characters and a valid check character.")


def check_resident_id(value):
    """An 18-character resident identity card number with its check character."""
    value = value.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        raise InvalidResidentId(value)
    total = sum(int(d) * w for d, w in zip(value[:17], _WEIGHTS, strict=True))
    if _CHECKS[total % 11] != value[17]:
        raise InvalidResidentId(value)
    return True
