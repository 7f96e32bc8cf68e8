"""Everything inside a language root folder carries that folder's language.

plone.app.multilingual sets the language of content added to a language
folder (``subscriber.createdEvent``), but only when its browser layer is on
the request and from the *parent's* language. Content made where the layer
is not applied — the ``zhengwu`` command line (``create-site``, the demo
profile), GenericSetup handlers, imports run outside a published request —
was left with ``Language: ""``, and everything added below it afterwards
inherited the empty language, over REST too. ``@navigation`` (which filters
on the current language), ``@search?Language=`` and the translations of
plone.app.multilingual then found nothing.

Here the language comes from the nearest language root folder (``/zh-cn``,
``/en``) on every add, move and copy, whatever the request: the one rule a
site built by a script and a site built by hand share. Language-independent
folders (plone.app.multilingual's shared assets) keep their own rules.
Citizens' records (``ICitizenRecord``) are left out: they are not
translatable and are indexed only in the indexes their listings ask for
(``submissions/catalog.py``).
"""

from Acquisition import aq_chain
from Acquisition import aq_inner
from plone import api
from plone.app.multilingual.interfaces import ILanguageIndependentFolder
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.app.multilingual.interfaces import ITG
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.multilingual.itg import addAttributeTG
from plone.base.interfaces import ILanguage
from plone.base.interfaces import IPloneSiteRoot
from plone.uuid.interfaces import IUUID
from Products.CMFCore.interfaces import IFolderish
from zhengwu.submissions.privacy import ICitizenRecord
import logging


logger = logging.getLogger(__name__)


def language_of_place(obj):
    """The language of the language root folder ``obj`` lies in; None
    outside one, or inside a language-independent folder."""
    return _language_of_container(aq_chain(aq_inner(obj))[1:])


def _language_of_container(chain):
    for ancestor in chain:
        if ILanguageIndependentFolder.providedBy(ancestor):
            return None
        if ILanguageRootFolder.providedBy(ancestor):
            return ILanguage(ancestor).get_language() or None
        if IPloneSiteRoot.providedBy(ancestor):
            return None
    return None


def _set(obj, language, adding=False):
    """Give ``obj`` ``language``; True when it changed. A translatable
    item joins a translation group, as plone.app.multilingual does; while
    it is being added, without the catalog search of
    ``ITranslationManager.update`` (a new group holds nothing else, and a
    search would flush the add's indexing queue before the other
    subscribers set what they set)."""
    if ICitizenRecord.providedBy(obj) or ILanguageRootFolder.providedBy(obj):
        return False
    if ILanguageIndependentFolder.providedBy(obj):
        return False
    adapter = ILanguage(obj, None)
    if adapter is None or adapter.get_language() == language:
        return False
    adapter.set_language(language)  # reindexes Language
    if ITranslatable.providedBy(obj) and IUUID(obj, None) is not None:
        if ITG(obj, None) is None:
            addAttributeTG(obj, None)
        if not adding:
            ITranslationManager(obj).update()
        obj.reindexObject(idxs=["Language", "TranslationGroup"])
    return True


def apply(obj, language, adding=False):
    """``language`` on ``obj`` and everything inside it; how many changed."""
    changed = int(_set(obj, language, adding))
    if IFolderish.providedBy(obj) and not ILanguageIndependentFolder.providedBy(obj):
        for child in obj.objectValues():
            changed += apply(child, language, adding)
    return changed


def placed(obj, event):
    """Added, moved or copied into place: the language of that place."""
    if event.newParent is None or event.newParent is event.oldParent:
        return  # removed, or renamed in place
    language = language_of_place(obj)
    if language is None:
        return
    if event.oldParent is not None:
        # Moved within one language folder: nothing to change, and a large
        # folder is not walked.
        if _language_of_container(aq_chain(aq_inner(event.oldParent))) == language:
            return
    apply(obj, language, adding=event.oldParent is None)


def index_languages(context=None):
    """1006 → 1007: every item of every language root folder gets that
    folder's language, and is reindexed (sites built before, whose content
    was made by the command line or the demo, carry ``""``)."""
    portal = api.portal.get()
    changed = 0
    for root in portal.objectValues():
        if ILanguageRootFolder.providedBy(root):
            language = ILanguage(root).get_language()
            if language:
                for child in root.objectValues():
                    changed += apply(child, language)
    logger.info("Language set on %s items", changed)
    return changed
