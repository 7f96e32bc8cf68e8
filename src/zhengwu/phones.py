"""Chinese phone numbers, as departments and service guides print them."""

import re


# A mobile (13812345678), a landline with or without its area code and
# extension (0571-87654321, (0571)87654321, 87654321转8001), a government
# hotline (12345, 12315, 12366) or a national service number (95598,
# 400-123-4567); an optional +86 in front.
NUMBER_RE = re.compile(
    r"^(?:\+?86[ -]?)?(?:"
    r"1[3-9]\d{9}"
    r"|(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-?)?\d{7,8}(?:(?:转|-|ext\.?)\d{1,6})?"
    r"|12\d{3}"
    r"|95\d{3,6}"
    r"|[48]00-?\d{3}-?\d{4}"
    r")$"
)
SEPARATORS = re.compile(r"\s*[、，,；;/]\s*")


def is_number(value):
    """One phone number (spaces inside are ignored)."""
    return bool(NUMBER_RE.match("".join(value.split())))


def are_numbers(value):
    """One or more numbers separated by 、，,；; or /."""
    numbers = [n for n in SEPARATORS.split(value.strip()) if n]
    return bool(numbers) and all(is_number(n) for n in numbers)
