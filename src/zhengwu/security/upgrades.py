"""Upgrade steps of the security room (registered in accounts.zcml)."""

from plone import api
from zhengwu.security import password_history
from zhengwu.security import password_policy


def install_accounts(portal):
    """The password rules plugin and the start of the password records; the
    settings come with the registry step."""
    password_policy.install(portal)
    password_history.mark_start(portal)


def password_rules(context):
    install_accounts(api.portal.get())
