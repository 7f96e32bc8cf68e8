"""Columns: the home page's newest item, each column's freshness, blank
columns and the three veto counts (国办秘函〔2019〕19号, 单项否决 items 2
"网站不更新" and 3 "栏目不更新"; docs/supervision.md).

A column is a published section with a column type (``zhengwu.column_type``).
It counts as updated when something in it is *published* — a ``publish``
transition or a working copy checked in (``publication.last_published``) —
never when it is merely edited (``modified`` is not read). Everything is
read from the catalog: one query a column, sorted on the ``last_published``
index with a limit.
"""

from zhengwu import _
from zhengwu.site.columns import COLUMN_TYPE_IDS
from zhengwu.supervision import states
from zhengwu.workdays.calendar import china_date
import Missing


HOME_PAGE_TYPES = ("news", "notice", "policy", "interpretation")
KEY_TYPES = ("news", "notice", "policy")  # the veto count of 栏目不更新
SHORT_TYPES = ("news",)
HALF_YEAR_TYPES = ("notice", "policy", "interpretation")
# Sections, not content: publishing a folder updates no column.
CONTAINER_TYPES = frozenset(
    ("Folder", "Department", "DisclosureCatalog", "PetitionBox", "LRF", "LIF", "EasyForm")
)


def limit_of(column_type, own, settings):
    if own:
        return own
    if column_type in SHORT_TYPES:
        return settings.freshness_news_days
    if column_type in HALF_YEAR_TYPES:
        return settings.freshness_notice_days
    return settings.freshness_other_days


def margin_of(limit, settings):
    """The short margin for the two-week rules, the long one for the others
    (never more than half the interval)."""
    if limit <= 14:
        return min(settings.margin_short_days, limit)
    return min(settings.margin_long_days, limit // 2)


def columns(check):
    """Every published column below ``check.root``: its brain, type, limit,
    newest published item and age in days (None when blank)."""
    catalog = check.catalog
    found = []
    for brain in catalog.unrestrictedSearchResults(
        path=check.path, column_type=COLUMN_TYPE_IDS, review_state="published"
    ):
        newest = _newest(catalog, brain.getPath())
        limit = limit_of(brain.column_type, _value(brain.freshness_days), check.settings)
        age = None if newest is None else (check.today - china_date(published_on(newest))).days
        found.append(
            {
                "brain": brain,
                "column_type": brain.column_type,
                "limit": limit,
                "margin": margin_of(limit, check.settings),
                "newest": newest,
                "age": age,
            }
        )
    return found


def _newest(catalog, path, limit=10):
    """The newest published item below ``path`` (sections skipped: a few at
    most stand before the first item), or None. Sorted with a limit, so the
    catalog walks the index instead of sorting the column."""
    query = {
        "path": path,
        "review_state": "published",
        "sort_on": "last_published",
        "sort_order": "reverse",
    }
    results = catalog.unrestrictedSearchResults(sort_limit=limit, **query)
    for brain in results[:limit]:
        if brain.portal_type not in CONTAINER_TYPES and brain.getPath() != path:
            return brain
    if results.actual_result_count > limit:  # more sections than that at the top: all of them
        for brain in catalog.unrestrictedSearchResults(**query):
            if brain.portal_type not in CONTAINER_TYPES and brain.getPath() != path:
                return brain
    return None


def published_on(brain):
    """The brain's last publication (its ``effective`` date where the
    metadata is not filled yet)."""
    return _value(brain.last_published) or brain.effective


def _value(value):
    return None if value is None or value is Missing.Value or value == "" else value


def _column_entry(column, state):
    newest = column["newest"]
    extra = {
        "state": state,
        "column_type": column["column_type"],
        "age_days": column["age"],
        "limit_days": column["limit"],
    }
    if newest is not None:
        extra["newest"] = {
            "title": newest.Title,
            "url": newest.getURL(),
            "published": china_date(published_on(newest)).isoformat(),
        }
    return states.entry(column["brain"], **extra)


def home_page(check, found):
    s = check.settings
    shown = [c for c in found if c["column_type"] in HOME_PAGE_TYPES and c["newest"] is not None]
    newest = max(shown, key=lambda c: published_on(c["newest"]), default=None)
    age = None if newest is None else newest["age"]
    state = states.by_age(age, s.home_page_max_age_days, s.margin_short_days)
    items = []
    if newest is not None:
        brain = newest["newest"]
        items.append(
            states.entry(
                brain,
                published=china_date(published_on(brain)).isoformat(),
                column=newest["brain"].Title,
            )
        )
    return states.indicator(
        "home_page",
        _("Home page updated"),
        _(
            "The newest item of the news, notice, policy and interpretation columns "
            "is at most ${days} days old.",
            mapping={"days": s.home_page_max_age_days},
        ),
        state,
        age,
        s.home_page_max_age_days,
        items,
        veto=True,
        unit="days",
    )


def _column_states(found):
    out = []
    for column in found:
        if column["newest"] is None:
            continue  # blank: counted apart
        out.append((column, states.by_age(column["age"], column["limit"], column["margin"])))
    return out


def column_freshness(check, found):
    s = check.settings
    judged = _column_states(found)
    stale = [c for c, state in judged if state == states.FAILED]
    near = [c for c, state in judged if state == states.WARNING]
    items = [_column_entry(c, states.FAILED) for c in stale]
    items += [_column_entry(c, states.WARNING) for c in near]
    return states.indicator(
        "column_freshness",
        _("Columns updated"),
        _(
            "News columns are updated within ${news} days, notice, policy and "
            "interpretation columns within ${notice} days, other columns within "
            "${other} days (or their own interval).",
            mapping={
                "news": s.freshness_news_days,
                "notice": s.freshness_notice_days,
                "other": s.freshness_other_days,
            },
        ),
        states.worst(state for _c, state in judged),
        len(stale),
        0,
        items,
        unit="columns",
        limits={
            "news": s.freshness_news_days,
            "notice": s.freshness_notice_days,
            "policy": s.freshness_notice_days,
            "interpretation": s.freshness_notice_days,
            "other": s.freshness_other_days,
        },
    )


def _column_count(indicator_id, title, rule, columns, limit, check, entry):
    """A veto count of columns (stale or blank) against its limit."""
    return states.indicator(
        indicator_id,
        title,
        rule,
        states.by_count(len(columns), limit, check.settings.margin_count),
        len(columns),
        limit,
        [entry(c) for c in columns],
        veto=True,
        unit="columns",
    )


def _stale(found, types=None):
    return [
        c
        for c, state in _column_states(found)
        if state == states.FAILED and (types is None or c["column_type"] in types)
    ]


def stale_key_columns(check, found):
    limit = check.settings.stale_key_columns_max
    return _column_count(
        "stale_key_columns",
        _("Stale news, notice and policy columns"),
        _(
            "At most ${count} news, notice and policy columns are out of date.",
            mapping={"count": limit},
        ),
        _stale(found, KEY_TYPES),
        limit,
        check,
        lambda c: _column_entry(c, states.FAILED),
    )


def stale_columns(check, found):
    limit = check.settings.stale_columns_max
    return _column_count(
        "stale_columns",
        _("Stale columns in all"),
        _("At most ${count} columns in all are out of date.", mapping={"count": limit}),
        _stale(found),
        limit,
        check,
        lambda c: _column_entry(c, states.FAILED),
    )


def blank_columns(check, found):
    limit = check.settings.blank_columns_max
    return _column_count(
        "blank_columns",
        _("Blank columns"),
        _(
            "At most ${count} published columns have nothing published in them.",
            mapping={"count": limit},
        ),
        [c for c in found if c["newest"] is None],
        limit,
        check,
        lambda c: states.entry(c["brain"], column_type=c["column_type"]),
    )
