"""Logging out ends the session on the server, not only in the browser
(issue 17, finding 6).

Plone's login cookie (``__ac``, plone.session) is a signed ticket; logging
out only asks the browser to forget it, so a copy taken before (a shared
computer, a proxy log) kept working until it expired. With a keyring per
user, logging out rotates that user's signing secret: every cookie signed
before is refused. The JSON web tokens of ``@login`` are kept on the server
(plone.restapi's token store), so ``@logout`` deletes the token.
"""

from plone import api
from plone.keyring.interfaces import IKeyManager
from plone.protect.utils import safeWrite
from zope.component import queryUtility
from zope.globalrequest import getRequest


def end_sessions_on_logout(portal=None):
    acl_users = (portal or api.portal.get()).acl_users
    session = acl_users.get("session")
    if session is not None and not session.getProperty("per_user_keyring"):
        # a read-only property, toggled on its "Manage secrets" tab
        session.per_user_keyring = True
    jwt = acl_users.get("jwt_auth")
    if jwt is not None and not jwt.store_tokens:
        from BTrees.OOBTree import OOBTree

        jwt.store_tokens = True
        if getattr(jwt, "_tokens", None) is None:
            jwt._tokens = OOBTree()


def logged_out(event):
    """IUserLoggedOutEvent: logging out by the classic ``/logout`` (a GET)
    rotates the user's keyring, a write that plone.protect would undo as a
    write on read: the rotation is the point of logging out, so it stays."""
    request = getRequest()
    manager = queryUtility(IKeyManager)
    session = api.portal.get().acl_users.get("session")
    if request is None or manager is None or session is None:
        return
    key = session._getSecretKey(event.object.getId())
    if key in manager:
        safeWrite(manager[key], request)
        safeWrite(manager, request)
