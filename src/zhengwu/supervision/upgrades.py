"""Upgrade-step handlers of site supervision (profile zhengwu:default)."""

from plone import api


def index_supervision(context):
    """1004 → 1005: the ``last_published`` index (every object), the ``has_interpretation`` index and the metadata the
    indicators read (``guide_missing``, ``last_reviewed``, ``has_successor``,
    ``validity_date``) are empty until the guides and disclosure items are
    reindexed; one index is named, so only it and the metadata are written."""
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_reindexIndex(ids=["last_published"])
    for brain in catalog.unrestrictedSearchResults(portal_type=["ServiceGuide", "DisclosureItem"]):
        brain._unrestrictedGetObject().reindexObject(idxs=["has_interpretation"])
