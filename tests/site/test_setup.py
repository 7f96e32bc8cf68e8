"""zhengwu:default installs what DESIGN.md section 2 and the foundation
issue promise, and uninstalls cleanly."""

from plone import api
from plone.base.interfaces import INonInstallable
from plone.browserlayer.utils import registered_layers
from zhengwu.interfaces import IZhengwuLayer
from zope.component import getUtility
import pytest


def test_profile_installed(installer, profile_last_version):
    assert installer.is_product_installed("zhengwu")
    assert profile_last_version("zhengwu:default") == "1007"


def test_upgrade_from_the_first_release(portal, setup_tool, profile_last_version):
    """A site installed at 1000 reaches the last version with the disclosure
    catalog, the service guides, the petitions, the disclosure requests and
    the column types."""
    setup = setup_tool
    setup.setLastVersionForProfile("zhengwu:default", "1000")
    upgrades = setup.listUpgrades("zhengwu:default")
    # A group of steps (genericsetup:upgradeSteps) is listed as a list.
    # Steps of one version registered by several domains are listed apart.
    dests = [(u[0] if isinstance(u, list) else u)["dest"] for u in upgrades]
    assert list(dict.fromkeys(dests)) == [
        ("1001",),
        ("1002",),
        ("1003",),
        ("1004",),
        ("1005",),
        ("1006",),
        ("1007",),
    ]
    setup.upgradeProfile("zhengwu:default")
    assert profile_last_version("zhengwu:default") == "1007"
    assert "DisclosureItem" in portal.portal_types
    assert "disclosure_topic" in portal.portal_catalog.indexes()
    wtool = portal.portal_workflow
    assert wtool.getChainForPortalType("DisclosureItem") == ("zhengwu_review_workflow",)
    assert "ServiceGuide" in portal.portal_types
    assert "guide_theme" in portal.portal_catalog.indexes()
    assert wtool.getChainForPortalType("ServiceGuide") == ("zhengwu_review_workflow",)
    assert "service-guide-index" in portal.portal_types["Folder"].view_methods
    assert "listing_view" in portal.portal_types["Folder"].view_methods
    assert wtool.getChainForPortalType("Petition") == ("zhengwu_petition_workflow",)
    assert "petition_department" in portal.portal_catalog.indexes()
    assert "column_type" in portal.portal_catalog.indexes()
    assert "zhengwu.column_type" in portal.portal_types["Folder"].behaviors


def test_upgrade_to_1006_installs_caching_and_the_personal_data_permission(portal):
    """1005 → 1006: plone.app.caching installed; only Managers may give the
    roles that read personal data."""
    setup = portal.portal_setup
    portal.manage_permission(
        "zhengwu: Delegate personal-data roles", ["Manager", "Site Administrator"], 0
    )
    setup.setLastVersionForProfile("plone.app.caching:default", "unknown")
    setup.setLastVersionForProfile("zhengwu:default", "1005")
    setup.upgradeProfile("zhengwu:default")
    assert setup.getLastVersionForProfile("zhengwu:default") == ("1007",)
    assert setup.getLastVersionForProfile("plone.app.caching:default") != "unknown"
    roles = {
        r["name"]
        for r in portal.rolesOfPermission("zhengwu: Delegate personal-data roles")
        if r["selected"]
    }
    assert roles == {"Manager"}


def test_upgrade_to_disclosure_requests(portal):
    """1003 → 1004 brings what a site at 1003 lacks: the type, its workflow,
    the indexes and columns, the letters' settings, the control panel."""
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    setup, wtool, catalog = portal.portal_setup, portal.portal_workflow, portal.portal_catalog
    portal.portal_types.manage_delObjects(["DisclosureRequest"])
    wtool.manage_delObjects(["zhengwu_request_workflow"])
    catalog.delIndex("request_organ")
    catalog.delIndex("disclosure_kind")
    catalog.delColumn("request_outcome")
    registry = getUtility(IRegistry)
    for name in [n for n in registry.records if n.startswith("zhengwu.requests.")]:
        del registry.records[name]
    portal.portal_controlpanel.unregisterConfiglet("zhengwu-requests")
    setup.setLastVersionForProfile("zhengwu:default", "1003")
    setup.upgradeProfile("zhengwu:default")
    assert setup.getLastVersionForProfile("zhengwu:default") == ("1007",)
    assert "DisclosureRequest" in portal.portal_types
    assert wtool.getChainForPortalType("DisclosureRequest") == ("zhengwu_request_workflow",)
    assert {"request_organ", "disclosure_kind"} <= set(catalog.indexes())
    assert "request_outcome" in catalog.schema()
    assert api.portal.get_registry_record("zhengwu.requests.correction_days") == 15
    assert "${applicant}" in api.portal.get_registry_record("zhengwu.requests.letter_disclosed")
    assert "zhengwu-requests" in [a.getId() for a in portal.portal_controlpanel.listActions()]
    assert "DisclosureRequest" in portal.portal_types["DisclosureCatalog"].allowed_content_types


@pytest.mark.parametrize(
    "profile",
    [
        "plone.restapi:default",
        "plone.app.multilingual:default",
        "collective.easyform:default",
        "plone.app.iterate:default",
    ],
)
def test_dependencies_installed(setup_tool, profile):
    # "unknown" for a profile never applied (profile_last_version would cut it to "u")
    assert setup_tool.getLastVersionForProfile(profile) != "unknown"


def test_browserlayer(browser_layers):
    assert IZhengwuLayer in browser_layers


def test_chinese_first(portal):
    assert api.portal.get_registry_record("plone.default_language") == "zh-cn"
    assert api.portal.get_registry_record("plone.available_languages") == ["zh-cn", "en"]
    assert api.portal.get_registry_record("plone.portal_timezone") == "Asia/Shanghai"


def test_link_check_and_supervision_settings(portal):
    # profiles/default/registry/links.xml (import step plone.app.registry)
    assert api.portal.get_registry_record("zhengwu.supervision.links.timeout") == 10.0
    assert api.portal.get_registry_record("zhengwu.supervision.links.recheck_hours") == 24
    assert api.portal.get_registry_record("zhengwu.supervision.mail.due_days") == 3


def test_home_page_settings_and_views(portal):
    """The home page's records, its control panel, and the views offered in
    the Display menu (issue 14: the upgrade imports plone.app.registry,
    controlpanel and typeinfo)."""
    assert api.portal.get_registry_record("zhengwu.home.list_size") == 7
    assert api.portal.get_registry_record("zhengwu.home.news_sources") == []
    assert "portal-home" in portal.portal_types["Document"].view_methods
    assert "document_view" in portal.portal_types["Document"].view_methods
    assert "news-listing" in portal.portal_types["Folder"].view_methods
    assert "zhengwu-home" in [a.getId() for a in portal.portal_controlpanel.listActions()]


def test_language_root_folders(portal):
    assert portal["zh-cn"].portal_type == "LRF"
    assert portal["en"].portal_type == "LRF"


def test_government_roles_exist(portal):
    roles = set(portal.validRoles())
    for role in (
        "FirstReviewer",
        "SecondReviewer",
        "FinalApprover",
        "PetitionHandler",
        "DepartmentResponder",
        "DisclosureOfficer",
    ):
        assert role in roles


def test_anonymous_may_use_rest_api(portal):
    roles = [
        r["name"] for r in portal.rolesOfPermission("plone.restapi: Use REST API") if r["selected"]
    ]
    assert "Anonymous" in roles


def test_only_administrators_delegate_government_roles(portal):
    roles = {
        r["name"]
        for r in portal.rolesOfPermission("zhengwu: Delegate government roles")
        if r["selected"]
    }
    assert roles == {"Manager", "Site Administrator"}


def test_hidden_profiles(portal):
    hidden = getUtility(INonInstallable, "zhengwu-hiddenprofiles")
    assert "zhengwu:uninstall" in hidden.getNonInstallableProfiles()


def test_site_supervision_installed(portal):
    """Its settings, configlets, menu entry, index and metadata (issue 15)."""
    catalog = portal.portal_catalog
    assert portal.portal_registry["zhengwu.supervision.home_page_max_age_days"] == 14
    configlets = [a.getId() for a in portal.portal_controlpanel.listActions()]
    assert {"zhengwu-site-health", "zhengwu-supervision-settings"} <= set(configlets)
    assert "site-health" in portal.portal_actions.user.objectIds()
    assert {"last_published", "has_interpretation"} <= set(catalog.indexes())
    assert {"last_published", "guide_missing", "has_successor"} <= set(catalog.schema())


def test_uninstall_removes_layer_and_configlet(portal):
    setup = portal.portal_setup
    setup.runAllImportStepsFromProfile("profile-zhengwu:uninstall")
    assert IZhengwuLayer not in registered_layers()
    actions = [a.getId() for a in portal.portal_controlpanel.listActions()]
    assert "zhengwu-site-identity" not in actions
    # Barceloneta again, without our bundle
    rules = api.portal.get_registry_record("plone.app.theming.interfaces.IThemeSettings.rules")
    assert rules == "/++theme++barceloneta/rules.xml"
    assert (
        api.portal.get_registry_record("plone.bundles/zhengwu-theme.enabled", default=None) is None
    )
    assert "zhengwu-home" not in actions
    assert "zhengwu-site-health" not in actions
    assert "site-health" not in portal.portal_actions.user.objectIds()
