"""The settings of link checking and of the daily supervision run
(registry, ``profiles/default/registry/links.xml``)."""

from zhengwu import _
from zope import schema
from zope.interface import Interface


class ILinkCheckSettings(Interface):
    """Prefix ``zhengwu.supervision.links``."""

    site_url = schema.TextLine(
        title=_("Public address of the site"),
        description=_(
            "The address visitors use, e.g. https://www.example.gov.cn: links written with it "
            "are checked inside the site, and e-mails link to it."
        ),
        required=False,
        default="",
    )
    internal_urls = schema.List(
        title=_("Other addresses of the site"),
        description=_("Further addresses (one a line) at which the site is also served."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    reachable_networks = schema.List(
        title=_("Internal networks links may point to"),
        description=_(
            "Addresses of the checker's own network (loopback, private, link-local) are not "
            "asked, so that a published link cannot make the server probe its network; list "
            "here, one a line in CIDR form (e.g. 10.1.0.0/16), the intranet networks whose "
            "servers the site's pages may link to."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    timeout = schema.Float(
        title=_("Timeout of one link (seconds)"), default=10.0, min=0.5, max=120.0
    )
    per_host = schema.Int(title=_("Requests at a time to one server"), default=2, min=1, max=10)
    workers = schema.Int(title=_("Requests at a time in all"), default=8, min=1, max=64)
    budget = schema.Int(
        title=_("Time budget of a run (seconds)"),
        description=_("Links not reached within it are checked on the next run."),
        default=600,
        min=10,
        max=86400,
    )
    recheck_hours = schema.Int(
        title=_("Recheck an external link after (hours)"),
        description=_("A result younger than this is reused, so that no server is asked daily."),
        default=24,
        min=0,
    )


class ISupervisionMailSettings(Interface):
    """Prefix ``zhengwu.supervision.mail``."""

    weekly_weekday = schema.Int(
        title=_("Day of the weekly summary"),
        description=_("0 is Monday, 6 is Sunday."),
        default=0,
        min=0,
        max=6,
    )
    due_days = schema.Int(
        title=_("Remind of items due within (working days)"), default=3, min=0, max=20
    )
