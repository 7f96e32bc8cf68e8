"""One rule for control characters, on every channel (docs/security.md,
*Input hygiene*).

Removed from every text a citizen or an officer sends: the C0 controls but
tab, line feed and carriage return (``\\x00``–``\\x08``, ``\\x0b``,
``\\x0c``, ``\\x0e``–``\\x1f``), DEL (``\\x7f``), the C1 controls
(``\\x80``–``\\x9f``), lone surrogates (``\\ud800``–``\\udfff``) and the
non-characters U+FFFE and U+FFFF. None of them is text anyone types, none
may stand in an XML document (a .docx letter), and lone surrogates cannot
even be written as UTF-8. A vertical tab or form feed (what Word puts for a
soft line break or a page break when text is pasted) becomes a space (a
line feed would not be allowed in a one-line field such as a title); the
rest are dropped. Removing rather than refusing: the sender cannot see
these characters, so an error naming them would not help them.

``clean`` is applied at intake (public submissions, ``zhengwu.submissions
.intake``), to every text field of every content object when it is added
or modified (``content_saved``: REST, classic forms, plone.api and scripts
alike fire those events), to workflow comments (``transition_comment``),
and once more when a letter is written (``zhengwu.requests.docx``), the
last line.
"""

from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from zope.schema import getFieldsInOrder
import re


_LINE_BREAKS = re.compile("[\x0b\x0c]")
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text):
    """``text`` without the forbidden characters (None and non-strings are
    returned as they are)."""
    if not isinstance(text, str) or not _needs_cleaning(text):
        return text
    return _FORBIDDEN.sub("", _LINE_BREAKS.sub(" ", text))


def _needs_cleaning(text):
    return _FORBIDDEN.search(text) is not None or _LINE_BREAKS.search(text) is not None


def cleaned(value):
    """A field's value cleaned: strings, rich text, and the strings inside
    lists, tuples, sets and dicts (rows of a data grid); anything else
    unchanged. The same object when nothing changes."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, RichTextValue):
        raw = value.raw
        if isinstance(raw, str) and _needs_cleaning(raw):
            return RichTextValue(clean(raw), value.mimeType, value.outputMimeType, value.encoding)
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [cleaned(item) for item in value]
        if any(new is not old for new, old in zip(items, value, strict=True)):
            return type(value)(items)
        return value
    if isinstance(value, dict):
        items = [(cleaned(key), cleaned(item)) for key, item in value.items()]
        if any(
            new_key is not key or new is not item
            for (new_key, new), (key, item) in zip(items, value.items(), strict=True)
        ):
            return type(value)(items)
        return value
    return value


def content_saved(obj, event=None):
    """Every field of ``obj``'s schemata (its behaviors' too) cleaned in
    place, and the file names of its files. Fields are read and written as
    their schema says (behaviors may store elsewhere)."""
    for schema in iterSchemata(obj):
        adapted = schema(obj, None)
        if adapted is None:
            continue
        for name, field in getFieldsInOrder(schema):
            if field.readonly:
                continue
            value = getattr(adapted, name, None)
            _clean_filenames(value)
            new = cleaned(value)
            if new is not value:
                setattr(adapted, name, new)


def _clean_filenames(value):
    files = value if isinstance(value, (list, tuple)) else [value]
    for item in files:
        filename = getattr(item, "filename", None)
        if isinstance(filename, str) and _needs_cleaning(filename):
            item.filename = clean(filename)


def transition_comment(obj, event):
    """A workflow comment (review comments, reasons) cleaned before
    DCWorkflow writes it to the history: the event carries the very dict
    the transition reads."""
    kwargs = getattr(event, "kwargs", None)
    if isinstance(kwargs, dict) and isinstance(kwargs.get("comment"), str):
        kwargs["comment"] = clean(kwargs["comment"])
