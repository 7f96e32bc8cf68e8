"""Surveys (问卷调查): collective.easyform forms with the behavior
``zhengwu.survey`` (docs/participation.md).

The office builds the questions with easyform's field editor; the behavior
adds what a government survey needs: the days it takes answers (``opens``,
``closes``, Beijing dates, both included), and the state kept beside the
answers (``survey_state``): the clients who answered, and whether the final
approver published the summary.

Answers are stored by easyform's save-data adapter (``answers``, put in
place of easyform's default mailer when a survey is made): the form's
``_inputStorage``, read through ``collective.easyform: Download Saved Input``
— granted in ``rolemap.xml`` to Manager, Site Administrator and Editor (the
department's editors hold Editor there through their group) and to nobody
else, in every state.
"""

from BTrees.OOBTree import OOBTree
from collective.easyform.api import get_actions
from collective.easyform.config import ACTIONS_DEFAULT
from collective.easyform.config import FIELDS_DEFAULT
from collective.easyform.interfaces import ISaveData
from persistent.mapping import PersistentMapping
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zhengwu import _
from zhengwu import clock
from zhengwu.review.audit_events import record
from zope import schema
from zope.annotation.interfaces import IAnnotations
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema import getFieldsInOrder
import hashlib


ANNOTATION_KEY = "zhengwu.survey"
# easyform's permission on saved data (its title, as Zope checks it)
ANSWERS_PERMISSION = "collective.easyform: Download Saved Input"
# What a new survey saves its answers with (easyform's save-data adapter),
# instead of easyform's default mailer: answers go to the department, not
# to a mailbox.
ACTIONS_MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="answers" type="collective.easyform.actions.SaveData">
      <title>Answers</title>
      <ExtraData><element>dt</element></ExtraData>
      <DownloadFormat>csv</DownloadFormat>
      <UseColumnNames>True</UseColumnNames>
    </field>
  </schema>
</model>
"""
FIELDS_MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema />
</model>
"""


@provider(IFormFieldProvider)
class ISurvey(model.Schema):
    """The behavior ``zhengwu.survey`` (its marker too)."""

    model.fieldset(
        "survey",
        label=_("Survey"),
        fields=["opens", "closes"],
    )

    opens = schema.Date(
        title=_("Opens"),
        description=_("The first day answers are taken (Beijing time). Empty: from publication."),
        required=False,
    )
    closes = schema.Date(
        title=_("Closes"),
        description=_("The last day answers are taken (Beijing time). Empty: no end."),
        required=False,
    )

    @invariant
    def closes_after_opens(data):
        if data.opens and data.closes and data.closes < data.opens:
            raise Invalid(_("The survey cannot close before it opens."))


def refusal(survey, today=None):
    """Why ``survey`` takes no answer today (a message), or None."""
    today = today or clock.today()
    opens = getattr(survey, "opens", None)
    closes = getattr(survey, "closes", None)
    if opens and today < opens:
        return _(
            "This survey opens on ${date}; answers are not taken yet.",
            mapping={"date": opens.isoformat()},
        )
    if closes and today > closes:
        return _(
            "This survey closed on ${date}; answers are no longer taken.",
            mapping={"date": closes.isoformat()},
        )
    return None


def is_open(survey, today=None):
    return refusal(survey, today) is None


def state(survey):
    """The survey's own record: ``clients`` (hashed client key → answers)
    and ``summary`` (who published the summary, when; None before). Made
    on first use: read through ``published_summary`` and ``answers``, which
    never write."""
    annotations = IAnnotations(survey)
    record = annotations.get(ANNOTATION_KEY)
    if record is None:
        record = annotations[ANNOTATION_KEY] = PersistentMapping()
        record["clients"] = OOBTree()
        record["summary"] = None
    return record


def client_hash(survey, key):
    """The client's key as stored: hashed with the survey's UID, so the
    record holds no address."""
    return hashlib.sha256(f"{survey.UID()}:{key}".encode()).hexdigest()


def client_count(survey, key):
    """How many answers the client ``key`` gave (read without writing)."""
    record = IAnnotations(survey).get(ANNOTATION_KEY)
    return record["clients"].get(client_hash(survey, key), 0) if record is not None else 0


def saving_actions(survey):
    """The save-data adapters of ``survey`` (name, action)."""
    return [(n, a) for n, a in getFieldsInOrder(get_actions(survey)) if ISaveData.providedBy(a)]


def answers(survey):
    """Every stored answer (dicts of field → value), oldest first. Read
    from easyform's storage without its ``_storage``, which makes the
    storage on reading (a write on a GET)."""
    stored = getattr(survey, "_inputStorage", None) or {}
    rows = []
    for name, _action in saving_actions(survey):
        rows.extend(stored[name].values() if name in stored else ())
    return rows


def published_summary(survey):
    """Who published the summary and when (``{"by", "on"}``), or None."""
    record = IAnnotations(survey).get(ANNOTATION_KEY)
    return record.get("summary") if record is not None else None


def summary_published(survey):
    return bool(published_summary(survey))


def survey_added(survey, event):
    """A new survey saves its answers instead of mailing them, and starts
    without easyform's sample fields of a contact form (e-mail, subject,
    comments): the office adds its own questions. Only easyform's defaults
    are replaced: a copied survey keeps its questions."""
    if getattr(survey, "actions_model", None) in (None, "", ACTIONS_DEFAULT):
        survey.actions_model = ACTIONS_MODEL
    if getattr(survey, "fields_model", None) in (None, "", FIELDS_DEFAULT):
        survey.fields_model = FIELDS_MODEL


def set_summary_published(survey, published, userid):
    """The final approver ``userid`` publishes the summary (or takes it
    back); recorded in the audit log."""
    if published:
        state(survey)["summary"] = {"by": userid, "on": clock.now().isoformat()}
    else:
        state(survey)["summary"] = None
    action = "survey_summary_published" if published else "survey_summary_withdrawn"
    record(action, obj=survey, actor=userid)
