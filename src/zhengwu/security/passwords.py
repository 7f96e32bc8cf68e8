"""Password rules (等保 level 3; issue 17): what a password must be, one
sentence for the first rule it breaks.

- at least ``password_min_length`` characters (10);
- at least ``password_min_classes`` (3) of four kinds of characters:
  lower-case letters, capital letters, digits, anything else;
- not containing the login name or the user id (either way of writing it);
- not a common password (``data/common_passwords.txt``, compared without
  regard to case);
- not one of the account's last ``password_history`` (5) passwords
  (``password_history.reused``).

The rules are asked by the PAS validation plugin (``password_policy``) that
Plone's forms and plone.restapi consult, and by the REST overrides of
``@users`` (``services/users``)."""

from functools import cache
from pathlib import Path
from zhengwu import _
from zhengwu.security import login_settings
from zhengwu.security import password_history
from zhengwu.security.settings import setting
import unicodedata


COMMON_PASSWORDS = Path(__file__).parent / "data" / "common_passwords.txt"


@cache
def common_passwords():
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def character_classes(password):
    """How many of lower-case, capital, digit and other characters
    ``password`` holds (a Chinese character counts as other)."""
    kinds = set()
    for char in password:
        if char.isdigit() and char.isascii():
            kinds.add("digit")
        elif char.islower():
            kinds.add("lower")
        elif char.isupper():
            kinds.add("upper")
        else:
            kinds.add("other")
    return len(kinds)


def _plain(text):
    return unicodedata.normalize("NFKC", text or "").casefold()


def rules():
    """The settings the rules read: ``(length, classes, history)``."""
    return (
        setting("password_min_length", login_settings.PASSWORD_MIN_LENGTH),
        setting("password_min_classes", login_settings.PASSWORD_MIN_CLASSES),
        setting("password_history", login_settings.PASSWORD_HISTORY),
    )


def description():
    """The rules in one sentence, for the password field's help."""
    length, classes, history = rules()
    return _(
        "At least ${length} characters with at least ${classes} of: lower-case "
        "letters, capital letters, digits, other characters; not containing the user "
        "name, not a common password, not one of the last ${history} passwords.",
        mapping={"length": length, "classes": classes, "history": history},
    )


def problem(password, names=(), userid=None):
    """The first rule ``password`` breaks, as a message; None when it keeps
    them all. ``names``: the login name and user id it may not contain;
    ``userid``: the account whose earlier passwords it may not repeat."""
    length, classes, history = rules()
    if not isinstance(password, str) or len(password) < length:
        return _(
            "The password must have at least ${length} characters.",
            mapping={"length": length},
        )
    if character_classes(password) < classes:
        return _(
            "The password must contain at least ${classes} of these: lower-case "
            "letters, capital letters, digits, other characters.",
            mapping={"classes": classes},
        )
    plain = _plain(password)
    for name in names:
        name = _plain(name)
        if len(name) >= 3 and name in plain:
            return _("The password must not contain the user name.")
    if plain in common_passwords() or password.lower() in common_passwords():
        return _("This password is too common: choose one that is harder to guess.")
    if userid and history and password_history.reused(userid, password, history):
        return _(
            "The password must differ from the last ${history} passwords of this account.",
            mapping={"history": history},
        )
    return None
