"""zhengwu:default configures caching, and the upgrade to 1006 brings it to
sites installed before plone.app.caching was a dependency."""

from plone import api
from plone.caching.interfaces import ICacheSettings
from plone.registry.interfaces import IRegistry
from z3c.caching.registry import getGlobalRulesetRegistry
from zope.component import getUtility


PREFIXES = ("plone.caching.", "plone.app.caching.", "plone.cachepurging.")


def test_caching_enabled_with_a_rule_for_every_ruleset(portal):
    settings = getUtility(IRegistry).forInterface(ICacheSettings)
    assert settings.enabled
    declared = {t.name for t in getGlobalRulesetRegistry().enumerateTypes()}
    assert {"zhengwu.private", "zhengwu.form", "zhengwu.unlisted"} <= declared
    # every ruleset maps to an operation: none goes out without headers
    assert declared <= set(settings.operationMapping), declared - set(settings.operationMapping)
    assert settings.operationMapping["zhengwu.private"] == "zhengwu.caching.noStore"
    record = "plone.app.caching.moderateCaching.plone.content.itemView.smaxage"
    assert api.portal.get_registry_record(record) == 3600


def test_upgrade_from_a_site_without_plone_app_caching(portal, setup_tool):
    """The steps before 1006 import the registry files, caching.xml among
    them, on sites where plone.app.caching is not installed yet: the file
    must import there; the 1005 → 1006 upgrade then installs plone.app.caching
    and the rules hold."""
    registry = getUtility(IRegistry)
    for name in [n for n in registry.records.keys() if n.startswith(PREFIXES)]:
        del registry.records[name]
    setup_tool.unsetLastVersionForProfile("plone.app.caching:default")
    # what the 1004 → 1005 upgrade does (import_steps="… plone.app.registry …")
    setup_tool.runImportStepFromProfile(
        "profile-zhengwu:default", "plone.app.registry", run_dependencies=False
    )
    setup_tool.setLastVersionForProfile("zhengwu:default", "1005")
    setup_tool.upgradeProfile("zhengwu:default", dest="1006")
    assert setup_tool.getLastVersionForProfile("zhengwu:default") == ("1006",)
    assert setup_tool.getLastVersionForProfile("plone.app.caching:default") != "unknown"
    settings = registry.forInterface(ICacheSettings)
    assert settings.enabled
    assert settings.operationMapping["plone.content.itemView"] == (
        "plone.app.caching.moderateCaching"
    )
    assert registry["plone.app.caching.moderateCaching.smaxage"] is not None  # plone.app.caching's
    assert registry["plone.app.caching.moderateCaching.plone.content.itemView.smaxage"] == 3600
    assert (
        "DisclosureItem"
        in registry["plone.app.caching.interfaces.IPloneCacheSettings.purgedContentTypes"]
    )
