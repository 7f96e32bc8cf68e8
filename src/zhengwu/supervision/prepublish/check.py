"""The pre-publish checks as one ``ITransitionCheck`` of the review workflow
(``zhengwu.review.checks``), and what each finding asks, by transition:

| finding | submit | approve_first, approve_second | publish |
| --- | --- | --- | --- |
| forbidden expression | refused | refused | refused |
| expression to review | shown | acknowledged | acknowledged |
| personal data | shown | acknowledged | a final approver's reason (override) |
| effective date before creation | refused | refused | refused |
| effective date in the future | shown | acknowledged | acknowledged |
| a file whose text cannot be read | shown | shown | shown |

"Shown" findings are listed on the item (the viewlet) and in the
transition form to the author and every reviewer; they refuse nothing.
"""

from plone.registry.interfaces import IRegistry
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.review.checks import ACKNOWLEDGE
from zhengwu.review.checks import Finding
from zhengwu.review.checks import ITransitionCheck
from zhengwu.review.checks import NOTICE
from zhengwu.review.checks import OVERRIDE
from zhengwu.review.checks import REFUSE
from zhengwu.supervision.prepublish import dates
from zhengwu.supervision.prepublish import personal_data
from zhengwu.supervision.prepublish import wording
from zhengwu.supervision.prepublish.settings import IPrepublishSettings
from zhengwu.supervision.prepublish.texts import texts
from zope.component import queryUtility
from zope.interface import implementer
import re


PREFIX = "zhengwu.prepublish"
WARNING = {"submit": NOTICE, "approve_first": ACKNOWLEDGE, "approve_second": ACKNOWLEDGE}
PERSONAL = {
    "submit": NOTICE,
    "approve_first": ACKNOWLEDGE,
    "approve_second": ACKNOWLEDGE,
    "publish": OVERRIDE,
}
# Plone's own labels of these fields are untranslated in its zh_CN catalog.
LABELS = {
    "title": _("Title"),
    "description": _("Summary"),
    "text": _("Body text"),
    "file": _("File"),
    "subjects": _("Tags"),
    "rights": _("Rights"),
}
KIND_TITLES = {
    personal_data.RESIDENT_ID: _("resident ID number"),
    personal_data.MOBILE: _("mobile number"),
    personal_data.BANK_CARD: _("bank card number"),
}


class Settings:
    """The registry's values, or the defaults where a record is missing."""

    def __init__(self):
        registry = queryUtility(IRegistry)
        for name, field in IPrepublishSettings.namesAndDescriptions():
            value = None
            if registry is not None:
                value = registry.get(f"{PREFIX}.{name}")
            setattr(self, name, field.default if value is None else value)


@implementer(ITransitionCheck)
class PrepublishCheck:
    def findings(self, obj, transition, effective=None):
        settings = Settings()
        found = []
        forbidden = wording.expressions(settings.forbidden_expressions)
        to_review = wording.expressions(settings.review_expressions)
        for text in texts(obj):
            place = _place(text)
            if text.text is None:
                found.append(_unread(text, place))
                continue
            for occurrence in wording.occurrences(text.text, forbidden):
                found.append(_wording("forbidden", REFUSE, text, place, occurrence))
            for occurrence in wording.occurrences(text.text, to_review):
                severity = WARNING.get(transition, ACKNOWLEDGE)
                found.append(_wording("review", severity, text, place, occurrence))
            if settings.personal_data:
                found.extend(_personal(text, place, PERSONAL[transition]))
        found.extend(_dates(obj, transition, effective, settings))
        return found


def _place(text):
    top = re.split(r"[.\[]", text.field, maxsplit=1)[0]
    label = LABELS.get(top) or text.label
    label = translated(label) if label else text.field
    if text.filename:
        return translated(
            _("${field}, file ${filename}", mapping={"field": label, "filename": text.filename})
        )
    return label


def _unread(text, place):
    return Finding(
        "unread",
        NOTICE,
        text.field,
        _(
            "The text of ${place} could not be read (a scan, or a format "
            "without a converter): check it by eye.",
            mapping={"place": place},
        ),
        f"unread @ {text.field}",
    )


def _wording(kind, severity, text, place, occurrence):
    mapping = {
        "expression": occurrence.expression.text,
        "hint": occurrence.expression.hint,
        "place": place,
        "excerpt": occurrence.excerpt,
    }
    if kind == "forbidden":
        if occurrence.expression.hint:
            message = _(
                "Forbidden expression “${expression}” (write: ${hint}) in ${place}: “${excerpt}”",
                mapping=mapping,
            )
        else:
            message = _(
                "Forbidden expression “${expression}” in ${place}: “${excerpt}”",
                mapping=mapping,
            )
    elif occurrence.expression.hint:
        message = _(
            "Expression to review “${expression}” (${hint}) in ${place}: “${excerpt}”",
            mapping=mapping,
        )
    else:
        message = _(
            "Expression to review “${expression}” in ${place}: “${excerpt}”", mapping=mapping
        )
    summary = f"{kind} “{occurrence.expression.text}” @ {text.field}"
    return Finding(kind, severity, text.field, message, summary)


def _personal(text, place, severity):
    by_kind = {}
    contact_field = "phone" in text.field.rpartition(".")[2].lower()
    for found in personal_data.find(text.text):
        if found.kind == personal_data.MOBILE and contact_field:
            continue  # a contact number the form asks for (e.g. a guide's 咨询电话)
        by_kind.setdefault(found.kind, []).append(found.masked)
    for kind, masked in by_kind.items():
        shown = "、".join(masked[:3]) + ("…" if len(masked) > 3 else "")
        yield Finding(
            kind,
            severity,
            text.field,
            _(
                "Personal data: ${count} ${kind} (${numbers}) in ${place}.",
                mapping={
                    "count": len(masked),
                    "kind": translated(KIND_TITLES[kind]),
                    "numbers": shown,
                    "place": place,
                },
            ),
            f"{kind} ×{len(masked)} @ {text.field}",
        )


def _dates(obj, transition, effective, settings):
    if settings.refuse_backdated:
        backdated = dates.backdated(obj, effective)
        if backdated is not None:
            yield Finding(
                "backdated",
                REFUSE,
                "effective",
                _(
                    "The publication date ${effective} is earlier than the day the "
                    "item was created (${created}): publication dates must not be "
                    "backdated.",
                    mapping={
                        "effective": dates.shown(backdated[0]),
                        "created": dates.shown(backdated[1]),
                    },
                ),
                "backdated effective date",
            )
    scheduled = dates.scheduled(obj, effective)
    if scheduled is not None:
        yield Finding(
            "scheduled",
            WARNING.get(transition, ACKNOWLEDGE),
            "effective",
            _(
                "The publication date ${effective} is in the future: once published, "
                "the item stays hidden until then.",
                mapping={"effective": dates.shown(scheduled)},
            ),
            f"scheduled for {dates.shown(scheduled)}",
        )
