"""Settings of the search (registry prefix ``zhengwu.search``; the control
panel ``@@zhengwu-search``; docs/search.md). Read through ``site_lists``:
outside a site (a unit test, a script) the shipped defaults."""

from pathlib import Path
from zhengwu import _
from zope import schema
from zope.interface import Interface
from zope.schema import ValidationError
import re


PREFIX = "zhengwu.search"
DATA = Path(__file__).parent / "data"
# Words of one line: separated by spaces, commas, slashes, 、 or =.
SEPARATORS = re.compile(r"[\s,，/／、=＝;；|]+")
ARROW = re.compile(r"\s*(?:->|→|=>|=|＝|\s)\s*")


def _shipped(name):
    return [
        line.strip()
        for line in (DATA / name).read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def words_of(line):
    return [word for word in SEPARATORS.split(line or "") if word]


def correction_of(line):
    """``(wrong, right)`` of a correction line (``公基金 公积金``,
    ``公基金 → 公积金``), or None."""
    parts = [part for part in ARROW.split((line or "").strip(), maxsplit=1) if part]
    if len(parts) != 2 or parts[0] == parts[1]:
        return None
    return parts[0], parts[1]


class InvalidSynonymLine(ValidationError):
    __doc__ = _("Write at least two words on a line of synonyms, e.g. 社保 社会保险.")


class InvalidCorrectionLine(ValidationError):
    __doc__ = _("Write the wrong spelling, then the right one, e.g. 公基金 公积金.")


class InvalidWord(ValidationError):
    __doc__ = _("Write one word per line, without spaces.")


def check_word(value):
    if len(words_of(value)) != 1:
        raise InvalidWord(value)
    return True


def check_synonyms(value):
    if len(words_of(value)) < 2:
        raise InvalidSynonymLine(value)
    return True


def check_correction(value):
    if correction_of(value) is None:
        raise InvalidCorrectionLine(value)
    return True


class ISearchSettings(Interface):
    user_words = schema.List(
        title=_("Words of this site"),
        description=_(
            "Names and terms the search should keep as one word (new departments, "
            "programmes, place names), one per line. Saving reindexes the full text."
        ),
        value_type=schema.TextLine(constraint=check_word),
        required=False,
        default=[],
    )
    synonyms = schema.List(
        title=_("Synonyms"),
        description=_(
            "One group per line, words separated by spaces: a search for one "
            "finds the others (社保 社会保险)."
        ),
        value_type=schema.TextLine(constraint=check_synonyms),
        required=False,
        default=_shipped("synonyms.txt"),
    )
    corrections = schema.List(
        title=_("Corrections"),
        description=_(
            "Frequent misspellings, one per line: the wrong spelling, then the right "
            "one (公基金 公积金). The search looks for the right one and says so."
        ),
        value_type=schema.TextLine(constraint=check_correction),
        required=False,
        default=_shipped("corrections.txt"),
    )


def site_lists():
    """``(user_words, synonyms, corrections)`` lines of the current site,
    or the shipped defaults outside one."""
    try:
        from plone.registry.interfaces import IRegistry
        from zope.component import queryUtility

        registry = queryUtility(IRegistry)
    except ImportError:  # pragma: no cover
        registry = None
    fields = ISearchSettings
    values = []
    for name in ("user_words", "synonyms", "corrections"):
        value = None
        if registry is not None:
            value = registry.get(f"{PREFIX}.{name}")
        if value is None:
            value = fields[name].default
        values.append(tuple(value or ()))
    return tuple(values)
