"""An opinion on a consultation, from the page's form or ``POST
@opinions``: refused outside the comment period, then read and checked
like every public submission (``zhengwu.submissions.intake``: honeypot,
per-client limit, size limits, control characters), numbered and stored
by the submissions' system user, pending moderation."""

from plone import api
from zhengwu import _
from zhengwu import clock
from zhengwu.participation import consultation as consultations
from zhengwu.participation.opinion import IOpinion
from zhengwu.participation.opinion import PREFIX
from zhengwu.rest import Forbidden
from zhengwu.submissions import intake
from zhengwu.submissions import tracking
from zhengwu.submissions.catalog import adding_record
from zhengwu.submissions.lookup import system_user


FIELDS = ("text", "section", "author_name", "contact")


def refusal(consultation, today=None):
    """The sentence refusing opinions today, or None while open."""
    if api.content.get_state(consultation, default=None) != "published":
        return _("This consultation is not published: it takes no opinions.")
    stage = consultations.phase(consultation, today)
    if stage == consultations.UPCOMING:
        return _(
            "This consultation opens for comment on ${date}; opinions are taken from then on.",
            mapping={"date": consultation.opens.isoformat()},
        )
    if stage != consultations.OPEN:
        return _(
            "This consultation closed on ${date}; it takes no more opinions.",
            mapping={"date": consultation.closes.isoformat()},
        )
    return None


def submit(consultation, data, request):
    """``(opinion, None, errors)``; a refusal for a consultation not open,
    a filled honeypot or a flood."""
    refused = refusal(consultation)
    if refused is not None:
        raise Forbidden(refused, kind="ConsultationClosed")
    values, errors = intake.receive(
        data,
        IOpinion,
        FIELDS,
        consultation,
        request,
        _("You have sent several opinions just now; try again later."),
    )
    if errors:
        return None, None, errors
    number = tracking.draw(PREFIX)
    with system_user(), adding_record(consultation):
        opinion = api.content.create(
            container=consultation,
            type="Opinion",
            id=number.lower(),
            safe_id=False,
            tracking_number=number,
            received_date=clock.today(),
            **values,
        )
    tracking.register(number, opinion.UID())
    return opinion, None, []
