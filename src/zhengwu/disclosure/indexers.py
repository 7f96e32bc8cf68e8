"""Catalog indexers of disclosure items: the facets, the index number and the
full text. Only items provide them, so the facet indexes hold nothing else."""

from plone.app.contenttypes.indexers import SearchableText
from plone.indexer import indexer
from zhengwu.disclosure import topics
from zhengwu.disclosure.item import IDisclosureItem
from zhengwu.indexing import metadata
from zhengwu.search.attachments import attachment_text


@indexer(IDisclosureItem)
def index_number(obj):
    return obj.index_number or None


@indexer(IDisclosureItem)
def disclosure_topic(obj):
    return topics.index_values(obj.topic)


@indexer(IDisclosureItem)
def disclosure_organ(obj):
    return obj.issuing_organ


@indexer(IDisclosureItem)
def disclosure_genre(obj):
    return obj.genre


@indexer(IDisclosureItem)
def disclosure_kind(obj):
    return getattr(obj, "document_kind", None)


@indexer(IDisclosureItem)
def disclosure_validity(obj):
    return obj.validity or "valid"


@indexer(IDisclosureItem)
def disclosure_year(obj):
    published = obj.publication_date
    return published.year if published else None


written_date = metadata(IDisclosureItem, "written_date")
document_number = metadata(IDisclosureItem, "document_number")
topic = metadata(IDisclosureItem, "topic")
genre = metadata(IDisclosureItem, "genre")
issuing_organ = metadata(IDisclosureItem, "issuing_organ")
validity = metadata(IDisclosureItem, "validity")


@indexer(IDisclosureItem)
def searchable_text(obj):
    """Title, summary, text, numbers and keywords: what a citizen types;
    then the text of the attachments (zhengwu.search.attachments)."""
    parts = [
        SearchableText(obj),
        obj.index_number or "",
        obj.document_number or "",
        topics.topic_title(obj.topic),
        attachment_text(getattr(obj, "attachments", None)),
    ]
    return " ".join(p for p in parts if p)
