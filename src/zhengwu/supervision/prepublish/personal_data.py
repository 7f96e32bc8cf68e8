"""Personal data that must not be published by mistake (个人信息保护法
Article 28: ID numbers and financial accounts are sensitive personal data):

- 18-character resident ID numbers with a valid GB 11643-1999 check
  character (``zhengwu.submissions.fields.check_resident_id``, the check the
  public forms use) and a real date of birth;
- mobile numbers (``1[3-9]`` and nine digits, with an optional +86 and
  3-4-4 spaces or hyphens);
- bank card numbers: 16 to 19 digits (together or in groups of four) that
  pass the Luhn check, and are not an ID number.

A number is found only where no digit or letter touches it, so a number
inside a longer one (a credit code, an index number) is not found; nor is
a mobile or card number inside a web address (an article's id), while an
ID number is found everywhere. What is
found is reported masked: the reviewers see where, not the number again.
"""

from dataclasses import dataclass
from datetime import date
from zhengwu.submissions.fields import check_resident_id
from zhengwu.submissions.fields import InvalidResidentId
import re


RESIDENT_ID = "resident_id"
MOBILE = "mobile"
BANK_CARD = "bank_card"

_EDGE_BEFORE = r"(?<![0-9A-Za-z])"
_EDGE_AFTER = r"(?![0-9A-Za-z])"
ID_RE = re.compile(_EDGE_BEFORE + r"(\d{17}[\dXx])" + _EDGE_AFTER)
MOBILE_RE = re.compile(
    r"(?:(?<=\+86)|(?<=\+86[ -])|(?<![0-9A-Za-z+]))"
    r"(?:(?<!\+)86[ -]?)?"
    r"(1[3-9]\d)([ -]?)(\d{4})\2(\d{4})" + _EDGE_AFTER
)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s\"'<>，。；、）)]+", re.IGNORECASE)
CARD_RE = re.compile(
    _EDGE_BEFORE
    + r"(\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?|\d{6}[ -]\d{13})"
    + _EDGE_AFTER
)


@dataclass(frozen=True)
class Found:
    kind: str
    masked: str
    start: int
    end: int


def is_resident_id(value):
    value = value.strip().upper()
    try:
        check_resident_id(value)
    except InvalidResidentId:
        return False
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year


def luhn(digits):
    total = 0
    for index, digit in enumerate(reversed(digits)):
        number = int(digit)
        if index % 2:
            number *= 2
            if number > 9:
                number -= 9
        total += number
    return total % 10 == 0


def mask(value, head, tail):
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


def find(text):
    """Every ``Found`` in ``text``, in order."""
    found = []
    urls = [match.span() for match in URL_RE.finditer(text)]
    taken = []
    for match in ID_RE.finditer(text):
        if is_resident_id(match.group(1)):
            found.append(Found(RESIDENT_ID, mask(match.group(1).upper(), 6, 4), *match.span(1)))
            taken.append(match.span(1))
    for match in CARD_RE.finditer(text):
        digits = re.sub(r"[ -]", "", match.group(1))
        if _overlaps(match.span(1), taken + urls):
            continue
        if 16 <= len(digits) <= 19 and luhn(digits):
            found.append(Found(BANK_CARD, mask(digits, 4, 4), *match.span(1)))
            taken.append(match.span(1))
    for match in MOBILE_RE.finditer(text):
        number = match.group(1) + match.group(3) + match.group(4)
        if not _overlaps(match.span(), taken + urls):
            found.append(Found(MOBILE, mask(number, 3, 4), *match.span()))
    return sorted(found, key=lambda f: f.start)


def _overlaps(span, spans):
    return any(span[0] < end and start < span[1] for start, end in spans)
