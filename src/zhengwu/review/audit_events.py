"""What the audit log records: one subscriber per kind of event.

Workflow transitions, working-copy checkout / check-in / cancel, deletions,
local-role changes (sharing), group membership, users and groups created or
deleted, global role assignments and failed logins.
"""

from plone import api
from Products.CMFCore.interfaces import IContentish
from zhengwu import clients
from zhengwu.review.audit_log import IAuditLog
from ZODB.POSException import ConflictError
from zope.component import queryUtility
from zope.globalrequest import getRequest
import logging
import transaction


logger = logging.getLogger(__name__)


def current_actor():
    try:
        user = api.user.get_current()
    except Exception:  # noqa: BLE001 - no site or no security context
        return "Anonymous User"
    return user.getId() or "Anonymous User"


def client_address():
    """The client's address of the request being published, or ""."""
    request = getRequest()
    if request is None or not hasattr(request, "getClientAddr"):
        return ""
    address = clients.client_address(request)
    return str(address) if address is not None else ""


def record(action, obj=None, path="", comment="", state="", actor=None, title="", log=None):
    log = log if log is not None else queryUtility(IAuditLog)
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
        address=client_address(),
    )


def record_now(action, **fields):
    """``record``, committed at once in a transaction of its own: a failed
    login is kept even when its request ends in an error and is rolled back
    (HTTP Basic on a protected page answers 401 by an exception)."""
    log = queryUtility(IAuditLog)
    if log is None or log._p_jar is None:
        return
    db = log._p_jar.db()
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        for _attempt in range(5):
            try:
                manager.begin()
                record(action, log=connection.get(log._p_oid), **fields)
                manager.commit()
                return
            except ConflictError:
                manager.abort()
        logger.warning("audit entry %s not recorded after 5 conflicts", action)
    finally:
        manager.abort()
        connection.close()


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
    record_now("login_failed", path=f"user:{login}", actor="Anonymous User", comment=login)


def login_locked(login, address):
    what = f"user:{login}" if login else f"address:{address}"
    record_now("login_locked", path=what, actor="Anonymous User", comment=login or address)


def _principal_id(principal):
    if isinstance(principal, str):
        return principal
    getter = getattr(principal, "getId", None)
    return getter() if getter else str(principal)
