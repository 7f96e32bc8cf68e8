"""Global role assignments have no event in PAS: record them here
(patched in with collective.monkeypatcher, see configure.zcml)."""

from zhengwu.review.audit_events import roles_assigned


def assignRolesToPrincipal(self, roles, principal_id, REQUEST=None):
    result = self._old_assignRolesToPrincipal(roles, principal_id, REQUEST)
    roles_assigned(principal_id, roles)
    return result


def assignRoleToPrincipal(self, role_id, principal_id, REQUEST=None):
    result = self._old_assignRoleToPrincipal(role_id, principal_id, REQUEST)
    roles_assigned(principal_id, [role_id])
    return result
