"""POST <item>/@workflow/<transition>: plone.restapi's service, which also
says *why* an approval is refused (separation of duties) with a 403, where
plain plone.restapi can only answer "invalid transition"."""

from plone.restapi.services.workflow.transition import WorkflowTransition
from zhengwu.review.guards import refusal_reason
from zope.i18n import translate


class ReviewedWorkflowTransition(WorkflowTransition):
    def reply(self):
        if self.transition:
            reason = refusal_reason(self.context, self.transition)
            if reason is not None and self._offered_without_guard():
                self.request.response.setStatus(403)
                return {
                    "error": {
                        "type": "SeparationOfDuties",
                        "message": translate(reason, context=self.request),
                    }
                }
        return super().reply()

    def _offered_without_guard(self):
        """True when the transition leaves the current state, so the refusal
        is the reason and not just a wrong state."""
        for workflow in self.wftool.getWorkflowsFor(self.context):
            state = workflow._getWorkflowStateOf(self.context)
            if state is not None and self.transition in state.transitions:
                return True
        return False
