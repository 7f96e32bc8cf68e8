"""The full-text indexes on ``zhengwu_lexicon`` and their reindexing
(docs/search.md): the import step of the default profile, the upgrade to
1007, the control panel's save and ``zhengwu reindex-search`` use these.
"""

from Products.ZCTextIndex.PipelineFactory import element_factory
from Products.ZCTextIndex.ZCTextIndex import PLexicon
from zhengwu.search.splitter import GROUP
from zhengwu.search.splitter import NAME
import logging
import time
import transaction


logger = logging.getLogger("zhengwu.search")

LEXICON = "zhengwu_lexicon"
FULL_TEXT = ("SearchableText", "Title", "Description")
EVERY = 500  # items between two progress lines (and savepoints)


def ensure_lexicon(catalog):
    if LEXICON not in catalog.objectIds():
        lexicon = PLexicon(
            LEXICON,
            "",
            element_factory.instantiate(GROUP, NAME),
            element_factory.instantiate(
                "Case Normalizer", "Unicode Ignoring Accents Case Normalizer"
            ),
        )
        catalog._setObject(LEXICON, lexicon)
    return catalog[LEXICON]


def switch_indexes(catalog, names=FULL_TEXT):
    """Make the full-text indexes ZCTextIndexes on our lexicon; the names
    of those that were not (now empty: reindex them)."""
    ensure_lexicon(catalog)
    switched = []
    for name in names:
        index = catalog._catalog.indexes.get(name)
        if index is not None and getattr(index, "lexicon_id", None) == LEXICON:
            continue

        class extra:
            doc_attr = ",".join(getattr(index, "_indexed_attrs", None) or [name])
            index_type = "Okapi BM25 Rank"
            lexicon_id = LEXICON

        if index is not None:
            catalog.delIndex(name)
        catalog.addIndex(name, "ZCTextIndex", extra)
        switched.append(name)
    return switched


def reindex(catalog, names=FULL_TEXT, log=logger.info, every=EVERY, commit=False):
    """Index every cataloged object again in ``names``, a progress line
    every ``every`` items (with the rate and the time left); ``commit``
    commits each batch (the command line), else a savepoint. Returns the
    number of items."""
    paths = list(catalog._catalog.uids.keys())
    total = len(paths)
    names = list(names)
    log(f"Reindexing {', '.join(names)} of {total} items.")
    started = time.monotonic()
    done = 0
    for path in paths:
        obj = catalog.unrestrictedTraverse(path, None)
        if obj is None:
            logger.warning("Not found, left as indexed: %s", path)
        else:
            catalog.catalog_object(obj, path, idxs=names, update_metadata=0)
        done += 1
        if done % every == 0 or done == total:
            elapsed = time.monotonic() - started
            rate = done / elapsed if elapsed else 0
            left = (total - done) / rate if rate else 0
            log(f"{done}/{total} items, {rate:.0f} per second, about {left:.0f} s left.")
            if commit:
                transaction.commit()
            else:
                transaction.savepoint(optimistic=True)
    return done


def switch_and_reindex(catalog, log=logger.info):
    switched = switch_indexes(catalog)
    if switched:
        log(f"Full-text indexes now cut Chinese into words: {', '.join(switched)}.")
        reindex(catalog, switched, log=log)
    return switched


def import_step(context):
    """GenericSetup import step ``zhengwu-search-lexicon`` (after
    ``catalog``): the full-text indexes on our lexicon."""
    if context.readDataFile("zhengwu-search.txt") is None:
        return
    catalog = context.getSite().portal_catalog
    switch_and_reindex(catalog, log=context.getLogger("zhengwu.search").info)


def upgrade(context):
    """1006 → 1007: the lexicon, the indexes switched, everything reindexed
    (a progress line every 500 items, with the rate and the time left)."""
    from plone import api

    # The control panel's configlet (the registry records come with the
    # 1006 → 1007 registry step).
    context.runImportStepFromProfile("profile-zhengwu:default", "controlpanel")
    switch_and_reindex(api.portal.get_tool("portal_catalog"))
