"""Query codes (查询码): shown once to the submitter, stored only hashed
(PBKDF2-SHA256 with a salt of its own), compared in constant time."""

import hashlib
import hmac
import secrets


# No 0/O, 1/I/L: read aloud or copied from a screen without mistakes.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 10  # about 50 bits; status lookups are throttled per client
ITERATIONS = 20_000


def new_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def hash_code(code):
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", code.encode(), salt.encode(), ITERATIONS).hex()
    return f"pbkdf2_sha256${ITERATIONS}${salt}${digest}"


def check_code(code, stored):
    """Whether ``code`` matches ``stored``; never raises on bad input."""
    if not isinstance(code, str) or not isinstance(stored, str):
        return False
    try:
        _scheme, iterations, salt, digest = stored.split("$")
        iterations = int(iterations)
    except ValueError:
        return False
    candidate = hashlib.pbkdf2_hmac(
        "sha256", code.strip().upper().encode(), salt.encode(), iterations
    ).hex()
    return hmac.compare_digest(candidate, digest)
