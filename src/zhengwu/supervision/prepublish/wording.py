"""Wording (校对): expressions an administrator forbids or wants reviewed.

A list line is ``expression`` or ``expression|what to write instead`` (the
full-width ｜ works too). Matching ignores case and white space inside the
text (a line break in the middle of 北朝鲜 still finds it).
"""

from dataclasses import dataclass
import re


EXCERPT = 12
# A line break between two Chinese characters is no space in the text.
_CJK = "\u3000-\u9fff\uff00-\uffef"
CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")


@dataclass(frozen=True)
class Expression:
    text: str
    hint: str = ""


@dataclass(frozen=True)
class Occurrence:
    expression: Expression
    excerpt: str


def expressions(lines):
    """The ``Expression``s of the setting's lines (blank lines ignored)."""
    found = []
    for line in lines or ():
        text, _bar, hint = (line or "").replace("｜", "|").partition("|")
        text = text.strip()
        if text:
            found.append(Expression(text, hint.strip()))
    return found


def occurrences(text, listed):
    """Each listed expression in ``text`` (once each), with an excerpt."""
    if not text:
        return []
    flat = CJK_GAP.sub("", " ".join(text.split()))
    found = []
    for expression in listed:
        pattern = r"\s*".join(re.escape(char) for char in expression.text if not char.isspace())
        match = re.search(pattern, flat, re.IGNORECASE)
        if match:
            found.append(Occurrence(expression, excerpt(flat, *match.span())))
    return found


def excerpt(text, start, end, around=EXCERPT):
    before = text[max(0, start - around) : start]
    after = text[end : end + around]
    return (
        ("…" if start > around else "")
        + before
        + text[start:end]
        + after
        + ("…" if end + around < len(text) else "")
    )
