"""What site supervision reads from the catalog and the domains do not
index: so the dashboard never loads a guide or a document.

Published items are frozen (a change goes through a working copy, whose
check-in reindexes the original), so these stay true until the next
publication; a successor deleted afterwards leaves ``has_successor`` stale
until the item is reindexed.
"""

from plone.indexer import indexer
from zhengwu.disclosure.item import IDisclosureItem
from zhengwu.guides import completeness
from zhengwu.guides.guide import IServiceGuide
from zhengwu.indexing import metadata


@indexer(IServiceGuide)
def guide_missing(obj):
    """The key elements (field names) the guide lacks."""
    return completeness.missing_fields(obj)


last_reviewed = metadata(IServiceGuide, "last_reviewed")


def _linked(relation):
    return relation is not None and not relation.isBroken()


@indexer(IDisclosureItem)
def has_interpretation(obj):
    """At least one interpretation is linked (解读关联)."""
    return any(_linked(r) for r in obj.interpretations or ())


@indexer(IDisclosureItem)
def has_successor(obj):
    return _linked(obj.superseded_by)


validity_date = metadata(IDisclosureItem, "validity_date")
