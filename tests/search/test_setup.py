"""The search's profile: the lexicon on install, the upgrade of a site on
Plone's character pairs, the control panel's words and the reindex."""

from plone import api
from Products.CMFCore.indexing import processQueue
from tests.helpers import make_item
from zhengwu.search import controlpanel
from zhengwu.search import reindex
from zhengwu.search.query import understand
import logging


def found(text):
    query = understand(text).query
    return {b.getId for b in api.portal.get_tool("portal_catalog")(SearchableText=query)}


def to_bigrams(catalog):
    """The full-text indexes as a site before 1007 had them."""
    for name in reindex.FULL_TEXT:

        class extra:
            doc_attr = name
            index_type = "Okapi BM25 Rank"
            lexicon_id = "plone_lexicon"

        catalog.delIndex(name)
        catalog.addIndex(name, "ZCTextIndex", extra)
    catalog.manage_reindexIndex(ids=list(reindex.FULL_TEXT))


def test_installed_with_the_lexicon_and_the_control_panel(portal):
    catalog = api.portal.get_tool("portal_catalog")
    assert "zhengwu_lexicon" in catalog.objectIds()
    assert [i.lexicon_id for i in map(catalog._catalog.getIndex, reindex.FULL_TEXT)] == [
        "zhengwu_lexicon"
    ] * 3
    assert "zhengwu-search" in [a.getId() for a in portal.portal_controlpanel.listActions()]
    assert api.portal.get_registry_record("zhengwu.search.synonyms")


def test_upgrade_switches_and_reindexes_with_progress(portal, caplog, monkeypatch):
    item = make_item(portal, "private", title="北京东路改造工程公告")
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    to_bigrams(catalog)
    with api.env.adopt_roles(["Manager"]):
        assert item.getId() in found("京东")  # the pairs' false match
    monkeypatch.setattr(reindex, "EVERY", 2)
    setup = portal.portal_setup
    setup.setLastVersionForProfile("zhengwu:default", "1006")
    with caplog.at_level(logging.INFO, logger="zhengwu.search"):
        setup.upgradeProfile("zhengwu:default")
    assert setup.getLastVersionForProfile("zhengwu:default") == ("1007",)
    assert catalog._catalog.getIndex("SearchableText").lexicon_id == "zhengwu_lexicon"
    with api.env.adopt_roles(["Manager"]):
        assert item.getId() not in found("京东")
        assert item.getId() in found("北京东路")
    assert any(
        m.startswith("Reindexing SearchableText, Title, Description of") for m in caplog.messages
    )
    assert any("items, " in m and "per second" in m for m in caplog.messages)


def test_saving_words_reindexes_a_small_site(portal, monkeypatch):
    item = make_item(portal, "private", title="关于推进青山湖智汇谷建设的通知")
    processQueue()
    lexicon = api.portal.get_tool("portal_catalog").zhengwu_lexicon
    assert not lexicon.get_wid("青山湖智汇谷")  # cut into pieces
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("zhengwu.search.user_words", ["青山湖智汇谷"])
        assert lexicon.get_wid("青山湖智汇谷")  # one word, already indexed
        assert item.getId() in found("青山湖智汇谷")
        # a large site is told how, not reindexed in the request
        calls = []
        monkeypatch.setattr(controlpanel, "REINDEX_NOW", 0)
        monkeypatch.setattr(reindex, "reindex", lambda *a, **k: calls.append(a))
        api.portal.set_registry_record("zhengwu.search.user_words", ["青山湖智汇谷", "智汇谷"])
        assert calls == []


def test_the_command_line_reindexes_with_progress(portal, monkeypatch):
    """``zhengwu reindex-search`` (the database opened by the command is
    the layer's site here)."""
    from contextlib import contextmanager
    from zhengwu.instance import site_tasks

    @contextmanager
    def open_site(instance, site_id, open_app):
        yield portal

    monkeypatch.setattr(site_tasks, "open_site", open_site)
    monkeypatch.setattr(reindex.transaction, "commit", lambda: None)  # the layer's transaction
    make_item(portal, "private", title="北京东路改造工程公告")
    processQueue()
    to_bigrams(api.portal.get_tool("portal_catalog"))
    said = []
    count = site_tasks.reindex_search(None, "plone", None, said.append)
    assert count == len(api.portal.get_tool("portal_catalog"))
    assert said[0] == "Switched to the Chinese lexicon: SearchableText, Title, Description."
    assert said[-1].startswith(f"{count}/{count} items")
