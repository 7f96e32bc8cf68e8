"""Index numbers (索引号) ``{organ code}/{YYYY}-{NNNNN}``.

One ``Counter`` per organ and year holds the last sequence handed out. It is
a plain persistent object on purpose: two transactions that both increment
it conflict, and Zope retries the loser, which then reads the new value. A
conflict-resolving counter (BTrees.Length) would merge the two increments
and let both transactions keep the same number.

``numbers`` remembers every number ever assigned and the UID it went to, so
a number is never handed out twice even when its item is withdrawn or
deleted.
"""

from BTrees.OOBTree import OOBTree
from datetime import datetime
from persistent import Persistent
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.uuid.utils import uuidToObject
from zhengwu.clock import CHINA
from zope.annotation.interfaces import IAnnotations


KEY = "zhengwu.disclosure.index_numbers"


class Counter(Persistent):
    value = 0


class IndexNumberRegistry(Persistent):
    def __init__(self):
        self.counters = OOBTree()  # (organ code, year) -> Counter
        self.numbers = OOBTree()  # index number -> UID of the item it went to

    def next_number(self, code, year, uid):
        counter = self.counters.get((code, year))
        if counter is None:
            counter = self.counters[(code, year)] = Counter()
        while True:
            counter.value += 1
            number = f"{code}/{year:04d}-{counter.value:05d}"
            if number not in self.numbers:  # only when a number was imported by hand
                self.numbers[number] = uid
                return number


def registry(portal=None, create=True):
    portal = portal or api.portal.get()
    annotations = IAnnotations(portal)
    found = annotations.get(KEY)
    if found is None and create:
        found = annotations[KEY] = IndexNumberRegistry()
    return found


def organ_code(item):
    """The organization code of the catalog's organ, which prefixes the number."""
    catalog = item.__parent__
    organ = getattr(catalog, "organ", None) or getattr(item, "issuing_organ", None)
    department = uuidToObject(organ, unrestricted=True) if organ else None
    return getattr(department, "organization_code", None) or None


def _translations(item):
    try:
        return [t for t in ITranslationManager(item).get_translations().values() if t is not item]
    except TypeError:  # not translatable
        return []


def assign(item):
    """Give ``item`` its index number unless it (or a translation) has one.

    The caller reindexes ``item``; translations that receive the number are
    reindexed here.
    """
    if item.index_number:
        return item.index_number
    translations = _translations(item)
    number = next((t.index_number for t in translations if getattr(t, "index_number", None)), None)
    if number is None:
        code = organ_code(item)
        if code is None:
            raise ValueError("no organization code")
        effective = item.effective_date
        # The year of publication: Zope's effective date, kept on the real clock.
        when = effective.asdatetime() if effective is not None else datetime.now(CHINA)
        year = when.astimezone(CHINA).year
        number = registry().next_number(code, year, item.UID())
    item.index_number = number
    for translation in translations:
        if not getattr(translation, "index_number", None):
            translation.index_number = number
            translation.reindexObject(idxs=["index_number", "SearchableText"])
    return number
