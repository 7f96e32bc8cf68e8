"""The public's questions to an interview and the live question/answer
pairs, kept in the interview's annotation.

A question (``text``, optional ``name`` and ``contact``) arrives through
the shared intake of public submissions (honeypot, per-client limit, size
limits, control characters removed: ``zhengwu.submissions.intake``) and is
stored in its own transaction (``zhengwu.submissions.commit``). It is
``pending`` — seen only by the moderators — until one of them publishes it
or refuses it with a reason; both are recorded in the audit log. The
``contact`` is the department's: it never leaves ``moderator_questions``.

A pair (question, answer, the guest who answers) is published by a
moderator during the interview; the public page polls ``public_data``.
"""

from BTrees.OOBTree import OOBTree
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.supermodel import model
from zhengwu import _
from zhengwu import clock
from zhengwu.participation import interview as interviews
from zhengwu.rest import BadRequest
from zhengwu.rest import Forbidden
from zhengwu.review.audit_events import record
from zhengwu.submissions import intake
from zope import schema
from zope.annotation.interfaces import IAnnotations
import itertools
import time


ANNOTATION_KEY = "zhengwu.interview"
FIELDS = ("text", "name", "contact")
# Who moderates: the department's editors and the administrators.
MODERATORS = ("Manager", "Site Administrator", "Editor")
STATUSES = ("pending", "published", "refused")


class IQuestion(model.Schema):
    text = schema.Text(title=_("Your question"), max_length=1000)
    name = schema.TextLine(title=_("Your name (optional)"), required=False, max_length=50)
    contact = schema.TextLine(
        title=_("Phone or e-mail (optional, seen only by the department)"),
        required=False,
        max_length=100,
    )


def _store(interview):
    annotations = IAnnotations(interview)
    store = annotations.get(ANNOTATION_KEY)
    if store is None:
        store = annotations[ANNOTATION_KEY] = PersistentMapping()
        store["questions"] = OOBTree()
        store["pairs"] = PersistentList()
    return store


def _read(interview):
    """The store without making it (a GET never writes)."""
    return IAnnotations(interview).get(ANNOTATION_KEY) or {"questions": {}, "pairs": []}


_serial = itertools.count()


def _new_id():
    return f"{int(time.time() * 1000):x}{next(_serial) % 1000:03d}"


def may_moderate(interview):
    if api.user.is_anonymous():
        return False
    return bool(set(api.user.get_roles(obj=interview)) & set(MODERATORS))


def ask(interview, data, request):
    """Store a question from the public: ``(id, errors)``; ``Refused`` for
    a past interview, a filled honeypot or a flood."""
    if not interviews.takes_questions(interview):
        raise Forbidden(_("This interview is over; questions are no longer taken."))
    values, errors = intake.receive(
        data,
        IQuestion,
        FIELDS,
        interview,
        request,
        _("You have sent several questions just now; try again later."),
    )
    if errors:
        return None, errors
    question_id = _new_id()
    _store(interview)["questions"][question_id] = PersistentMapping(
        {
            "id": question_id,
            "text": values["text"],
            "name": values.get("name") or "",
            "contact": values.get("contact") or "",
            "received": clock.now().isoformat(),
            "status": "pending",
            "reason": "",
        }
    )
    return question_id, []


def moderate(interview, question_id, status, reason=""):
    """A moderator publishes (``published``) or refuses (``refused``, with
    a reason) a question; audited."""
    question = _store(interview)["questions"].get(question_id)
    if question is None:
        raise BadRequest(_("There is no such question."), "question")
    if status not in ("published", "refused"):
        raise BadRequest(_("Publish or refuse."), "status")
    reason = (reason or "").strip()
    if status == "refused" and not reason:
        raise BadRequest(_("Say why the question is refused."), "reason")
    question["status"] = status
    question["reason"] = reason
    record(
        f"interview_question_{status}",
        obj=interview,
        comment=f"{question_id}: {reason}" if reason else question_id,
    )


def publish_pair(interview, question, answer, guest=""):
    """A moderator publishes a question/answer pair live; audited."""
    question, answer = (question or "").strip(), (answer or "").strip()
    if not question:
        raise BadRequest(_("Write the question."), "question")
    if not answer:
        raise BadRequest(_("Write the answer."), "answer")
    _store(interview)["pairs"].append(
        PersistentMapping(
            {
                "question": question,
                "answer": answer,
                "guest": (guest or "").strip(),
                "time": clock.now().isoformat(),
            }
        )
    )
    record("interview_pair_published", obj=interview, comment=question[:100])


def public_question(question):
    """A published question as the public sees it: never its contact."""
    return {
        "id": question["id"],
        "text": question["text"],
        "name": question["name"] or None,
        "received": question["received"],
    }


def public_data(interview):
    """What anyone may read: phase, published questions, the pairs."""
    store = _read(interview)
    return {
        "phase": interviews.phase(interview),
        "questions": [
            public_question(q) for q in store["questions"].values() if q["status"] == "published"
        ],
        "pairs": [dict(p) for p in store["pairs"]],
    }


def moderator_questions(interview, status=None):
    """Every question with its contact, for the moderators' page."""
    return [
        dict(q)
        for q in _read(interview)["questions"].values()
        if status is None or q["status"] == status
    ]
