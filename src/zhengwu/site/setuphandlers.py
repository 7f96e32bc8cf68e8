"""Install and uninstall handlers of the zhengwu:default profile."""

from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["zhengwu:uninstall"]

    def getNonInstallableProducts(self):
        return ["zhengwu.profiles"]


def post_install(context):
    """Create the language root folders for the languages set in registry.xml.

    plone.app.multilingual ran its own setup as a dependency, before our
    registry settings; running it again creates the missing folders
    (zh-cn first: it is the default language).
    """
    from plone.app.multilingual.browser.setup import SetupMultilingualSite

    portal = api.portal.get()
    portal.setLanguage(api.portal.get_registry_record("plone.default_language"))
    SetupMultilingualSite().setupSite(portal)


def uninstall(context):
    """Nothing beyond the uninstall profile's XML yet."""
