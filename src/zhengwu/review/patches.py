"""Global role assignments have no event in PAS: record them here, and
refuse the personal-data roles to anyone but Managers (site.personal_access)
(patched in with collective.monkeypatcher, see configure.zcml)."""

from zhengwu.review.audit_events import roles_assigned
from zhengwu.site.personal_access import guard_site_roles


def _held(manager, principal_id):
    return tuple(getattr(manager, "_principal_roles", {}).get(principal_id, ()))


def assignRolesToPrincipal(self, roles, principal_id, REQUEST=None):
    guard_site_roles(roles, _held(self, principal_id))
    result = self._old_assignRolesToPrincipal(roles, principal_id, REQUEST)
    roles_assigned(principal_id, roles)
    return result


def assignRoleToPrincipal(self, role_id, principal_id, REQUEST=None):
    guard_site_roles([role_id], _held(self, principal_id))
    result = self._old_assignRoleToPrincipal(role_id, principal_id, REQUEST)
    roles_assigned(principal_id, [role_id])
    return result
