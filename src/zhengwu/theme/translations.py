"""``<zhengwu:preferTranslations domain="plone" />``: the product's
catalogs of another package's domain are asked before that package's own.

zope.i18n asks a domain's catalogs in the order ZCML registered them, and
plone.app.locales registers before any add-on: a message Plone's Chinese
catalog translates cannot be translated otherwise by an add-on. Two of them
must be for a government site: the ``private`` state is 保密 (classified)
in Plone's Chinese where the review workflow means 草稿 (a draft), and
Plone's portlet columns are "Plone 左列". This directive moves the
product's catalogs (``src/zhengwu/locales``) to the front of the domain,
once every ``registerTranslations`` has run (a late ZCML action).
"""

from pathlib import Path
from zope import schema
from zope.component import queryUtility
from zope.i18n.interfaces import ITranslationDomain
from zope.interface import Interface


LOCALES = Path(__file__).resolve().parent.parent / "locales"


class IPreferTranslationsDirective(Interface):
    domain = schema.TextLine(title="The translation domain", required=True)


def prefer(domain_name, directory=LOCALES):
    """Put the catalogs under ``directory`` first in ``domain_name``."""
    domain = queryUtility(ITranslationDomain, domain_name)
    if domain is None:
        return
    prefix = str(directory)
    for names in domain._catalogs.values():
        own = [name for name in names if str(name).startswith(prefix)]
        names[:] = own + [name for name in names if name not in own]


def preferTranslations(_context, domain):
    # After every registerTranslations action (order 0).
    _context.action(discriminator=None, callable=prefer, args=(domain,), order=1000)
