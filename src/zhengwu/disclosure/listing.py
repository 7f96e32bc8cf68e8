"""One catalog entry as JSON (the listing, the export) from catalog metadata
alone: a page of results never wakes an object."""

from DateTime import DateTime
from zhengwu.disclosure import topics
from zhengwu.disclosure.genres import GENRES
from zhengwu.disclosure.genres import VALIDITY
from zhengwu.i18n import translated
from zoneinfo import ZoneInfo


CHINA = ZoneInfo("Asia/Shanghai")
FIELDS = (
    "index_number",
    "title",
    "issuing_organ",
    "document_number",
    "written_date",
    "publication_date",
    "topic",
    "genre",
    "validity",
    "@id",
)


def _date(value):
    if isinstance(value, DateTime):
        if value.year() <= 1000:  # Plone's "no date" floor
            return None
        return value.asdatetime().astimezone(CHINA).date().isoformat()
    return value.isoformat() if value else None


class EntryWriter:
    """Turns brains into entries; titles are looked up once per request."""

    def __init__(self, request, organ_titles):
        self.request = request
        self.organs = organ_titles
        self.genres = {v: translated(t, request) for v, t in GENRES}
        self.validity = {v: translated(t, request) for v, t in VALIDITY}

    def _term(self, token, titles):
        if not token:
            return None
        return {"token": token, "title": titles.get(token, token)}

    def entry(self, brain):
        topic = brain.topic
        return {
            "@id": brain.getURL(),
            "index_number": brain.index_number,
            "title": brain.Title,
            "description": brain.Description,
            "issuing_organ": self._term(brain.issuing_organ, self.organs),
            "document_number": brain.document_number,
            "written_date": _date(brain.written_date),
            "publication_date": _date(brain.effective),
            "topic": {"token": topic, "title": topics.topic_title(topic)} if topic else None,
            "genre": self._term(brain.genre, self.genres),
            "validity": self._term(brain.validity, self.validity),
        }

    def row(self, brain):
        """The entry flattened for CSV: titles instead of tokens."""
        entry = self.entry(brain)
        flat = []
        for name in FIELDS:
            value = entry[name]
            if isinstance(value, dict):
                value = value["title"]
            flat.append(value or "")
        return flat
