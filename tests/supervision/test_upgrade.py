"""A site installed before site supervision gets its index and metadata
from the upgrade handler."""

from Products.CMFCore.indexing import processQueue
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from zhengwu.supervision.upgrades import index_supervision
import Missing


def test_the_handler_fills_the_new_index_and_metadata(portal):
    catalog = portal.portal_catalog
    item = make_disclosure_item(make_catalog(portal), "published")
    guide = make_guide(portal["zh-cn"]["dept"], "published")
    processQueue()  # indexed now, not at the end of the transaction
    internal = catalog._catalog
    for obj in (item, guide):  # as on a site indexed before supervision
        rid = internal.uids["/".join(obj.getPhysicalPath())]
        record = list(internal.data[rid])
        for name in ("guide_missing", "last_reviewed", "has_successor", "validity_date"):
            record[internal.schema[name]] = Missing.Value
        internal.data[rid] = tuple(record)
    catalog._catalog.getIndex("has_interpretation").unindex_object(
        internal.uids["/".join(item.getPhysicalPath())]
    )
    assert len(catalog.unrestrictedSearchResults(has_interpretation=False)) == 0
    index_supervision(None)
    assert len(catalog.unrestrictedSearchResults(has_interpretation=False)) == 1
    (brain,) = catalog.unrestrictedSearchResults(UID=guide.UID())
    assert brain.guide_missing == () and brain.last_reviewed == guide.last_reviewed
    (brain,) = catalog.unrestrictedSearchResults(UID=item.UID())
    assert brain.has_successor is False
