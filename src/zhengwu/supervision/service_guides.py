"""Service guides: key elements missing (扣分: 办事指南要素缺失) and guides
not checked within the review period. The key elements are the guides' own
(``zhengwu.guides.completeness``), kept in the catalog at indexing."""

from datetime import timedelta
from zhengwu import _
from zhengwu.guides import completeness
from zhengwu.i18n import translated
from zhengwu.supervision import states
import Missing


def _published_guides(check):
    return check.catalog.unrestrictedSearchResults(
        path=check.path, portal_type="ServiceGuide", review_state="published"
    )


def guide_elements(check):
    items = []
    for brain in _published_guides(check):
        fields = brain.guide_missing
        if fields is Missing.Value or fields is None:
            # Not indexed since site supervision was installed: ask the guide.
            fields = completeness.missing_fields(brain._unrestrictedGetObject())
        if fields:
            lacks = [translated(label) for label in completeness.labels(fields)]
            items.append(states.entry(brain, state=states.FAILED, missing=lacks))
    return states.indicator(
        "guide_elements",
        _("Service guides complete"),
        _("Every published service guide has every key element."),
        states.FAILED if items else states.OK,
        len(items),
        0,
        items,
        unit="guides",
    )


def review_period(check):
    return check.settings.guide_review_period_days or completeness.review_period()


def guides_checked(check):
    """Failed: a guide not checked within the period; warning: one whose
    period ends within the long margin."""
    period = review_period(check)
    margin = min(check.settings.margin_long_days, period // 2)
    failed, warning = [], []
    for brain in _published_guides(check):
        checked = brain.last_reviewed
        if checked is Missing.Value:
            checked = brain._unrestrictedGetObject().last_reviewed
        age = None if checked is None else (check.today - checked).days
        state = states.by_age(age, period, margin)
        if state == states.OK:
            continue
        entry = states.entry(
            brain,
            state=state,
            last_reviewed=checked.isoformat() if checked else None,
            due=(checked + timedelta(days=period)).isoformat() if checked else None,
        )
        (failed if state == states.FAILED else warning).append(entry)
    return states.indicator(
        "guides_checked",
        _("Service guides checked"),
        _(
            "Every published service guide was checked within ${days} days.",
            mapping={"days": period},
        ),
        states.FAILED if failed else states.WARNING if warning else states.OK,
        len(failed),
        0,
        failed + warning,
        unit="guides",
        period_days=period,
    )
