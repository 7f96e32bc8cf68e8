"""POST <item>/@workflow/<transition>: plone.restapi's service, made strict.

- A transition the user may not perform is refused before anything is
  touched (plone.restapi applies ``effective``/``expires`` from the body
  first, and leaves them changed when the transition then fails).
- Publication dates come with a transition only from someone who may edit
  the item.
- An approval refused by separation of duties answers 403 with the reason,
  where plain plone.restapi can only say "invalid transition".
"""

from AccessControl import getSecurityManager
from plone.restapi.services.workflow.transition import WorkflowTransition
from zhengwu import _
from zhengwu.rest import AnswersRefusals
from zhengwu.rest import BadRequest
from zhengwu.rest import Forbidden
from zhengwu.rest import json_body
from zhengwu.rest import Refused
from zhengwu.review.guards import separation_refusal


DATE_KEYS = ("effective", "expires", "effectiveDate", "expirationDate")


class ReviewedWorkflowTransition(AnswersRefusals, WorkflowTransition):
    def reply(self):
        if self.transition:
            self._check()
        return super().reply()

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

    def _available(self):
        return {t["id"] for t in self.wftool.getTransitionsFor(self.context)}
