"""The lines of text a search result shows: the text around the first
query word, every query word marked (``<mark>``), everything else escaped
(docs/search.md).

The text is what the catalog indexed for the item (its ``SearchableText``
indexer), so a snippet never shows what a search could not find: the
indexers of citizens' records leave their personal fields out.
"""

from Acquisition import aq_base
from html import escape
from plone.indexer.interfaces import IIndexer
from zope.component import queryMultiAdapter
import re


BEFORE = 30  # characters shown before the first word found
WIDTH = 120  # characters of a snippet
ELLIPSIS = "…"


def indexed_text(obj, catalog):
    """The item's full text as the catalog indexes it, without the id and
    title it starts with (the result shows the title above it)."""
    indexer = queryMultiAdapter((obj, catalog), IIndexer, name="SearchableText")
    if indexer is not None:
        text = indexer()
    else:
        method = getattr(aq_base(obj), "SearchableText", None)
        text = method() if callable(method) else ""
    if isinstance(text, (list, tuple)):
        text = " ".join(t for t in text if isinstance(t, str))
    text = " ".join((text or "").split())
    for prefix in (getattr(obj, "id", None), getattr(aq_base(obj), "title", None)):
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :].lstrip()
    # A summary that the text repeats (as a first paragraph) is shown once.
    description = " ".join((getattr(aq_base(obj), "description", None) or "").split())
    if description and text.startswith(description) and description in text[len(description) :]:
        text = text[len(description) :].lstrip()
    return text


def pattern(words):
    """A regular expression matching any of ``words``, longest first (so
    住房公积金 is marked whole, not as 住房), ignoring case."""
    words = sorted({w for w in words if w and w.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def highlight(text, words):
    """``text`` escaped for HTML, with ``words`` in ``<mark>``."""
    found = pattern(words)
    if found is None:
        return escape(text)
    out = []
    position = 0
    for match in found.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def snippet(text, words, width=WIDTH):
    """About ``width`` characters of ``text`` around the first of ``words``
    (the beginning when none is in it), highlighted and escaped."""
    if not text:
        return ""
    found = pattern(words)
    match = found.search(text) if found is not None else None
    start = max(0, match.start() - BEFORE) if match else 0
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))
    fragment = text[start:end]
    return (
        (ELLIPSIS if start else "")
        + highlight(fragment, words)
        + (ELLIPSIS if end < len(text) else "")
    )
