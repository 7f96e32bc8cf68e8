"""Settings of site supervision (registry prefix ``zhengwu.supervision``).

The defaults are the lines of the 2019 inspection indicators
(《政府网站与政务新媒体检查指标》, 国办秘函〔2019〕19号); ``docs/supervision.md``
names the item of each. An office may set stricter lines, never looser ones
than it will be inspected against: that is its own business.
"""

from plone import api
from zhengwu import _
from zope import schema
from zope.interface import Interface


REGISTRY_PREFIX = "zhengwu.supervision"


class ISupervisionSettings(Interface):
    home_page_max_age_days = schema.Int(
        title=_("Home page: newest item at most (days old)"),
        description=_(
            "The newest item published in a news, notice, policy or interpretation "
            "column may be at most this old (veto item: 2 weeks)."
        ),
        min=1,
        max=365,
        default=14,
    )
    freshness_news_days = schema.Int(
        title=_("News columns: updated within (days)"),
        min=1,
        max=3660,
        default=14,
    )
    freshness_notice_days = schema.Int(
        title=_("Notice, policy and interpretation columns: updated within (days)"),
        min=1,
        max=3660,
        default=183,
    )
    freshness_other_days = schema.Int(
        title=_("Other columns: updated within (days)"),
        description=_("A column's own update interval, where it has one, overrides these."),
        min=1,
        max=3660,
        default=365,
    )
    stale_key_columns_max = schema.Int(
        title=_("Stale news, notice and policy columns: at most"),
        description=_("More is a veto item."),
        min=0,
        max=1000,
        default=5,
    )
    stale_columns_max = schema.Int(
        title=_("Stale columns in all: at most"),
        description=_("More is a veto item."),
        min=0,
        max=1000,
        default=10,
    )
    blank_columns_max = schema.Int(
        title=_("Blank columns: at most"),
        description=_("Published columns with nothing published in them. More is a veto item."),
        min=0,
        max=1000,
        default=5,
    )
    consultation_months = schema.Int(
        title=_("Consultation messages: answered within (months)"),
        description=_("A consultation left unanswered longer is a veto item."),
        min=1,
        max=24,
        default=3,
    )
    consultation_lookahead_days = schema.Int(
        title=_("Consultation messages: warn this many days before (days)"),
        min=0,
        max=90,
        default=14,
    )
    margin_short_days = schema.Int(
        title=_("Warning margin of the two-week rules (days)"),
        description=_("An indicator turns to warning this many days before it would fail."),
        min=0,
        max=13,
        default=3,
    )
    margin_long_days = schema.Int(
        title=_("Warning margin of the longer rules (days)"),
        min=0,
        max=180,
        default=30,
    )
    margin_count = schema.Int(
        title=_("Warning margin of the counts"),
        description=_("A count turns to warning this close to its limit."),
        min=0,
        max=100,
        default=1,
    )
    guide_review_period_days = schema.Int(
        title=_("Service guides: checked within (days)"),
        description=_("Empty: the period of the service guides' settings (180 days by default)."),
        required=False,
        min=7,
        max=3650,
    )
    interpretation_required = schema.Bool(
        title=_("Policy documents require an interpretation"),
        description=_(
            "Published documents of policy columns and normative documents without "
            "a linked interpretation (解读关联) are listed."
        ),
        default=True,
    )
    broken_links_max = schema.Int(
        title=_("Broken links: at most"),
        description=_("Any broken link is a warning; more than this fails the indicator."),
        min=0,
        max=10000,
        default=5,
    )


def current():
    """The settings as a plain object: each field's registry value, or its
    default where the record is missing (a site not yet upgraded)."""
    values = {}
    for name, field in schema.getFields(ISupervisionSettings).items():
        value = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.{name}", default=None)
        values[name] = field.default if value is None and field.required else value
    return _Settings(values)


class _Settings:
    def __init__(self, values):
        self.__dict__.update(values)
