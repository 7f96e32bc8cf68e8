"""The State Council subject classification (主题分类) as a taxonomy.

The 22 first-level categories and their second levels ship in
``data/subject-classification.json``; their codes are positional (two digits
per level: ``04`` 财政、金融、审计, ``0402`` 税务) and therefore stable as long
as the file only grows at the end of a list. Administrators extend the
taxonomy in the disclosure control panel with lines ``code 名称``: a 2-digit
code adds a first-level category, a 4-digit code a second level under an
existing first level.
"""

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from zhengwu.vocabulary_extensions import extension_lines
from zhengwu.vocabulary_extensions import line_pattern
from zhengwu.vocabulary_extensions import parse_extension
import json


DATA = Path(__file__).parent / "data"
EXTENSION_RECORD = "zhengwu.disclosure.extra_topics"
LINE_RE = line_pattern(r"\d{2}|\d{4}")


class Topic(NamedTuple):
    code: str
    title: str
    parent: str | None  # the first-level code of a second-level topic

    @property
    def first_level(self):
        return self.parent or self.code


@lru_cache(maxsize=1)
def base_topics():
    data = json.loads((DATA / "subject-classification.json").read_text("utf-8"))
    topics = []
    for i, category in enumerate(data["categories"], start=1):
        code = f"{i:02d}"
        topics.append(Topic(code, category["title"], None))
        for j, child in enumerate(category["children"], start=1):
            topics.append(Topic(f"{code}{j:02d}", child, code))
    return tuple(topics)


@lru_cache(maxsize=8)
def _merged(extension_lines):
    topics = {topic.code: topic for topic in base_topics()}
    for line in extension_lines:
        try:
            code, title = parse_extension(line, LINE_RE)
        except ValueError:
            continue  # the control panel refuses such lines; never break a page
        parent = code[:2] if len(code) == 4 else None
        if code in topics or (parent and parent not in topics):
            continue
        topics[code] = Topic(code, title, parent)
    # First levels in code order, each followed by its second levels.
    return tuple(
        sorted(topics.values(), key=lambda t: (t.first_level, t.parent is not None, t.code))
    )


@lru_cache(maxsize=8)
def _by_code(extension_lines):
    # Shared between callers (a listing asks per row): read it, never change it.
    return {topic.code: topic for topic in _merged(extension_lines)}


def all_topics():
    """Every topic, first levels each followed by their children."""
    return _merged(extension_lines(EXTENSION_RECORD))


def topics_by_code():
    """Code → topic, in the order of ``all_topics``."""
    return _by_code(extension_lines(EXTENSION_RECORD))


def topics_by_code_for(lines):
    """``topics_by_code`` with these extension lines."""
    return _by_code(lines)


def topic_title(code, full=True):
    """``财政、金融、审计 › 税务`` (or only ``税务`` with ``full=False``)."""
    return topic_title_in(topics_by_code(), code, full)


def topic_title_in(topics, code, full=True):
    """``topic_title`` from ``topics`` (code → topic)."""
    topic = topics.get(code)
    if topic is None:
        return code or ""
    if full and topic.parent and topic.parent in topics:
        return f"{topics[topic.parent].title} › {topic.title}"
    return topic.title


def index_values(code):
    """What the topic index holds for an item: its code and its first level,
    so filtering by a first-level category finds its second levels too."""
    if not code:
        return ()
    return (code,) if len(code) == 2 else (code[:2], code)


def search_terms():
    """The subject classification's titles, each one word for the search's
    dictionary (registered as ``zhengwu.search.terms.ISearchTerms``)."""
    return [topic.title for topic in base_topics()]
