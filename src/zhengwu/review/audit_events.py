"""What the audit log records: one subscriber per kind of event.

Workflow transitions, working-copy checkout / check-in / cancel, deletions,
local-role changes (sharing), group membership, users and groups created or
deleted, global role assignments and failed logins.
"""

from plone import api
from Products.CMFCore.interfaces import IContentish
from zhengwu.review.audit_log import IAuditLog
from zope.component import queryUtility


def current_actor():
    try:
        user = api.user.get_current()
    except Exception:  # noqa: BLE001 - no site or no security context
        return "Anonymous User"
    return user.getId() or "Anonymous User"


def record(action, obj=None, path="", comment="", state="", actor=None, title=""):
    log = queryUtility(IAuditLog)
    if log is None:  # the profile is not installed (or being uninstalled)
        return
    if obj is not None:
        path = path or "/".join(obj.getPhysicalPath())
        title = title or (obj.Title() if hasattr(obj, "Title") else "")
        uid = getattr(obj, "UID", lambda: "")() or ""
    else:
        uid = ""
    log.append(
        actor or current_actor(),
        action,
        path=path,
        title=title,
        comment=comment,
        state=state,
        uid=uid,
    )


def transition_succeeded(obj, event):
    if event.action is None:
        return
    comment, state = "", ""
    history = getattr(obj, "workflow_history", {}).get(event.workflow.getId(), ())
    if history:
        comment = history[-1].get("comments", "") or ""
        state = history[-1].get("review_state", "") or ""
    record(event.action, obj, comment=comment, state=state)


def checked_out(baseline, event):
    record("checkout", baseline, comment="/".join(event.working_copy.getPhysicalPath()))


def checked_in(working_copy, event):
    record("checkin", event.baseline, comment=getattr(event, "message", "") or "")


def checkout_cancelled(working_copy, event):
    record("cancel_checkout", event.baseline)


def content_removed(obj, event):
    if event.newParent is not None or not IContentish.providedBy(obj):
        return
    record("delete", obj)


def local_roles_modified(obj, event):
    roles = "; ".join(
        f"{principal}: {', '.join(sorted(roles))}"
        for principal, roles in sorted(obj.get_local_roles())
    )
    record("local_roles", obj, comment=roles)


def principal_added_to_group(event):
    record(
        "group_add_member", path=f"group:{event.group_id}", comment=_principal_id(event.principal)
    )


def principal_removed_from_group(event):
    record(
        "group_remove_member",
        path=f"group:{event.group_id}",
        comment=_principal_id(event.principal),
    )


def group_created(event):
    record("group_created", path=f"group:{_principal_id(event.principal)}")


def group_deleted(event):
    record("group_deleted", path=f"group:{_principal_id(event.principal)}")


def principal_created(event):
    record("user_created", path=f"user:{_principal_id(event.principal)}")


def principal_deleted(event):
    record("user_deleted", path=f"user:{_principal_id(event.principal)}")


def roles_assigned(principal_id, roles):
    record("roles_assigned", path=f"principal:{principal_id}", comment=", ".join(sorted(roles)))


def login_failed(login):
    record("login_failed", path=f"user:{login}", actor="Anonymous User", comment=login)


def _principal_id(principal):
    if isinstance(principal, str):
        return principal
    getter = getattr(principal, "getId", None)
    return getter() if getter else str(principal)
