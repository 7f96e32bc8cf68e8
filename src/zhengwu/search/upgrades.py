"""Upgrade steps of the search page (profile 1006 → 1007)."""

from plone import api
import logging


logger = logging.getLogger("zhengwu.search")

# The indexes profiles/default/catalog.xml declares for the search page.
PAGE_INDEXES = (
    ("search_kind", "FieldIndex"),
    ("search_department", "FieldIndex"),
    ("search_date", "DateIndex"),
)


def add_page_indexes(setup_tool=None):
    """Add the search page's indexes to an existing site's catalog and fill
    them (only them: the other indexes are not rebuilt)."""
    catalog = api.portal.get_tool("portal_catalog")
    added = []
    for name, meta_type in PAGE_INDEXES:
        if name not in catalog.indexes():
            catalog.addIndex(name, meta_type)
            added.append(name)
    if added:
        logger.info("Filling the indexes %s", ", ".join(added))
        catalog.manage_reindexIndex(ids=added)
    return added
