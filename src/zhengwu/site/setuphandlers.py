"""Install and uninstall handlers of the zhengwu:default profile."""

from plone import api
from plone.app.multilingual.browser.setup import SetupMultilingualSite
from plone.base.interfaces import INonInstallable
from zhengwu.security.upgrades import install_accounts
from zhengwu.site import sessions
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["zhengwu:uninstall"]

    def getNonInstallableProducts(self):
        return ["zhengwu.profiles"]


# The language-independent folders' titles, in their languages.
ASSETS_TITLES = {"zh-cn": "共享资源", "en": "Shared assets"}


def retitle_assets(portal):
    """plone.app.multilingual titles every language's shared folder "Assets",
    which visitors see in the Chinese site: its title in its language."""
    for language, title in ASSETS_TITLES.items():
        folder = portal.get(language)
        assets = folder.get("assets") if folder is not None else None
        if assets is not None and assets.title == "Assets":
            assets.title = title
            assets.reindexObject()


def post_install(context):
    """Create the language root folders for the languages set in registry.xml.

    plone.app.multilingual ran its own setup as a dependency, before our
    registry settings; running it again creates the missing folders
    (zh-cn first: it is the default language).
    """
    portal = api.portal.get()
    portal.setLanguage(api.portal.get_registry_record("plone.default_language"))
    SetupMultilingualSite().setupSite(portal)
    # The language folders are the site's sections: online from the start.
    for language in api.portal.get_registry_record("plone.available_languages"):
        folder = portal.get(language.replace("_", "-").lower())
        if folder is not None and api.content.get_state(folder, default=None) == "private":
            api.content.transition(folder, transition="publish")
    retitle_assets(portal)
    sessions.end_sessions_on_logout(portal)
    install_accounts(portal)  # password rules (zhengwu.security, issue 17)
    # Objects made before the workflows were bound get their permissions now.
    api.portal.get_tool("portal_workflow").updateRoleMappings()
