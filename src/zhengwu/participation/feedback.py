"""The ConsultationFeedback (意见采纳情况): what the office did with the
opinions, published through the three reviews inside the consultation
once it closed.

The counts (received, adopted, partly adopted, not adopted), a summary,
and one line per group of opinions: what they asked, whether it was
adopted, and why not (``主题 | 采纳 | 理由``, one group a line; the page
shows them as a table, REST gives them as ``decision_rows`` too).
"""

from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.supermodel import model
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.participation.consultation_sections import consultation_of
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema import ValidationError
from zope.schema.interfaces import IContextAwareDefaultFactory
import re


ADOPTED = "adopted"
PARTLY = "partly_adopted"
NOT_ADOPTED = "not_adopted"
DECISIONS = (ADOPTED, PARTLY, NOT_ADOPTED)
DECISION_TITLES = {
    ADOPTED: _("decision_adopted", default="Adopted"),
    PARTLY: _("decision_partly_adopted", default="Partly adopted"),
    NOT_ADOPTED: _("decision_not_adopted", default="Not adopted"),
}
# What an editor may write in the decision column, Chinese first.
DECISION_WORDS = {
    "采纳": ADOPTED,
    "已采纳": ADOPTED,
    "adopted": ADOPTED,
    "部分采纳": PARTLY,
    "partly adopted": PARTLY,
    "partly_adopted": PARTLY,
    "未采纳": NOT_ADOPTED,
    "不予采纳": NOT_ADOPTED,
    "not adopted": NOT_ADOPTED,
    "not_adopted": NOT_ADOPTED,
}
SEPARATOR = re.compile(r"\s*[|｜]\s*")
MAX_GROUPS = 200


class DecisionLineError(ValidationError):
    """A bad line of ``decisions``: ``doc()`` is one sentence naming it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return translated(self.message)


def parse_decisions(text):
    """``[{"topic", "decision", "reason"}]``; ``DecisionLineError`` for a bad line."""
    rows = []
    for number, line in enumerate((text or "").splitlines(), 1):
        if not line.strip():
            continue
        cells = SEPARATOR.split(line.strip(), maxsplit=2)
        if len(cells) < 2 or not cells[0]:
            raise DecisionLineError(
                _(
                    "Line ${n}: write the group of opinions, then its decision "
                    "(采纳, 部分采纳 or 未采纳), then the reason, separated by |.",
                    mapping={"n": number},
                )
            )
        decision = DECISION_WORDS.get(cells[1].strip().lower())
        if decision is None:
            raise DecisionLineError(
                _(
                    "Line ${n}: the decision must be 采纳, 部分采纳 or 未采纳.",
                    mapping={"n": number},
                )
            )
        reason = cells[2].strip() if len(cells) > 2 else ""
        if decision != ADOPTED and not reason:
            raise DecisionLineError(
                _(
                    "Line ${n}: say why the opinions were not (fully) adopted.",
                    mapping={"n": number},
                )
            )
        rows.append({"topic": cells[0], "decision": decision, "reason": reason})
    if len(rows) > MAX_GROUPS:
        raise DecisionLineError(_("At most ${max} groups.", mapping={"max": MAX_GROUPS}))
    return rows


@provider(IContextAwareDefaultFactory)
def opinions_received(context):
    """The opinions the consultation received online (every state): the
    editor adds those that came by mail or post."""
    consultation = consultation_of(context)
    if consultation is None:
        return 0
    return sum(1 for obj in consultation.objectValues() if obj.portal_type == "Opinion")


def check_decisions(value):
    parse_decisions(value)
    return True


class IConsultationFeedback(model.Schema):
    """Its title comes from plone.basic (e.g. 《…》征求意见采纳情况)."""

    received = schema.Int(
        title=_("Opinions received"),
        description=_(
            "Online, by email and by post; the opinions sent on this site are counted for you."
        ),
        min=0,
        max=10**7,
        defaultFactory=opinions_received,
    )
    adopted = schema.Int(title=_("Adopted"), min=0, max=10**7, default=0)
    partly_adopted = schema.Int(title=_("Partly adopted"), min=0, max=10**7, default=0)
    not_adopted = schema.Int(title=_("Not adopted"), min=0, max=10**7, default=0)
    summary = RichText(title=_("Summary"), required=False)
    decisions = schema.Text(
        title=_("Decisions per group of opinions"),
        description=_(
            "One group a line: what the opinions asked | 采纳, 部分采纳 or 未采纳 | why not. "
            "E.g. 建议延长过渡期 | 部分采纳 | 过渡期延长至六个月"
        ),
        required=False,
        max_length=50000,
        constraint=check_decisions,
    )

    @invariant
    def counts(data):
        received = getattr(data, "received", 0) or 0
        handled = sum(
            getattr(data, name, 0) or 0 for name in ("adopted", "partly_adopted", "not_adopted")
        )
        if handled > received:
            raise Invalid(
                _(
                    "Adopted, partly adopted and not adopted add up to ${handled}, "
                    "more than the ${received} opinions received.",
                    mapping={"handled": handled, "received": received},
                )
            )


@implementer(IConsultationFeedback)
class ConsultationFeedback(Item):
    def decision_rows(self):
        try:
            return parse_decisions(self.decisions)
        except DecisionLineError:
            return []
