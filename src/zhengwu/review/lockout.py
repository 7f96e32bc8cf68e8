"""Password guessing is stopped on every way of logging in (issue 17,
finding 3): the login form, ``@login`` and HTTP Basic all end in the user
source's ``authenticateCredentials``, patched here (configure.zcml).

- Per account: ``login_failures_per_account`` wrong passwords (default 5)
  within ``login_lockout_minutes`` (15) lock the account for the rest of that
  window — the right password is refused too until then.
- Per client address (behind trusted proxies, the real one): more than
  ``login_failures_per_address`` (20) failures, whatever the accounts, lock
  that address out of logging in.
- Each failure goes to the audit log with the login and the address, in a
  transaction of its own (kept when the request fails); an address's entries
  stop at its limit, so nobody floods the log; each lockout is recorded once.

The counts live in each Zope process's memory, like the submission limits
(``submissions.throttle``): with N processes behind a balancer a guesser
gets at most N times the limit. A success clears the account's count.
"""

from zhengwu.review.audit_events import login_failed
from zhengwu.review.audit_events import login_locked
from zhengwu.security.two_factor import password_accepted
from zhengwu.submissions import throttle
from zhengwu.submissions.throttle import Throttle
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest


ACCOUNTS = Throttle(
    "login-accounts",
    "zhengwu.review.login_failures_per_account",
    "zhengwu.review.login_lockout_minutes",
    5,
    15,
)
ADDRESSES = Throttle(
    "login-addresses",
    "zhengwu.review.login_failures_per_address",
    "zhengwu.review.login_lockout_minutes",
    20,
    15,
)


def _key(login):
    return login.strip().lower()[:100]


def locked_out(login, address):
    """Whether logging in as ``login`` from ``address`` is refused now."""
    return ACCOUNTS.exceeded(_key(login)) or ADDRESSES.exceeded(address)


def minutes_left(login, address):
    seconds = max(
        ACCOUNTS.retry_after(_key(login)) if ACCOUNTS.exceeded(_key(login)) else 0,
        ADDRESSES.retry_after(address) if ADDRESSES.exceeded(address) else 0,
    )
    return max(1, -(-seconds // 60))


_ATTEMPTS = "zhengwu.review.login_attempts"


def _failed(login, address, audit=login_failed):
    key = _key(login)
    was_locked = ACCOUNTS.exceeded(key), ADDRESSES.exceeded(address)
    ACCOUNTS.hit(key)
    ADDRESSES.hit(address)
    if ADDRESSES.count(address) <= ADDRESSES.limit():
        audit(login.strip()[:100])
    if ACCOUNTS.exceeded(key) and not was_locked[0]:
        login_locked(login.strip()[:100], address)
    elif ADDRESSES.exceeded(address) and not was_locked[1]:
        login_locked("", address)


def authenticateCredentials(self, credentials):
    """Refuse while locked out; note the outcome. A request may try the same
    credentials with several user sources (the site's, then the Zope
    root's) and more than once (``@login`` after PAS): it fails only when
    none of them accepts it, decided when the request ends (``request_ended``)."""
    login = credentials.get("login")
    if not isinstance(login, str) or not login.strip() or "password" not in credentials:
        return self._old_authenticateCredentials(credentials)
    request = getRequest()
    address = throttle.client(request) if request is not None else "unknown"
    if locked_out(login, address):
        if request is not None:
            IAnnotations(request)["zhengwu.review.locked_out"] = minutes_left(login, address)
        return None
    result = self._old_authenticateCredentials(credentials)
    if request is None:
        if result is None:
            _failed(login, address)
        return result
    attempts = IAnnotations(request).setdefault(_ATTEMPTS, {})
    attempt = attempts.setdefault(_key(login), {"login": login, "ok": False})
    if result is not None:
        attempt["ok"] = True
        # Two-factor login (security.two_factor): a right password may still
        # want its code; the count is cleared only by a whole login.
        result = password_accepted(result, request)
        if result is not None:
            ACCOUNTS.forget(_key(login))
    return result


def request_ended(event):
    """IPubEnd: the logins this request tried and no user source accepted."""
    request = event.request
    attempts = IAnnotations(request).get(_ATTEMPTS)
    if not attempts:
        return
    address = throttle.client(request)
    for attempt in attempts.values():
        if not attempt["ok"]:
            _failed(attempt["login"], address)
    attempts.clear()


# Two-factor login (security.two_factor_login): a wrong code counts like a
# wrong password; a right one ends the count.


def failed(login, request, audit=login_failed):
    """A failure found after the password check (a wrong two-factor code),
    counted and audited (by ``audit``) like a wrong password."""
    _failed(login, throttle.client(request), audit)


def succeeded(login):
    ACCOUNTS.forget(_key(login))


def locked_minutes(request):
    """Minutes left of the lockout that refused this request's login, or None."""
    return IAnnotations(request).get("zhengwu.review.locked_out") if request is not None else None


def reset():
    ACCOUNTS.reset()
    ADDRESSES.reset()
