"""The Consultation (意见征集): a draft regulation or policy published for
comment between ``opens`` and ``closes``, under the three reviews like any
policy text. Opinions (``opinion.py``) arrive inside it while it is open;
after it closes, its feedback (``feedback.py``, 意见采纳情况) goes through
the same three reviews.

《重大行政决策程序暂行条例》 (国令第713号) asks for at least 30 days of
comment: a shorter period is allowed (some drafts are urgent) but warned
on the form and counted by site supervision.
"""

from datetime import timedelta
from plone import api
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zhengwu import _
from zhengwu import clock
from zhengwu.files import check_attachment
from zhengwu.site.department import enclosing_department
from zhengwu.submissions.catalog import quiet_while_adding
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


MIN_DAYS = 30  # 国令第713号: normally no fewer than 30 days of comment
DEFAULT_DAYS = 30

UPCOMING = "upcoming"
OPEN = "open"
AWAITING_FEEDBACK = "awaiting_feedback"
CONCLUDED = "concluded"
PHASES = (UPCOMING, OPEN, AWAITING_FEEDBACK, CONCLUDED)
PHASE_TITLES = {
    UPCOMING: _("consultation_phase_upcoming", default="Not yet open"),
    OPEN: _("consultation_phase_open", default="Open for comment"),
    AWAITING_FEEDBACK: _("consultation_phase_awaiting", default="Closed, feedback pending"),
    CONCLUDED: _("consultation_phase_concluded", default="Concluded"),
}

CHANNELS = SimpleVocabulary(
    [
        SimpleTerm("online", "online", _("channel_online", default="Online, on this page")),
        SimpleTerm("email", "email", _("channel_email", default="By email")),
        SimpleTerm("post", "post", _("channel_post", default="By post")),
        SimpleTerm("fax", "fax", _("channel_fax", default="By fax")),
    ]
)


class ClosesBeforeOpens(Invalid):
    """``closes`` precedes ``opens``: forms show it at ``closes``, REST names that field."""

    field = "closes"


def closes_error(opens, closes):
    """The sentence refusing these dates, or None."""
    if opens and closes and closes < opens:
        return _(
            "The consultation cannot close (${closes}) before it opens (${opens}).",
            mapping={"closes": closes.isoformat(), "opens": opens.isoformat()},
        )
    return None


def short_period(opens, closes):
    """The number of days of comment when fewer than ``MIN_DAYS``, else None
    (both dates count)."""
    if opens and closes and closes >= opens:
        days = (closes - opens).days + 1
        if days < MIN_DAYS:
            return days
    return None


@provider(IContextAwareDefaultFactory)
def default_opens(context):
    return clock.today()


@provider(IContextAwareDefaultFactory)
def default_closes(context):
    return clock.today() + timedelta(days=DEFAULT_DAYS - 1)


class IConsultation(model.Schema):
    """Title and summary come from plone.basic (``title``, ``description``)."""

    department = schema.Choice(
        title=_("Drafting department"),
        description=_("Its petition handlers moderate the opinions and read commenters' contacts."),
        vocabulary="zhengwu.vocabularies.Departments",
        defaultFactory=enclosing_department,
    )
    opens = schema.Date(
        title=_("Open for comment from"),
        defaultFactory=default_opens,
    )
    closes = schema.Date(
        title=_("Open for comment until"),
        description=_("Normally at least 30 days after the opening (国令第713号)."),
        defaultFactory=default_closes,
    )
    text = RichText(
        title=_("Draft"),
        description=_(
            "The draft's headings are numbered on the page: commenters may name the section "
            "they comment on."
        ),
        required=False,
    )
    attachments = schema.List(
        title=_("Attachments"),
        description=_("The draft and its explanation as PDF, OFD or Word files."),
        value_type=NamedBlobFile(constraint=check_attachment),
        required=False,
        default=[],
    )
    channels = schema.List(
        title=_("How to comment"),
        value_type=schema.Choice(vocabulary=CHANNELS),
        default=["online"],
        required=False,
    )
    directives.widget(channels=CheckBoxFieldWidget)
    email = schema.TextLine(title=_("Email for opinions"), max_length=100, required=False)
    postal_address = schema.Text(
        title=_("Postal address for opinions"),
        description=_("Write 意见征集 on the envelope."),
        max_length=500,
        required=False,
    )
    contact = schema.Text(
        title=_("Contact"),
        description=_("The office and phone number that answer questions about this consultation."),
        max_length=500,
        required=False,
    )

    @invariant
    def period(data):
        message = closes_error(getattr(data, "opens", None), getattr(data, "closes", None))
        if message:
            raise ClosesBeforeOpens(message)


@implementer(IConsultation)
class Consultation(Container):
    # Opinions are added by the public: no change of the consultation itself.
    reindexObject = quiet_while_adding(Container.reindexObject)
    # The date its feedback was published (feedback_events), None before.
    feedback_published = None


def phase(consultation, today=None):
    """Where the consultation stands on ``today`` (the product's clock)."""
    today = today or clock.today()
    opens, closes = consultation.opens, consultation.closes
    if opens and today < opens:
        return UPCOMING
    if closes is None or today <= closes:
        return OPEN
    return CONCLUDED if consultation.feedback_published else AWAITING_FEEDBACK


def is_open(consultation, today=None):
    return (
        api.content.get_state(consultation, default=None) == "published"
        and phase(consultation, today) == OPEN
    )


def days_left(consultation, today=None):
    today = today or clock.today()
    if consultation.closes is None:
        return None
    return (consultation.closes - today).days
