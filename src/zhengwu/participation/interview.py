"""Online interviews (在线访谈): the type ``Interview``
(docs/participation.md, *Online interviews*).

An interview is published through the three reviews (its preview, and
later its transcript through a working copy or a withdrawal). Its phase
comes from the product's clock: ``scheduled`` before ``start``, ``live``
until ``start + duration``, ``past`` afterwards. The public sends questions
until the interview ends; moderators (the department's editors and the
administrators) publish or refuse them and publish question/answer pairs
live. Questions and pairs live in the interview's annotation
(``interview_questions``), not as content: they are many and small, and the
moderation page writes them while the interview itself stays frozen under
the review workflow.

Folderish: its pictures are Images inside it, reviewed like any picture.
"""

from datetime import timedelta
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zhengwu import _
from zhengwu import clock
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid


SEPARATORS = ("｜", "|")


def check_guest(value):
    parts = _split(value)
    if len(parts) != 3 or not all(parts):
        raise Invalid(_("Write each guest as: name | title | organ."))
    return True


def _split(line):
    for separator in SEPARATORS[1:]:
        line = line.replace(separator, SEPARATORS[0])
    return [part.strip() for part in line.split(SEPARATORS[0])]


class IInterview(model.Schema):
    start = schema.Datetime(
        title=_("Start"),
        description=_("When the interview begins (Beijing time)."),
    )
    duration = schema.Int(
        title=_("Duration (minutes)"),
        description=_("Questions are taken until the interview ends."),
        default=90,
        min=10,
        max=600,
    )
    guests = schema.List(
        title=_("Guests"),
        description=_("One guest a line: name | title | organ."),
        value_type=schema.TextLine(constraint=check_guest),
        required=True,
        min_length=1,
    )
    preview = RichText(
        title=_("Preview"),
        description=_("What the interview is about, shown before it begins."),
        required=False,
    )
    video_url = schema.URI(
        title=_("Video"),
        description=_("The address of the interview's recording, if any."),
        required=False,
    )
    transcript = RichText(
        title=_("Transcript"),
        description=_("The full transcript, published after the interview."),
        required=False,
    )


@implementer(IInterview)
class Interview(Container):
    pass


def guest_rows(interview):
    """[{"name", "title", "organ"}] of the interview's guests."""
    rows = []
    for line in interview.guests or ():
        parts = _split(line) + ["", "", ""]
        rows.append({"name": parts[0], "title": parts[1], "organ": parts[2]})
    return rows


def _aware(value):
    """``start`` as an aware datetime in China (a naive one is Beijing time)."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=clock.CHINA)
    return value


def ends(interview):
    start = _aware(interview.start)
    return start + timedelta(minutes=interview.duration or 90) if start else None


def phase(interview, now=None):
    """``scheduled``, ``live`` or ``past`` on the product's clock."""
    now = now or clock.now()
    start = _aware(interview.start)
    if start is None or now < start:
        return "scheduled"
    if now < ends(interview):
        return "live"
    return "past"


def takes_questions(interview, now=None):
    return phase(interview, now) != "past"
