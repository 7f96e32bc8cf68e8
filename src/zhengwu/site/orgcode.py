"""Chinese organization identifiers and their check characters.

- 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters;
- 组织机构代码 (organization code), GB 11714-1997: 8 characters and a check
  character, often written ``12345678-9``.

Both carry a check character, so a typo is caught when the department is saved
rather than years later in an index number.
"""

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def normalize(code):
    """Upper-case, without blanks and the hyphen of ``12345678-9``."""
    return "".join((code or "").split()).replace("-", "").upper()


def is_valid_uscc(code):
    code = normalize(code)
    if len(code) != 18 or any(c not in USCC_CHARSET for c in code):
        return False
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(code[:17], USCC_WEIGHTS, strict=False))
    check = (31 - total % 31) % 31
    return USCC_CHARSET[check] == code[17]


def is_valid_organization_code(code):
    code = normalize(code)
    if len(code) != 9 or not code[:8].isalnum() or not code.isascii():
        return False
    total = sum(int(c, 36) * w for c, w in zip(code[:8], ORG_WEIGHTS, strict=False))
    check = 11 - total % 11
    expected = {10: "X", 11: "0"}.get(check, str(check))
    return code[8] == expected


def is_valid_code(code):
    """A department's code: either identifier form."""
    return is_valid_uscc(code) or is_valid_organization_code(code)
