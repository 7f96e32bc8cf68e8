"""Upgrade-step handlers of the shared rooms (profile zhengwu:default)."""

from plone import api
from zhengwu.site import sessions
from zhengwu.site import setuphandlers


def index_column_types(context):
    """1004 → 1005: a new index is empty until its objects are reindexed."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(is_folderish=True):
        obj = brain._unrestrictedGetObject()
        if getattr(obj, "column_type", None):
            obj.reindexObject()


def retitle_assets(context):
    """1004 → 1005: the shared assets folder gets its Chinese title."""
    setuphandlers.retitle_assets(api.portal.get())


def install_caching(context):
    """1005 → 1006: plone.app.caching became a dependency of the profile."""
    installer = api.portal.get_tool("portal_setup")
    profile = "profile-plone.app.caching:default"
    if installer.getLastVersionForProfile(profile[len("profile-") :]) == "unknown":
        installer.runAllImportStepsFromProfile(profile)


def end_sessions_on_logout(context):
    """1005 → 1006: logging out invalidates the cookie and the token."""
    sessions.end_sessions_on_logout(api.portal.get())
