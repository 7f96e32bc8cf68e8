"""Site settings of the review domain (registry prefix ``zhengwu.review``)."""

from zhengwu import _
from zope import schema
from zope.interface import Interface


class IReviewSettings(Interface):
    manager_may_self_approve = schema.Bool(
        title=_("Managers are exempt from separation of duties"),
        description=_(
            "Off by default: nobody, a Manager included, approves their own "
            "item or two levels of one review round. Turn on only for an "
            "emergency, and turn off again."
        ),
        default=False,
        required=False,
    )

    login_failures_per_account = schema.Int(
        title=_("Failed logins before an account is locked"),
        description=_(
            "Wrong passwords for one account within the lockout time lock it for that "
            "time, on every way of logging in (the login form, @login, HTTP Basic)."
        ),
        default=5,
        min=1,
        max=100,
        required=True,
    )

    login_failures_per_address = schema.Int(
        title=_("Failed logins before a client address is locked"),
        description=_(
            "Wrong passwords from one client address, whatever the accounts, within "
            "the lockout time lock that address out of logging in for that time."
        ),
        default=20,
        min=1,
        max=10000,
        required=True,
    )

    login_lockout_minutes = schema.Int(
        title=_("Lockout time (minutes)"),
        description=_("How long failures are counted, and how long a lockout lasts."),
        default=15,
        min=1,
        max=1440,
        required=True,
    )

    audit_retention_days = schema.Int(
        title=_("Audit log retention (days)"),
        description=_(
            "Entries older than this are removed by the daily `zhengwu audit-export`. "
            "At least 180 days: the Cybersecurity Law (Art. 21) asks that network logs "
            "be kept no less than six months."
        ),
        default=180,
        min=180,
        max=3650,
        required=True,
    )
