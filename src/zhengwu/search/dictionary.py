"""The words of the site in the segmentation dictionary: the departments'
names and the administrators' words (``zhengwu.search.user_words``)
(docs/search.md).

The dictionary is per process (``segmenter``); each process adds a site's
words the first time it cuts text for that site after they changed (a
registry lookup per call tells). Text indexed before a word was added
keeps its old cut until reindexed: saving the control panel reindexes.
"""

from zhengwu.search import segmenter
from zhengwu.search.settings import correction_of
from zhengwu.search.settings import site_lists
from zhengwu.search.settings import words_of
from zope.component.hooks import getSite
import threading


_seen = set()
_lock = threading.RLock()


def site_words(lists=None):
    """The words the site's settings add to the dictionary: the
    administrators' own (synonyms and corrections only read queries: their
    words need no reindex, and the shipped ones are in the dictionary)."""
    user_words, _synonyms, _corrections = lists or site_lists()
    return [word for line in user_words for word in words_of(line)]


def query_words(lists=None):
    """Every word the site's settings name (pinyin suggestions look in them)."""
    user_words, synonyms, corrections = lists or site_lists()
    words = site_words(lists)
    words += [word for line in synonyms for word in words_of(line)]
    for line in corrections:
        pair = correction_of(line)
        if pair:
            words.append(pair[1])
    return words


def department_titles(site):
    catalog = getattr(site, "portal_catalog", None)
    if catalog is None:
        return []
    # The catalog's own search, not CMF's: that one first indexes what is
    # queued, which cuts text, which would come back here.
    found = catalog._catalog.searchResults({"portal_type": "Department"})
    return [brain.Title for brain in found]


def ensure_site_words():
    """Add the current site's words to this process's dictionary, once per
    site and state of its settings."""
    site = getSite()
    lists = site_lists()
    key = (id(site) if site is not None else None, lists)
    if key in _seen:
        return
    with _lock:
        if key in _seen:
            return
        words = site_words(lists)
        if site is not None:
            words += department_titles(site)
        segmenter.add_words(words)
        _seen.add(key)


def department_saved(obj, event):
    """A department added or renamed: its name is one word from now on
    (the department's own pages are indexed after this handler)."""
    title = getattr(obj, "title", None)
    if title:
        segmenter.add_words([title])
