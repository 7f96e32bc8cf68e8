"""One group per role for every department, holding that role there.

The groups are made when a department is added and removed with it. Their ids
are kept in an annotation, so renaming or moving the department keeps them,
and a translation of the department (plone.app.multilingual) shares them.
"""

from persistent.mapping import PersistentMapping
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from Products.CMFPlone.interfaces import ILanguage
from zhengwu.site.department import IDepartment
from zhengwu.site.roles import DEPARTMENT_GROUPS
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate
import logging


logger = logging.getLogger(__name__)

ANNOTATION_KEY = "zhengwu.department.groups"


def department_groups(department):
    """{suffix: group id} of a department (empty before it is added)."""
    return dict(IAnnotations(department).get(ANNOTATION_KEY, {}))


def group_id(department, suffix):
    return department_groups(department).get(suffix)


def _translations(department):
    """The department's translations into other languages.

    A copy briefly shares its original's translation group, but never its
    language: comparing languages keeps a copy from adopting those groups.
    """
    try:
        language = ILanguage(department).get_language()
        manager = ITranslationManager(department)
        return [
            obj
            for obj in manager.get_translations().values()
            if obj is not None
            and obj is not department
            and ILanguage(obj).get_language() != language
        ]
    except TypeError:  # not translatable
        return []


def _unique_group_id(base):
    candidate, n = base, 1
    while api.group.get(groupname=candidate) is not None:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _site_language():
    return api.portal.get_registry_record("plone.default_language", default="zh-cn")


def create_groups(department):
    """Make (or adopt a translation's) groups and grant their local roles."""
    annotations = IAnnotations(department)
    # A copy brings the original's mapping and local roles along: drop both.
    for principal in annotations.get(ANNOTATION_KEY, {}).values():
        department.manage_delLocalRoles([principal])
    shared = next(
        (department_groups(t) for t in _translations(department) if department_groups(t)),
        None,
    )
    mapping = PersistentMapping()
    language = _site_language()
    for suffix, roles, title in DEPARTMENT_GROUPS:
        gid = (shared or {}).get(suffix)
        if gid is None or api.group.get(groupname=gid) is None:
            gid = _unique_group_id(f"{department.getId()}-{suffix}")
            api.group.create(
                groupname=gid,
                title=f"{department.Title()} · {translate(title, target_language=language)}",
                description=department.absolute_url_path(),
            )
        department.manage_setLocalRoles(gid, list(roles))
        mapping[suffix] = gid
    annotations[ANNOTATION_KEY] = mapping
    department.reindexObjectSecurity()


def department_added(department, event):
    create_groups(department)


def translation_registered(source, event):
    """A department's translation shares its groups (plone.app.multilingual
    registers the translation after the added event made groups for it)."""
    target = event.target
    if target is source or not IDepartment.providedBy(target):
        return
    groups = department_groups(source)
    own = department_groups(target)
    if not groups or own == groups:
        return
    for gid in set(own.values()) - set(groups.values()):
        target.manage_delLocalRoles([gid])
        if api.group.get(groupname=gid) is not None:
            api.group.delete(groupname=gid)
    for suffix, roles, _title in DEPARTMENT_GROUPS:
        if suffix in groups:
            target.manage_setLocalRoles(groups[suffix], list(roles))
    IAnnotations(target)[ANNOTATION_KEY] = PersistentMapping(groups)
    target.reindexObjectSecurity()


def department_removed(department, event):
    """Delete the groups unless a translation still uses them."""
    if event.newParent is not None:  # a move, not a deletion
        return
    still_used = set()
    for other in _translations(department):
        still_used.update(department_groups(other).values())
    for gid in department_groups(department).values():
        if gid not in still_used and api.group.get(groupname=gid) is not None:
            api.group.delete(groupname=gid)


def set_group_role(obj, suffix, role, department):
    """``role`` on ``obj`` for ``department``'s group ``suffix`` only;
    security is reindexed (for everything below) only when that changes."""
    group = group_id(department, suffix) if department is not None else None
    holders = {principal for principal, roles in obj.get_local_roles() if role in roles}
    if holders == ({group} if group else set()):
        return
    for principal, roles in obj.get_local_roles():
        if role in roles:
            rest = [r for r in roles if r != role]
            if rest:
                obj.manage_setLocalRoles(principal, rest)
            else:
                obj.manage_delLocalRoles([principal])
    if group:
        roles = set(obj.get_local_roles_for_userid(group)) | {role}
        obj.manage_setLocalRoles(group, sorted(roles))
    obj.reindexObjectSecurity()
