"""Policy documents: interpretations linked where the office requires them
(扣分: 政策解读), and repealed or expired documents with their successor and
date (扣分: 文件有效性标注). Disclosure items of the policy columns and the
normative documents (规章, 行政规范性文件), from the catalog alone."""

from zhengwu import _
from zhengwu.disclosure.genres import DOCUMENT_KINDS
from zhengwu.disclosure.genres import SUPERSEDED
from zhengwu.supervision import states
import Missing


NOT_VALID = ("amended", "repealed", "expired")


def lacking_interpretation(check, found):
    """``(count, first brains)`` of the published disclosure items of the
    policy columns or of a normative kind without a linked interpretation.
    Counted from the result lengths (the two sets, less what both hold), so
    no brain is made beyond the ones listed."""
    search = check.catalog.unrestrictedSearchResults
    base = {"portal_type": "DisclosureItem", "review_state": "published"}
    base["has_interpretation"] = False
    kinds = [kind for kind, _title in DOCUMENT_KINDS]
    policy_paths = [c["brain"].getPath() for c in found if c["column_type"] == "policy"]
    normative = search(path=check.path, disclosure_kind=kinds, **base)
    if not policy_paths:
        return len(normative), normative[: states.MAX_ITEMS]
    in_columns = search(path=policy_paths, **base)
    both = search(path=policy_paths, disclosure_kind=kinds, **base)
    count = len(in_columns) + len(normative) - len(both)
    first, seen = [], set()
    for results in (in_columns, normative):
        for brain in results[: states.MAX_ITEMS]:
            if len(first) < states.MAX_ITEMS and brain.getPath() not in seen:
                seen.add(brain.getPath())
                first.append(brain)
    return count, first


def interpretations(check, found):
    required = check.settings.interpretation_required
    count, items = 0, []
    if required:
        count, first = lacking_interpretation(check, found)
        items = [states.entry(brain, state=states.FAILED) for brain in first]
    return states.indicator(
        "interpretations",
        _("Policy documents interpreted"),
        _(
            "Every published policy or normative document links its interpretation "
            "(where the office requires it)."
        )
        if required
        else _("Interpretations are not required by this office's settings."),
        states.FAILED if count else states.OK,
        count,
        0,
        items,
        total=count,
        unit="documents",
        required=required,
    )


def validity(check):
    items = []
    for brain in check.catalog.unrestrictedSearchResults(
        path=check.path,
        portal_type="DisclosureItem",
        review_state="published",
        disclosure_validity=list(NOT_VALID),
    ):
        lacks = []
        if _missing(brain.validity_date):
            lacks.append("validity_date")
        if brain.validity in SUPERSEDED and not _true(brain.has_successor):
            lacks.append("superseded_by")
        if lacks:
            items.append(
                states.entry(brain, state=states.FAILED, validity=brain.validity, missing=lacks)
            )
    return states.indicator(
        "validity",
        _("Repealed and expired documents marked"),
        _(
            "Every amended, repealed or expired document gives the date, and an "
            "amended or repealed one its successor."
        ),
        states.FAILED if items else states.OK,
        len(items),
        0,
        items,
        unit="documents",
    )


def _missing(value):
    return value is None or value is Missing.Value


def _true(value):
    return value is not Missing.Value and bool(value)
