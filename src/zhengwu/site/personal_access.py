"""Access to citizens' personal data is given by Managers only (issue 17,
finding 4).

The roles that read personal data (``PERSONAL_DATA_ROLES``: petition
handlers, department responders, disclosure officers) reach a user in two
ways: a local role on the sharing page, or membership of a group holding
it (each department's ``petition-handlers``, ``responders`` and
``disclosure-officers`` groups). The sharing page offers those roles only
to holders of ``zhengwu: Delegate personal-data roles`` (Managers; see
``roles.py``). Joining such a group, through any channel (the classic
user and group pages, ``@groups``, ``@users``, Python in a web request),
is refused here to anyone else; every membership change is audited
(``review.audit_events``). A Site Administrator keeps managing users and
the other groups, but cannot make themself a handler to read the messages.
"""

from AccessControl import getSecurityManager
from plone import api
from zExceptions import Forbidden
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.site.department_groups import department_groups
from zhengwu.site.roles import PERSONAL_DATA_PERMISSION
from zhengwu.site.roles import PERSONAL_DATA_ROLES
from zope.globalrequest import getRequest


def personal_data_groups():
    """The ids of the groups whose members read personal data: the
    departments' groups holding those roles, and any group holding one of
    them as a site-wide role."""
    groups = set()
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
        department = brain._unrestrictedGetObject()
        for principal, roles in department.get_local_roles():
            if set(roles) & set(PERSONAL_DATA_ROLES):
                groups.add(principal)
        groups.update(
            gid
            for suffix, gid in department_groups(department).items()
            if suffix in ("petition-handlers", "responders", "disclosure-officers")
        )
    manager = api.portal.get_tool("acl_users").portal_role_manager
    for role in PERSONAL_DATA_ROLES:
        groups.update(principal for principal, _title in manager.listAssignedPrincipals(role))
    return groups


def _in_web_request():
    """Code run outside a published request (setup, scripts run by an
    operator) is trusted; a user acting through the web is checked."""
    request = getRequest()
    return request is not None and request.get("PUBLISHED") is not None


def may_grant():
    return getSecurityManager().checkPermission(PERSONAL_DATA_PERMISSION, api.portal.get())


def guard_membership(event):
    """IPrincipalAddedToGroupEvent: refused for a personal-data group unless
    a Manager adds the member."""
    if not _in_web_request() or may_grant():
        return
    if event.group_id not in personal_data_groups():
        return
    raise Forbidden(
        translated(
            _(
                "Only a Manager may add members to ${group}: its members read "
                "citizens' personal data.",
                mapping={"group": event.group_id},
            )
        )
    )


def guard_site_roles(roles, before=()):
    """A personal-data role given site-wide (``@users``, the users page) is
    refused unless a Manager gives it; ``before``: the roles held already."""
    roles = set(roles or ()) - set(before or ())
    if roles & set(PERSONAL_DATA_ROLES) and _in_web_request() and not may_grant():
        raise Forbidden(
            translated(
                _(
                    "Only a Manager may give the roles that read citizens' personal data "
                    "(${roles}).",
                    mapping={"roles": ", ".join(sorted(set(roles) & set(PERSONAL_DATA_ROLES)))},
                )
            )
        )
