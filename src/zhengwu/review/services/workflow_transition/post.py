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
from plone.restapi.deserializer import json_body
from plone.restapi.services.workflow.transition import WorkflowTransition
from zhengwu import _
from zhengwu.review.guards import separation_refusal
from zope.i18n import translate


DATE_KEYS = ("effective", "expires", "effectiveDate", "expirationDate")


class ReviewedWorkflowTransition(WorkflowTransition):
    def reply(self):
        if self.transition:
            refused = self._refuse()
            if refused is not None:
                status, kind, message = refused
                self.request.response.setStatus(status)
                return {
                    "error": {"type": kind, "message": translate(message, context=self.request)}
                }
        return super().reply()

    def _refuse(self):
        try:
            data = json_body(self.request)
        except Exception:  # noqa: BLE001 - any unparsable body
            return 400, "BadRequest", _("The request body is not valid JSON.")
        if not isinstance(data, dict):
            return 400, "BadRequest", _("The request body must be a JSON object.")
        comment = data.get("comment", "")
        if not isinstance(comment, str):
            return 400, "BadRequest", _("The comment must be text.")
        if self.transition not in self._available():
            reason = separation_refusal(self.context, self.transition)
            if reason is not None:
                return 403, "SeparationOfDuties", reason
            return (
                400,
                "WorkflowException",
                _("This action is not available to you for this item in its current state."),
            )
        if any(key in data for key in DATE_KEYS) and not getSecurityManager().checkPermission(
            "Modify portal content", self.context
        ):
            return (
                403,
                "Unauthorized",
                _("Only someone who may edit the item sets its publication dates."),
            )
        return None

    def _available(self):
        return {t["id"] for t in self.wftool.getTransitionsFor(self.context)}
