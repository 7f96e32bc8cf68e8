"""POST <item>/@workflow/<transition>: plone.restapi's service, made strict.

- A transition the user may not perform is refused before anything is
  touched (plone.restapi applies ``effective``/``expires`` from the body
  first, and leaves them changed when the transition then fails).
- Publication dates come with a transition only from someone who may edit
  the item.
- An approval refused by separation of duties answers 403 with the reason,
  where plain plone.restapi can only say "invalid transition".
- The checks before publishing (``review.checks``) answer 400 naming the
  problem and its field (``errors`` lists every finding); the body's
  ``acknowledge_warnings`` (true) and ``override_reason`` answer them.
"""

from AccessControl import getSecurityManager
from DateTime import DateTime
from DateTime.interfaces import DateTimeError
from plone.restapi.services.workflow.transition import WorkflowTransition
from zhengwu import _
from zhengwu.rest import AnswersRefusals
from zhengwu.rest import BadRequest
from zhengwu.rest import Forbidden
from zhengwu.rest import json_body
from zhengwu.rest import Refused
from zhengwu.review import checks
from zhengwu.review.guards import separation_refusal
import transaction


DATE_KEYS = ("effective", "expires", "effectiveDate", "expirationDate")
DATES_REFUSED = _(
    "Give effective and expires as dates and times (ISO 8601), expires after effective."
)


class ReviewedWorkflowTransition(AnswersRefusals, WorkflowTransition):
    def reply(self):
        if self.transition:
            self._check()
        before = transaction.savepoint()
        result = super().reply()
        error = result.get("error") if isinstance(result, dict) else None
        if error and error.get("type") == "Bad Request":
            # plone.restapi's answer to publication dates its deserializer
            # refuses: a Python message under a type of its own, and the
            # dates it could read already set. Ours names the field, and
            # nothing is kept (the transition had not run).
            before.rollback()
            raise BadRequest(DATES_REFUSED, "effective")
        return result

    def _check(self):
        """``Refused`` for what this user may not do (nothing touched yet)."""
        data = json_body(self.request)
        comment = data.get("comment", "")
        if not isinstance(comment, str):
            raise BadRequest(_("The comment must be text."), "comment")
        if self.transition not in self._available():
            reason = separation_refusal(self.context, self.transition)
            if reason is not None:
                raise Forbidden(reason, kind="SeparationOfDuties")
            # plone.restapi's own type for a transition it cannot perform
            raise Refused(
                400,
                _("This action is not available to you for this item in its current state."),
                kind="WorkflowException",
            )
        if any(key in data for key in DATE_KEYS) and not getSecurityManager().checkPermission(
            "Modify portal content", self.context
        ):
            raise Forbidden(_("Only someone who may edit the item sets its publication dates."))
        self._check_findings(data)

    def _check_findings(self, data):
        acknowledge = data.get("acknowledge_warnings", False)
        if not isinstance(acknowledge, bool):
            raise BadRequest(
                _("acknowledge_warnings must be true or false."), "acknowledge_warnings"
            )
        reason = data.get("override_reason", "")
        if not isinstance(reason, str):
            raise BadRequest(_("The reason must be text."), "override_reason")
        found = checks.findings(self.context, self.transition, effective=_effective(data))
        refused = checks.refusal(self.context, self.transition, found, acknowledge, reason)
        if refused is not None:
            errors = [{"field": f.field, "message": f.message} for f in refused.findings]
            raise BadRequest(refused.message, refused.field, errors or None)
        checks.give_answers(self.context, acknowledge, reason)

    def _available(self):
        return {t["id"] for t in self.wftool.getTransitionsFor(self.context)}


def _effective(data):
    """The effective date a transition's body sets, or None (also when it is
    not a date: plone.restapi's deserializer answers that)."""
    value = data.get("effective")
    if not isinstance(value, str) or not value:
        return None
    try:
        return DateTime(value)
    except (DateTimeError, ValueError, IndexError, TypeError):
        return None
