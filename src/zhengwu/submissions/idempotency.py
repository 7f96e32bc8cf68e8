"""Idempotency keys: a client's retry of a submission that was in fact
stored gets the first answer again, not a second record.

A REST client sends ``Idempotency-Key: <key>`` with its ``POST``; the
public forms carry a hidden nonce (``idempotency_key``) drawn when the page
is shown. The first submission with a key stores, next to the record, an
entry under a digest of (the endpoint, the client's address, the key): the
tracking number, the time, and the answer (with its query code) encrypted
and authenticated with a key derived from the client's key — the database
never holds a readable query code, and only whoever presents the same key
from the same address within ``TTL`` reads the answer again. A key must be
unguessable: at least ``MIN_LENGTH`` characters of which at least
``MIN_DISTINCT`` differ (a UUID qualifies).

The entries live in the site's annotations: an OOBTree of 256 shards (by
the digest's first two hex digits, all made at once with the first entry),
each an OOBTree of digests. Digests are random, so concurrent submissions
insert into different shards (on history-free RelStorage a conflict in one
small tree is rarely resolved: measured, one tree per hour made every two
keyed submissions of the first minutes conflict); the same key sent twice
at once inserts the same digest, which conflicts: ``commit.committed``
retries the later one, which then finds the first one's entry and answers
it. An entry older than ``TTL`` is never answered, and is dropped when its
shard is swept (now and then, on an insertion into it).
"""

from BTrees.OOBTree import OOBTree
from plone import api
from zhengwu import _
from zhengwu.rest import BadRequest
from zope.annotation.interfaces import IAnnotations
import hashlib
import hmac
import json
import re
import secrets
import time


HEADER = "Idempotency-Key"
FORM_FIELD = "idempotency_key"
MIN_LENGTH = 16
MAX_LENGTH = 200
MIN_DISTINCT = 8
TTL = 24 * 3600
ANNOTATION = "zhengwu.submissions.idempotency"
SWEEP_EVERY = 32  # one insertion in this many sweeps its shard
_ALLOWED = re.compile(r"^[A-Za-z0-9._~+/=:-]+$")


def new_nonce():
    """A key for a form page (192 random bits)."""
    return secrets.token_urlsafe(24)


def check(key, field=HEADER):
    """``key`` stripped, or ``BadRequest`` naming ``field`` when it is not an
    acceptable key; None when no key was given."""
    if key is None:
        return None
    if not isinstance(key, str):
        raise BadRequest(_("Give ${field} once.", mapping={"field": field}), field)
    key = key.strip()
    if (
        not MIN_LENGTH <= len(key) <= MAX_LENGTH
        or not _ALLOWED.match(key)
        or len(set(key)) < MIN_DISTINCT
    ):
        raise BadRequest(
            _(
                "${field} must be an unguessable key of ${min} to ${max} letters, digits "
                "or - _ . ~ + / = : (a UUID, for instance).",
                mapping={"field": field, "min": MIN_LENGTH, "max": MAX_LENGTH},
            ),
            field,
        )
    return key


def _digest(key, client, scope):
    return hashlib.sha256(f"{scope}\n{client}\n{key}".encode()).hexdigest()


def _shards(create=False):
    annotations = IAnnotations(api.portal.get())
    shards = annotations.get(ANNOTATION)
    if shards is None and create:
        shards = OOBTree({f"{n:02x}": OOBTree() for n in range(256)})
        annotations[ANNOTATION] = shards
    return shards


def _now():
    return time.time()


def replay(key, client, scope):
    """The answer first given to ``key`` from ``client`` at ``scope`` in the
    last ``TTL`` seconds, or None."""
    shards = _shards()
    if shards is None:
        return None
    digest = _digest(key, client, scope)
    entry = shards[digest[:2]].get(digest)
    if entry is None or _now() - entry["time"] > TTL:
        return None
    return _open(key, entry)


def remember(key, client, scope, number, answer):
    """Keep ``answer`` (JSON-able) for the retries of ``key``."""
    now = _now()
    digest = _digest(key, client, scope)
    shard = _shards(create=True)[digest[:2]]
    if secrets.randbelow(SWEEP_EVERY) == 0:
        for old in [d for d, entry in shard.items() if now - entry["time"] > TTL]:
            del shard[old]
    salt = secrets.token_bytes(16)
    sealed, tag = _seal(key, salt, json.dumps(answer, sort_keys=True).encode())
    shard[digest] = {
        "time": now,
        "tracking_number": number,
        "salt": salt,
        "answer": sealed,
        "digest": tag,
    }


def _keys(key, salt):
    secret = key.encode()
    return (
        hmac.new(secret, b"encrypt" + salt, hashlib.sha256).digest(),
        hmac.new(secret, b"authenticate" + salt, hashlib.sha256).digest(),
    )


def _stream(key, length):
    blocks = (
        hmac.new(key, n.to_bytes(8, "big"), hashlib.sha256).digest()
        for n in range(length // 32 + 1)
    )
    return b"".join(blocks)[:length]


def _seal(key, salt, plain):
    encrypt, authenticate = _keys(key, salt)
    sealed = bytes(a ^ b for a, b in zip(plain, _stream(encrypt, len(plain)), strict=True))
    return sealed, hmac.new(authenticate, sealed, hashlib.sha256).hexdigest()


def _open(key, entry):
    encrypt, authenticate = _keys(key, entry["salt"])
    tag = hmac.new(authenticate, entry["answer"], hashlib.sha256).hexdigest()
    if not hmac.compare_digest(tag, entry["digest"]):
        return None
    sealed = entry["answer"]
    plain = bytes(a ^ b for a, b in zip(sealed, _stream(encrypt, len(sealed)), strict=True))
    return json.loads(plain)
