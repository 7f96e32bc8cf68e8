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


def _rids(results):
    return {brain.getRID(): brain for brain in results}


def policy_documents(check, found, **query):
    """Published disclosure items of the policy columns or of a normative
    kind, as ``{rid: brain}`` (``query`` narrows both searches)."""
    catalog = check.catalog
    base = dict(portal_type="DisclosureItem", review_state="published", **query)
    policy_paths = [c["brain"].getPath() for c in found if c["column_type"] == "policy"]
    documents = {}
    if policy_paths:
        documents.update(_rids(catalog.unrestrictedSearchResults(path=policy_paths, **base)))
    documents.update(
        _rids(
            catalog.unrestrictedSearchResults(
                path=check.path, disclosure_kind=[kind for kind, _t in DOCUMENT_KINDS], **base
            )
        )
    )
    return documents


def interpretations(check, found):
    required = check.settings.interpretation_required
    items = []
    if required:
        lacking = policy_documents(check, found, has_interpretation=False)
        items = [states.entry(brain, state=states.FAILED) for brain in lacking.values()]
    return states.indicator(
        "interpretations",
        _("Policy documents interpreted"),
        _(
            "Every published policy or normative document links its interpretation "
            "(where the office requires it)."
        )
        if required
        else _("Interpretations are not required by this office's settings."),
        states.FAILED if items else states.OK,
        len(items),
        0,
        sorted(items, key=lambda i: i["path"]),
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
