"""Settings of passwords and sessions (registry prefix ``zhengwu.security``,
beside the input-hygiene settings of ``settings.py``); docs/security.md
explains each. Read through ``settings.setting``: a site without the records
(before its upgrade) gets these defaults."""

from zhengwu import _
from zope import schema
from zope.interface import Interface


PASSWORD_MIN_LENGTH = 10
PASSWORD_MIN_CLASSES = 3
PASSWORD_HISTORY = 5
PASSWORD_MAX_AGE_DAYS = 0
SESSION_IDLE_MINUTES = 30
SESSION_MAX_HOURS = 8


class ILoginSettings(Interface):
    password_min_length = schema.Int(
        title=_("Shortest password"),
        min=8,
        max=128,
        default=PASSWORD_MIN_LENGTH,
    )
    password_min_classes = schema.Int(
        title=_("Kinds of characters a password mixes"),
        description=_(
            "Of lower-case letters, capital letters, digits and other characters, "
            "how many a password must contain."
        ),
        min=1,
        max=4,
        default=PASSWORD_MIN_CLASSES,
    )
    password_history = schema.Int(
        title=_("Earlier passwords that may not be used again"),
        description=_("0: any earlier password may be used again."),
        min=0,
        max=24,
        default=PASSWORD_HISTORY,
    )
    password_max_age_days = schema.Int(
        title=_("Password expiry (days)"),
        description=_(
            "After this many days a user must change the password after logging in. "
            "0: passwords never expire."
        ),
        min=0,
        max=3650,
        default=PASSWORD_MAX_AGE_DAYS,
    )
    session_idle_minutes = schema.Int(
        title=_("Idle session timeout (minutes)"),
        description=_(
            "A login (cookie or token) not used for this long ends: the user logs in again."
        ),
        min=1,
        max=24 * 60,
        default=SESSION_IDLE_MINUTES,
    )
    session_max_hours = schema.Int(
        title=_("Longest session (hours)"),
        description=_("A login ends this long after it began, however active the user."),
        min=1,
        max=30 * 24,
        default=SESSION_MAX_HOURS,
    )
