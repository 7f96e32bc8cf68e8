"""What the site remembers of each account's passwords: the last ones as
salted hashes (PBKDF2-SHA256, a salt each; never the passwords) and when
the password was last set (for expiry, on the product's clock).

Kept in an annotation of the site (``zhengwu.security.passwords``): an
OOBTree from user id to a ``PasswordRecord``. Every password the site's user
source stores is recorded (``recorded_add``, ``recorded_update``: patches of
PAS's ZODB user manager, whatever the channel), so the history is complete
even where a channel checks no rule."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from AuthEncoding import AuthEncoding
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone.base.interfaces import IPloneSiteRoot
from zhengwu import clock
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import getSite
import hashlib
import hmac
import secrets


KEY = "zhengwu.security.passwords"
SINCE = "zhengwu.security.passwords.since"
ITERATIONS = 60_000
KEEP = 24  # the most the history setting allows


class PasswordRecord(Persistent):
    def __init__(self):
        self.hashes = ()
        self.changed = None  # seconds since the epoch, on the product's clock


def hash_password(password):
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), ITERATIONS).hex()
    return f"pbkdf2_sha256${ITERATIONS}${salt}${digest}"


def matches(password, stored):
    try:
        _scheme, iterations, salt, digest = stored.split("$")
        iterations = int(iterations)
    except ValueError:
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations)
    return hmac.compare_digest(candidate.hex(), digest)


def _portal(context=None):
    """The Plone site of ``context`` (a PAS plugin: None for the Zope root's
    user folder) or, without one, of the request."""
    obj = context
    while obj is not None:
        if IPloneSiteRoot.providedBy(obj):
            return obj
        obj = aq_parent(aq_inner(obj))
    if context is not None:
        return None
    site = getSite()
    return site if IPloneSiteRoot.providedBy(site) else None


def _store(portal, create=False):
    annotations = IAnnotations(portal)
    store = annotations.get(KEY)
    if store is None and create:
        store = annotations[KEY] = OOBTree()
    return store


def record(userid, password, context=None):
    """``password`` is now ``userid``'s: remember its hash and the time."""
    portal = _portal(context)
    if portal is None or not isinstance(password, str) or not password:
        return
    store = _store(portal, create=True)
    entry = store.get(userid)
    if entry is None:
        entry = store[userid] = PasswordRecord()
    entry.hashes = (hash_password(password),) + tuple(entry.hashes)[: KEEP - 1]
    entry.changed = clock.now().timestamp()


def reused(userid, password, count):
    """Whether ``password`` is one of ``userid``'s last ``count`` passwords."""
    portal = _portal()
    store = _store(portal) if portal is not None else None
    entry = store.get(userid) if store is not None else None
    if entry is None:
        return False
    return any(matches(password, stored) for stored in entry.hashes[:count])


def changed(userid):
    """When ``userid``'s password was last set (seconds since the epoch);
    for an account whose password predates these records, when the records
    began (``mark_start``); None outside a site."""
    portal = _portal()
    if portal is None:
        return None
    store = _store(portal)
    entry = store.get(userid) if store is not None else None
    if entry is not None and entry.changed is not None:
        return entry.changed
    return IAnnotations(portal).get(SINCE)


def forget(userid, context=None):
    portal = _portal(context)
    store = _store(portal) if portal is not None else None
    if store is not None and userid in store:
        del store[userid]


def mark_start(portal):
    """The records begin: an account with no record counts its password's
    age from now (installation or upgrade), not from an unknown past."""
    annotations = IAnnotations(portal)
    if annotations.get(SINCE) is None:
        annotations[SINCE] = clock.now().timestamp()
    _store(portal, create=True)


# Patches of PlonePAS's user source (``source_users``), configure.zcml.


def recorded_add(self, user_id, login_name, password):
    """UserManager.addUser, recording the first password (not one that
    comes already hashed, as in a migration)."""
    self._old_addUser(user_id, login_name, password)
    if isinstance(password, str) and not AuthEncoding.is_encrypted(password):
        record(user_id, password, self)


def recorded_change(self, principal_id, password):
    """UserManager.doChangeUser (every password change of Plone and
    plone.restapi ends here), recording the new password."""
    self._old_doChangeUser(principal_id, password)
    record(principal_id, password, self)


def recorded_update(self, user_id, password):
    """ZODBUserManager.updateUserPassword (the ZMI), recording it."""
    self._old_updateUserPassword(user_id, password)
    if password:
        record(user_id, password, self)


def recorded_remove(self, user_id):
    """UserManager.removeUser: a removed account's history goes with it (a
    new account of the same id starts afresh)."""
    self._old_removeUser(user_id)
    forget(user_id, self)
