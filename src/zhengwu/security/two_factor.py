"""Two-factor login with TOTP (issue 17): what a user's second factor is,
where it is kept and how a code is checked. The login routes
(``two_factor_login``) and the pages (``two_factor_views``) use it.

Kept server-side, per user, in an annotation of the site (never in member
properties, which ``@users`` and the member views show): the secret, the
hashes of the unused recovery codes (``submissions.codes``: PBKDF2, shown
once), the last time step a code was accepted for (a code is never accepted
twice) and the issue time of the last login token used (each second-step
token works once).

A right password of an enrolled user proves nothing alone:
``password_accepted`` (called by ``review.lockout`` for every password
check: the login form, ``@login``, HTTP Basic, a password in a JSON body or
in the ``__ac`` cookie) refuses it unless this request has shown the code,
and notes that the password was right so that the login form and
``@login`` can ask for the code.
"""

from AccessControl import getSecurityManager
from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from plone import api
from plone.keyring.interfaces import IKeyManager
from zhengwu.security.settings import setting
from zhengwu.submissions import codes
from zope.annotation.interfaces import IAnnotations
from zope.component import queryUtility
import base64
import hashlib
import hmac
import json
import pyotp
import time


KEY = "zhengwu.security.two_factor"
PENDING = "zhengwu.two_factor.pending"
VERIFIED = "zhengwu.two_factor.verified"
ADMIN_ROLES = frozenset({"Manager", "Site Administrator"})
RECOVERY_CODES = 10
VALID_WINDOW = 1  # the step before and after the current one: clocks drift
TOKEN_SECONDS = 300  # the second step of a login must follow within 5 minutes
ENROL_SECONDS = 1800  # the secret shown on the enrolment page stays valid this long


def now():
    """The real time: codes follow the authenticator app's clock, not the
    product's (``zhengwu.clock`` is fixed in tests). Tests replace this."""
    return time.time()


# Where the records live


def _portal():
    try:
        return api.portal.get()
    except api.exc.CannotGetPortalError:
        return None


def _records(create=False):
    portal = _portal()
    if portal is None:
        return None
    annotations = IAnnotations(portal)
    records = annotations.get(KEY)
    if records is None and create:
        records = annotations[KEY] = OOBTree()
    return records


def record(userid):
    """The user's record (a mapping), or None when they have no second factor."""
    records = _records()
    if records is None or not userid:
        return None
    return records.get(userid)


def enrolled(userid):
    return record(userid) is not None


def enrolled_users():
    records = _records()
    return sorted(records.keys()) if records is not None else []


def enrol(userid, secret, step):
    """Store ``secret`` (confirmed by a code of time step ``step``); the new
    recovery codes in clear, to be shown once."""
    records = _records(create=True)
    records[userid] = PersistentMapping(
        secret=secret,
        enrolled=now(),
        last_step=step,
        last_token=0.0,
        recovery=[],
    )
    return new_recovery_codes(userid)


def remove(userid):
    records = _records()
    if records is not None and userid in records:
        del records[userid]
        return True
    return False


def new_recovery_codes(userid):
    """Replace the user's recovery codes; the new ones in clear (shown once)."""
    fresh = [codes.new_code() for _ in range(RECOVERY_CODES)]
    record(userid)["recovery"] = [codes.hash_code(code) for code in fresh]
    return [f"{code[:5]}-{code[5:]}" for code in fresh]


def recovery_left(userid):
    entry = record(userid)
    return len(entry["recovery"]) if entry is not None else 0


# Codes


def new_secret():
    return pyotp.random_base32()


def provisioning_uri(secret, login, issuer):
    return pyotp.TOTP(secret).provisioning_uri(name=login, issuer_name=issuer)


def _normal(code):
    if not isinstance(code, str):
        return ""
    return "".join(code.split()).replace("-", "").upper()[:32]


def matching_step(secret, code, after=None):
    """The time step (within ``VALID_WINDOW`` of now) whose code is ``code``
    and that is later than ``after``; None if none."""
    code = _normal(code)
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(int(now()))
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if after is not None and step <= after:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def verify(userid, code):
    """Whether ``code`` is a current code of the user's app not used before,
    or one of their unused recovery codes; either is used up by this."""
    entry = record(userid)
    if entry is None:
        return False
    step = matching_step(entry["secret"], code, after=entry["last_step"])
    if step is not None:
        entry["last_step"] = step
        return True
    candidate = _normal(code)
    if len(candidate) != codes.LENGTH:
        return False
    for stored in entry["recovery"]:
        if codes.check_code(candidate, stored):
            entry["recovery"] = [other for other in entry["recovery"] if other != stored]
            return True
    return False


# Signed tokens: the second step of a login, the secret of an enrolment


def _key():
    manager = queryUtility(IKeyManager)
    secret = manager.secret() if manager is not None else ""
    return hashlib.sha256(f"zhengwu.two_factor:{secret}".encode()).digest()


def sign(payload):
    data = base64.urlsafe_b64encode(json.dumps(payload, sort_keys=True).encode()).decode()
    mac = hmac.new(_key(), data.encode(), hashlib.sha256).hexdigest()
    return f"{data}.{mac}"


def unsign(token, max_age):
    """The payload of a token this site signed less than ``max_age`` seconds
    ago (its ``t``), or None."""
    if not isinstance(token, str) or token.count(".") != 1 or len(token) > 4000:
        return None
    data, mac = token.split(".")
    expected = hmac.new(_key(), data.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, expected):
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(data.encode()))
    except ValueError:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("t"), int | float):
        return None
    if not 0 <= now() - payload["t"] <= max_age:
        return None
    return payload


def login_token(userid, login, came_from):
    return sign({"u": userid, "l": login, "c": came_from or "", "t": now()})


def read_login_token(token):
    """The payload of a second-step token still valid and not used, or None."""
    payload = unsign(token, TOKEN_SECONDS)
    if payload is None:
        return None
    entry = record(payload.get("u"))
    if entry is None or payload["t"] <= entry["last_token"] or payload["t"] < entry["enrolled"]:
        return None
    return payload


def use_login_token(payload):
    record(payload["u"])["last_token"] = payload["t"]


# Who must have it


def required_for(user):
    """Whether ``user`` must log in with a second factor: the setting is on
    and they are Manager or Site Administrator (globally, directly or
    through a group)."""
    if user is None or not setting("two_factor_required", False):
        return False
    return bool(ADMIN_ROLES & set(user.getRoles()))


# The password check (review.lockout)


def password_accepted(result, request):
    """``result`` (``(userid, login)`` of a right password) when it logs the
    user in; None when their second factor must be shown first. Three cases
    pass: no second factor; the code shown in this request (``VERIFIED``);
    the user already logged in confirming their own password (changing it)."""
    userid = result[0]
    if request is None or not enrolled(userid):
        return result
    annotations = IAnnotations(request)
    if annotations.get(VERIFIED) == userid:
        return result
    current = getSecurityManager().getUser()
    if current is not None and current.getId() == userid:
        return result
    annotations[PENDING] = {"userid": userid, "login": result[1]}
    return None


def pending_login(request):
    """``{"userid", "login"}`` when this request gave the right password of
    a user whose code is still wanted."""
    return IAnnotations(request).get(PENDING) if request is not None else None


def principal_deleted(event):
    """A deleted user's second factor goes with them."""
    principal = event.principal
    userid = principal if isinstance(principal, str) else principal.getId()
    remove(userid)
