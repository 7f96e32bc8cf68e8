"""The password rules (issue 17, 等保 level 3): each rule on its own, the
PAS validation plugin Plone's forms ask, the history kept as salted hashes
(the last five refused, the sixth-last allowed again), expiry on the
product's clock. The forms and REST calls: test_password_channels.py."""

from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.registry.interfaces import IRegistry
from Products.PluggableAuthService.interfaces.plugins import IValidationPlugin
from tests.helpers import body
from zhengwu import clock
from zhengwu.demo.site import DEMO_PASSWORD
from zhengwu.demo.site import USERS
from zhengwu.security import password_expiry
from zhengwu.security import password_history
from zhengwu.security import passwords
from zhengwu.security.password_policy import PLUGIN_ID
from zhengwu.testing import REVIEW_USERS
from zhengwu.testing import TEST_PASSWORD
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
import pytest
import requests


GOOD = "Kx7-river-lamp"


def message(password, names=(), userid=None):
    found = passwords.problem(password, names, userid)
    return None if found is None else str(found)


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("Ab1-xyz", "at least ${length} characters"),
        ("Kx7-rive", "at least ${length} characters"),
        ("riverlampstone", "at least ${classes} of these"),
        ("river-lamp-stone", "at least ${classes} of these"),
        ("RIVERLAMP42", "at least ${classes} of these"),
    ],
)
def test_length_and_character_classes(portal, password, rule):
    assert rule in message(password)


def test_three_classes_of_four_suffice(portal):
    for password in ("riverlamp42X", "river-lamp-42", "RIVER-LAMP-42", "River-Lamp-Stone"):
        assert message(password) is None, password
    assert passwords.character_classes("政务-Lamp") == 3  # Chinese counts as other


def test_not_the_user_name_in_any_case(portal):
    assert "user name" in message("Handler-2026!", ("handler",))
    assert "user name" in message("xHANDLERx-2026", ("handler", "handler@example.gov.cn"))
    assert "user name" in message("zhang.SAN@example-1", ("zhang.san@example",))
    assert message("Handler-2026!", ("responder",)) is None


def test_chinese_typical_common_passwords_are_listed():
    common = passwords.common_passwords()
    assert len(common) > 3000
    for password in ("a123456789", "woaini1314", "qq123456789", "p@ssw0rd123", "admin@123456"):
        assert password in common


def test_a_common_password_is_refused_whatever_its_case(portal):
    for password in ("P@ssw0rd123", "P@SSW0RD123", "Admin@123456", "Zhengwu@123"):
        assert "too common" in message(password), password


def test_the_plugin_is_the_site_s_password_policy(portal):
    plugins = portal.acl_users.plugins
    active = [plugin_id for plugin_id, _p in plugins.listPlugins(IValidationPlugin)]
    assert active == [PLUGIN_ID]  # Plone's 8-character policy is off: one sentence
    registration = api.portal.get_tool("portal_registration")
    assert registration.testPasswordValidity(GOOD) is None
    refused = registration.testPasswordValidity("short")
    assert "10" in refused
    assert "." not in refused.rstrip("。.")  # one sentence
    # Plone shows the error of an empty password as the field's help
    assert "10" in registration.testPasswordValidity("")


def set_password(portal, userid, password):
    portal.acl_users.userSetPassword(userid, password)


def test_the_last_five_passwords_are_refused_the_sixth_last_allowed(portal):
    used = [f"Kx7-river-lamp-{n}" for n in range(6)]
    for password in used:
        set_password(portal, "member", password)
    # the current password and the four before it: refused
    for password in used[1:]:
        assert "last ${history} passwords" in message(password, ("member",), "member"), password
    # the sixth-last (set before those five): allowed again
    assert message(used[0], ("member",), "member") is None
    # another account's history does not count
    assert message(used[5], ("author",), "author") is None


def test_the_history_is_kept_as_salted_hashes_only(portal):
    set_password(portal, "member", "Kx7-river-lamp-9")
    set_password(portal, "author", "Kx7-river-lamp-9")
    store = IAnnotations(portal)[password_history.KEY]
    first = store["member"].hashes[0]
    assert "Kx7-river-lamp-9" not in first and first.startswith("pbkdf2_sha256$")
    assert first != store["author"].hashes[0]  # a salt each
    assert TEST_PASSWORD not in repr([entry.hashes for entry in store.values()])


def test_the_history_setting_counts(portal):
    api.portal.set_registry_record("zhengwu.security.password_history", 1)
    set_password(portal, "member", "Kx7-river-lamp-1")
    set_password(portal, "member", "Kx7-river-lamp-2")
    assert message("Kx7-river-lamp-1", ("member",), "member") is None
    assert message("Kx7-river-lamp-2", ("member",), "member") is not None


def test_a_password_expires_after_the_setting_s_days(portal, set_clock):
    set_password(portal, "member", "Kx7-river-lamp-1")
    assert not password_expiry.expired("member")  # 0 days: never
    api.portal.set_registry_record("zhengwu.security.password_max_age_days", 90)
    assert not password_expiry.expired("member")
    set_clock(clock.now() + timedelta(days=89))
    assert not password_expiry.expired("member")
    set_clock(clock.now() + timedelta(days=2))
    assert password_expiry.expired("member")
    set_password(portal, "member", "Kx7-river-lamp-2")
    assert not password_expiry.expired("member")


def test_removing_an_account_forgets_its_passwords(portal):
    api.user.create(username="leaver", email="leaver@example.gov.cn", password=GOOD)
    assert "leaver" in IAnnotations(portal)[password_history.KEY]
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username="leaver")
    assert "leaver" not in IAnnotations(portal)[password_history.KEY]


def test_test_and_demo_passwords_keep_the_rules(portal):
    for userid in REVIEW_USERS:
        assert message(TEST_PASSWORD, (userid,)) is None, userid
    for userid, *_rest in USERS:
        assert message(DEMO_PASSWORD, (userid,)) is None, userid


def test_the_upgrade_to_1007_installs_the_rules_and_their_settings(portal):
    acl_users = portal.acl_users
    acl_users.plugins.activatePlugin(IValidationPlugin, "password_policy")
    acl_users._delObject(PLUGIN_ID)
    del IAnnotations(portal)[password_history.SINCE]
    registry = getUtility(IRegistry)
    for name in ("password_min_length", "session_idle_minutes", "session_max_hours"):
        del registry.records[f"zhengwu.security.{name}"]
    setup = portal.portal_setup
    setup.setLastVersionForProfile("zhengwu:default", "1006")
    setup.upgradeProfile("zhengwu:default")
    assert setup.getLastVersionForProfile("zhengwu:default") == ("1007",)
    active = [plugin_id for plugin_id, _p in acl_users.plugins.listPlugins(IValidationPlugin)]
    assert active == [PLUGIN_ID]
    assert IAnnotations(portal)[password_history.SINCE] == clock.now().timestamp()
    assert registry["zhengwu.security.password_min_length"] == 10
    assert registry["zhengwu.security.session_idle_minutes"] == 30
    assert registry["zhengwu.security.session_max_hours"] == 8


def test_uninstall_removes_the_settings(portal):
    portal.portal_setup.runAllImportStepsFromProfile("profile-zhengwu:uninstall")
    assert (
        api.portal.get_registry_record("zhengwu.security.password_min_length", default=None) is None
    )
    assert (
        api.portal.get_registry_record("zhengwu.security.session_max_hours", default=None) is None
    )


def test_the_control_panel_sets_the_rules(functional_portal):
    actions = [a.getId() for a in functional_portal.portal_controlpanel.listActions()]
    assert "zhengwu-login-settings" in actions
    url = f"{functional_portal.absolute_url()}/@@zhengwu-login-settings"
    page = requests.get(url, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=60)
    assert page.status_code == 200
    assert "form.widgets.password_max_age_days" in body(page)
    refused = requests.get(url, auth=("siteadmin", TEST_PASSWORD), timeout=60)
    assert refused.url != url or refused.status_code in (401, 403)
