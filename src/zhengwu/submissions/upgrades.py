"""Upgrade-step handlers of the submissions room (profile zhengwu:default)."""

from plone import api
from zhengwu.submissions.catalog import indexes_of
from zhengwu.submissions.catalog import unindex_elsewhere
import logging


logger = logging.getLogger("zhengwu.submissions")


def index_records_sparsely(context):
    """1005 → 1006: citizens' records leave the catalog indexes nobody asks
    of them (``submissions/catalog.py``), and a record nobody has taken up
    yet keeps only its tracking number in the full text."""
    catalog = api.portal.get_tool("portal_catalog")
    internal = catalog._catalog
    for portal_type in list(internal.getIndex("portal_type").uniqueValues()):
        brains = catalog.unrestrictedSearchResults(portal_type=portal_type)
        if not brains:
            continue
        wanted = indexes_of(brains[0]._unrestrictedGetObject())
        if wanted is None:
            continue  # not a record: indexed everywhere, as before
        removed = unindex_elsewhere(catalog, portal_type, wanted)
        for brain in brains:
            brain._unrestrictedGetObject().reindexObject(idxs=["SearchableText"])
        logger.info("%s: %d records, %d index entries removed", portal_type, len(brains), removed)
