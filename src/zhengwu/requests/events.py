"""What happens around disclosure requests: who handles one, the rules of
each transition, and the statutory clock it moves."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zhengwu import _
from zhengwu import clock
from zhengwu.i18n import translated
from zhengwu.interfaces import ReasonRequired
from zhengwu.requests import statutory_clock
from zhengwu.requests.kinds import REASONS
from zhengwu.site.department_groups import set_group_role


WORKFLOW_ID = "zhengwu_request_workflow"
OFFICERS = "disclosure-officers"
# The transitions needing a comment (the utility named zhengwu_request_workflow).
# What to correct and why it takes longer reach the applicant (status page,
# letters); whom the office consults is kept for the record.
REASON_REQUIRED = ReasonRequired("request_correction", "extend", "consult")
COMMENT_REQUIRED = REASON_REQUIRED.transitions


def _refuse(message):
    raise WorkflowException(translated(message))


def _ours(event):
    return (
        event.workflow is not None
        and event.workflow.getId() == WORKFLOW_ID
        and event.transition is not None
    )


def record_added(record, event):
    """Only the disclosure officers of the organ the request was addressed
    to handle it: no local role from the folders above reaches it."""
    record.__ac_local_roles_block__ = True
    organ = api.content.get(UID=record.organ) if record.organ else None
    with api.env.adopt_roles(["Manager"]):
        # Reindexes the request's security (queued with its first indexing).
        set_group_role(record, OFFICERS, "DisclosureOfficer", organ)


def before_transition(record, event):
    if not _ours(event):
        return
    transition = event.transition.getId()
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    on = clock.today()
    if transition in COMMENT_REQUIRED and not comment:
        _refuse(_("Give the reason: the applicant reads it."))
    if transition == "request_correction":
        if record.correction_requested_on is not None:
            _refuse(_("A correction may be asked for only once, listing everything at one go."))
        if not statutory_clock.correction_in_time(record, on):
            _refuse(
                _(
                    "A correction must be asked for within ${days} working days of receipt.",
                    mapping={"days": statutory_clock.CORRECTION_REQUEST_DAYS},
                )
            )
    if transition == "extend":
        if record.extended_on is not None:
            _refuse(_("The answer may be extended only once."))
        if record.due_date is not None and on > record.due_date:
            _refuse(_("The deadline has passed: an extension must be decided before it."))
    if transition == "answer":
        outcome = record.outcome
        if not outcome:
            _refuse(_("Choose the outcome before answering."))
        reasons = dict(REASONS.get(outcome, ()))
        if reasons and record.outcome_reason not in reasons:
            _refuse(_("Choose the reason of this outcome before answering."))
    if transition == "withdraw":
        due = record.correction_due
        if due is None or on <= due:
            _refuse(_("The applicant still has time to correct the request."))


def after_transition(record, event):
    if not _ours(event):
        return
    transition = event.transition.getId()
    on = clock.today()
    if transition == "register":
        record.received_date = on
        statutory_clock.start(record, on)
    elif transition == "request_correction":
        days = api.portal.get_registry_record("zhengwu.requests.correction_days", default=15)
        statutory_clock.stop_for_correction(record, on, days)
    elif transition == "receive_correction":
        if record.correction_received_date is None:
            record.correction_received_date = on
        statutory_clock.start(record, record.correction_received_date)
    elif transition == "consult":
        statutory_clock.pause(record, on)
    elif transition == "end_consultation":
        statutory_clock.resume(record, on)
        if record.extended_on is not None:
            _back_to_extended(record, event.workflow)
    elif transition == "extend":
        statutory_clock.extend(record, on)
    elif transition == "answer":
        record.answered_date = on
    elif transition == "withdraw":
        # Counted in the annual report as 逾期不补正 (其他处理).
        record.outcome, record.outcome_reason = "other", "no_correction"
        record.answered_date = on
    # The clock's columns and the full text (the request's words once
    # registered); not notifyModified, which would add the officer to the
    # creators of the applicant's request.
    record.reindexObject(idxs=["request_organ", "SearchableText"])


def _back_to_extended(record, workflow):
    """A consultation of an extended request ends in ``extended``, not
    ``registered``: the one transition ``end_consultation`` (DESIGN.md
    section 4) returns to where the request was."""
    history = list(record.workflow_history[WORKFLOW_ID])
    history[-1] = dict(history[-1], review_state="extended")
    record.workflow_history[WORKFLOW_ID] = tuple(history)
    workflow.updateRoleMappingsFor(record)


def history(record):
    return list(getattr(record, "workflow_history", {}).get(WORKFLOW_ID, ()))


def last_comment(record, action):
    """What the officer wrote with the last ``action`` (what to correct, why
    it takes longer): the applicant reads it."""
    for entry in reversed(history(record)):
        if entry.get("action") == action:
            return entry.get("comments") or ""
    return ""
