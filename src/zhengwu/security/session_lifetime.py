"""Sessions end after ``session_idle_minutes`` without use (30) and
``session_max_hours`` after the login (8), whatever the activity — for the
login cookie and for the tokens of ``@login`` alike (等保 level 3; issue 17).
After either, the request is anonymous: the classic UI asks for a login, a
REST call answers 401.

- **Cookie** (plone.session's ``__ac`` ticket, patched here): the ticket's
  time stamp is the last use; a request it authenticates re-issues it with a
  new stamp once the stamp is older than a minute (``refresh``), so an idle
  ticket dies after the idle timeout. The login time rides in the ticket's
  signed user data (``zwlogin=…``) and is kept by every re-issue (plone.session
  passes the user data on), so refreshing never extends the lifetime.
  plone.session's own ``timeout`` (2 hours from the stamp) is replaced by
  these two limits.
- **Token** (plone.restapi's ``jwt_auth`` with its token store): the login
  time is a claim of the token (``zw_login``), carried over by
  ``@login-renew``; the last use is kept on the server per token (a JWT
  cannot be changed once issued), written at most once a minute per token,
  in an object per user whose write conflicts merge.

Times come from ``now()``, the machine's clock like Zope's own time stamps;
tests replace it to let hours pass without waiting.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone.base.interfaces import IPloneSiteRoot
from plone.protect.utils import safeWrite
from plone.session import tktauth
from zhengwu.security import login_settings
from zhengwu.security.settings import setting
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import getSite
from zope.globalrequest import getRequest
import binascii
import hashlib
import secrets
import time


LOGIN = "zwlogin"  # in the cookie ticket's user data
TOKEN_LOGIN = "zw_login"  # noqa: S105 (a claim of the JSON web token)
TOKEN_USE = "zhengwu.security.token_use"  # noqa: S105 (an annotation key)


def now():
    """Seconds since the epoch (tests replace this function)."""
    return time.time()


def limits():
    """``(idle, longest)`` in seconds."""
    idle = setting("session_idle_minutes", login_settings.SESSION_IDLE_MINUTES)
    longest = setting("session_max_hours", login_settings.SESSION_MAX_HOURS)
    return idle * 60, longest * 60 * 60


def step(idle):
    """How stale a last use may be before it is written again: a minute, or
    a tenth of a short idle timeout. An idle session ends between ``idle``
    and ``idle + step`` after its last request."""
    return max(1, min(60, idle // 10))


def within_limits(began, last_used, current=None):
    idle, longest = limits()
    current = now() if current is None else current
    return current - last_used < idle and current - began < longest


# The login cookie (plone.session)


def login_time(user_data):
    for part in (user_data or "").split("&"):
        key, _sep, value = part.partition("=")
        if key == LOGIN and value.isdigit():
            return int(value)
    return None


def with_login_time(user_data, when):
    parts = [part for part in (user_data or "").split("&") if part and login_time(part) is None]
    return "&".join([*parts, f"{LOGIN}={int(when)}"])


def _cookie_ticket(session, request):
    """The valid ticket of the request's login cookie, or None."""
    if request is None:
        return None
    credentials = session.extractCredentials(request)
    if "cookie" not in credentials:
        return None
    return session._validateTicket(credentials["cookie"])


def setup_session(self, userid, response, tokens=(), user_data=""):
    """SessionPlugin._setupSession: the ticket stamped with ``now()`` and
    carrying the login time (a new login's, or the current ticket's when the
    same user's cookie is re-issued, e.g. after a password change)."""
    if login_time(user_data) is None:
        began = request_login_time(userid, self)
        user_data = with_login_time(user_data, began if began is not None else now())
    ticket = tktauth.createTicket(
        secret=self._getSigningSecret(userid),
        userid=userid,
        tokens=tokens,
        user_data=user_data,
        timestamp=int(now()),
        mod_auth_tkt=self.getProperty("mod_auth_tkt"),
    )
    self._setCookie(ticket, response)


def validate_ticket(self, ticket, now_=None):
    """SessionPlugin._validateTicket: the signature checked by plone.session
    (given the time 0, so that its own timeout never refuses), then the idle
    timeout from the ticket's stamp and the lifetime from its login time (a
    ticket from before has none: its stamp stands in)."""
    data = self._old__validateTicket(ticket, 0)
    if data is None:
        return None
    _digest, _userid, _tokens, user_data, stamp = data
    began = login_time(user_data)
    if not within_limits(stamp if began is None else began, stamp):
        return None
    return data


def refresh(event):
    """IPubAfterTraversal: a request the cookie authenticated re-issues it
    when its stamp is a minute old (the idle timeout counts from here)."""
    request = event.request
    portal = getSite()
    if not IPloneSiteRoot.providedBy(portal):
        return
    session = portal.acl_users.get("session")
    if session is None or session.getProperty("cookie_name") not in request:
        return
    ticket = _cookie_ticket(session, request)
    user = request.get("AUTHENTICATED_USER")
    if ticket is None or user is None or user.getId() != ticket[1]:
        return
    idle, _longest = limits()
    if now() - ticket[4] >= step(idle):
        session._setupSession(ticket[1], request.response, ticket[2], ticket[3])


# The tokens of @login (plone.restapi's jwt_auth)


class TokenUse(Persistent):
    """When each of one user's tokens was last used (by the token's hash)."""

    def __init__(self):
        self.times = {}

    def _p_resolveConflict(self, old, committed, new):
        # Two requests of one user touched different tokens, or the same one:
        # keep every token, each at its latest use.
        times = dict(committed.get("times", {}))
        for key, value in new.get("times", {}).items():
            times[key] = max(times.get(key, 0), value)
        return {**new, "times": times}


def _digest(token):
    return hashlib.sha256(token.encode() if isinstance(token, str) else token).hexdigest()


def _uses(plugin, create=False):
    portal = aq_parent(aq_inner(plugin._getPAS()))
    annotations = IAnnotations(portal)
    uses = annotations.get(TOKEN_USE)
    if uses is None and create:
        uses = annotations[TOKEN_USE] = OOBTree()
    return uses


def _touch(plugin, userid, token, when):
    uses = _uses(plugin, create=True)
    record = uses.get(userid)
    request = getRequest()
    if record is None:
        record = uses[userid] = TokenUse()
        if request is not None:
            safeWrite(uses, request)
    idle, longest = limits()
    times = {key: value for key, value in record.times.items() if when - value < longest}
    times[_digest(token)] = int(when)
    record.times = times
    if request is not None:
        safeWrite(record, request)


def last_use(plugin, userid, token):
    uses = _uses(plugin)
    record = uses.get(userid) if uses is not None else None
    return record.times.get(_digest(token)) if record is not None else None


def _bearer(request):
    auth = getattr(request, "_auth", None) if request is not None else None
    if isinstance(auth, str) and auth[:7].lower() == "bearer ":
        return auth.split()[-1]
    return None


def request_login_time(userid, plugin):
    """The login time of the session that authenticates this request as
    ``userid`` (a token's or the cookie's), for a token or cookie issued
    from within it (``@login-renew``, a password change); None without."""
    request = getRequest()
    if request is None:
        return None
    acl_users = plugin._getPAS()
    jwt = acl_users.get("jwt_auth")
    token = _bearer(request)
    if jwt is not None and token:
        payload = jwt._decode_token(token) or {}
        if payload.get("sub") == userid and isinstance(payload.get(TOKEN_LOGIN), int):
            return payload[TOKEN_LOGIN]
    session = acl_users.get("session")
    if session is not None and session.getProperty("cookie_name") in request:
        try:
            ticket = _cookie_ticket(session, request)
        except (binascii.Error, ValueError):
            ticket = None
        if ticket is not None and ticket[1] == userid:
            return login_time(ticket[3])
    return None


def create_token(self, userid, timeout=None, data=None):
    """JWTAuthenticationPlugin.create_token: the login time as a claim, and
    the first use recorded."""
    data = dict(data or {})
    # A token of its own even when renewed within the second of the last
    # (same claims, same token: @login-renew then deleted the new token).
    data.setdefault("jti", secrets.token_urlsafe(12))
    if TOKEN_LOGIN not in data:
        began = request_login_time(userid, self)
        data[TOKEN_LOGIN] = int(began if began is not None else now())
    token = self._old_create_token(userid, timeout=timeout, data=data)
    _touch(self, userid, token, now())
    return token


def authenticate_token(self, credentials):
    """JWTAuthenticationPlugin.authenticateCredentials: a token past its
    idle timeout or its lifetime authenticates nobody."""
    result = self._old_authenticateCredentials(credentials)
    if result is None or credentials.get("extractor") != self.getId():
        return result
    token = credentials["token"]
    payload = self._decode_token(token) or {}
    userid = result[0]
    began = payload.get(TOKEN_LOGIN)
    if not isinstance(began, int):
        # a token from before: its creation time in the token store
        began = (self._tokens or {}).get(userid, {}).get(token) if self._tokens else None
        began = began if began is not None else now()
    last = last_use(self, userid, token)
    last = began if last is None else last
    current = now()
    if not within_limits(began, last, current):
        return None
    idle, _longest = limits()
    if current - last >= step(idle):
        _touch(self, userid, token, current)
    return result
