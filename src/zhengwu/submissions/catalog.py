"""Citizens' records in the catalog, written as little as a submission can.

A public submission is the one write of the product that many strangers
make at the same moment, into the same folder. What it writes besides the
record itself is what concurrent submissions fight over
(``docs/operations.md``, *Submissions under load*; measured by
``benchmarks/submission_writes.py``):

- **Only the indexes something asks of records.** Plone indexes every
  object in every index (about 45, ~150 objects per object added). A record
  class names the indexes the product queries for it (``catalog_indexes``:
  worklists, statistics, the annual report, the supervision indicators, the
  status lookup, the published answers on the mailbox and home pages, the
  officers' full-text search) and the catalog indexes it in those only;
  its metadata row stays complete (listings read it). Security indexes
  (``allowedRolesAndUsers``, ``effectiveRange``) are always among them.
- **Adding a record is no change of its folder.** Plone re-indexes a
  folder whenever an item is added to it (``IContainerModifiedEvent``):
  a new modification date, a rewritten catalog row — the same objects for
  every submission, so every two concurrent ones conflicted. Within
  ``adding_record(folder)`` the folder is left as it is.
"""

from Acquisition import aq_base
from contextlib import contextmanager
from zhengwu.submissions.privacy import ICitizenRecord


# Asked of every kind of record: found by UID (tracking numbers, status
# look-ups), by place, type and state (worklists, indicators, listings),
# filtered by security, sorted by date (the published answers on the box
# and home pages, the alarm, feeds), listed in the sitemap once published
# (``is_default_page``), sorted as the folder holds them (computed, never
# written), and the handlers' full-text search.
COMMON_INDEXES = (
    "UID",
    "path",
    "portal_type",
    "review_state",
    "allowedRolesAndUsers",
    "effectiveRange",
    "created",
    "modified",
    "effective",
    "is_default_page",
    "getObjPositionInParent",
    "SearchableText",
)
# An index every catalog has and whose value never changes on a reindex:
# a reindex that asked only for indexes a record is not in asks this one
# instead (the catalog reads an empty list as "every index").
_ANY = "UID"


def indexes_of(obj):
    """The catalog indexes of ``obj``, or None for every index (not a record)."""
    base = aq_base(obj)
    if not ICitizenRecord.providedBy(base):
        return None
    return getattr(base, "catalog_indexes", None)


def catalog_object(self, object, uid=None, idxs=None, update_metadata=1, pghandler=None):
    """``CatalogTool.catalog_object``, but a record only in its indexes
    (patched in with collective.monkeypatcher, see configure.zcml)."""
    wanted = indexes_of(object)
    if wanted is not None:
        idxs = [name for name in (idxs or wanted) if name in wanted] or [_ANY]
    return self._old_catalog_object(object, uid, idxs, update_metadata, pghandler)


def unindex_elsewhere(catalog, portal_type, wanted):
    """Take the records of ``portal_type`` out of every index not in
    ``wanted`` (what an upgrade does for records indexed everywhere
    before). Returns how many entries were removed."""
    internal = catalog._catalog
    rids = internal.getIndex("portal_type")._index.get(portal_type)
    if rids is None:
        return 0
    rids = (rids,) if isinstance(rids, int) else list(rids)
    removed = 0
    for name in internal.indexes:
        if name in wanted:
            continue
        index = internal.getIndex(name)
        for rid in rids:
            # Every index type answers unindex_object for a rid it lacks.
            if _indexed(index, rid):
                index.unindex_object(rid)
                removed += 1
    return removed


def _indexed(index, rid):
    unindex = getattr(index, "_unindex", None)
    if unindex is not None:
        return rid in unindex
    text = getattr(index, "index", None)  # ZCTextIndex
    if text is not None and hasattr(text, "has_doc"):
        return text.has_doc(rid)
    return True


def quiet_while_adding(reindex):
    """The ``reindexObject`` of a folder the public adds records to
    (mailboxes, disclosure catalogs), around the class's own ``reindex``:
    a record added within ``adding_record`` does not re-index the folder
    (its own fields did not change)."""

    def reindexObject(self, idxs=[], *args, **kw):  # noqa: B006 - CMFCatalogAware's
        if not idxs and getattr(self, "_v_adding_record", False):
            return None
        return reindex(self, idxs, *args, **kw)

    return reindexObject


@contextmanager
def adding_record(container):
    base = aq_base(container)
    base._v_adding_record = True
    try:
        yield
    finally:
        base._v_adding_record = False
