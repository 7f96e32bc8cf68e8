"""What a query means: the text to search for, the words to highlight,
suggestions when nothing is found and the correction applied.

A stand-in with the agreed API until the word-segmentation work lands
(the query is searched as typed)."""

from dataclasses import dataclass
from dataclasses import field


@dataclass
class Understood:
    query: str  # what to pass as SearchableText ("" if nothing searchable)
    words: list[str] = field(default_factory=list)  # words to highlight
    suggestions: list[str] = field(default_factory=list)  # what to propose when nothing is found
    corrected: str | None = None  # the corrected query, when a correction was applied


def understand(text: str) -> Understood:
    text = (text or "").strip()
    return Understood(query=text, words=text.split(), suggestions=[], corrected=None)
