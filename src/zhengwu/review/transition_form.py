"""``@@zhengwu-transition``: perform one workflow transition with a comment.

Every transition of the Zhengwu workflows links here (its action URL), so in
the classic UI a reviewer always sees what they are about to do, may add a
comment, and must give a reason to reject or withdraw. A transition that the
user may not perform says why (separation of duties, wrong state, no right).
Before an item moves towards publication the form lists what the checks of
``review.checks`` found: the warnings to acknowledge (a checkbox), personal
data a final approver may publish only with a reason, what refuses it.
"""

from plone import api
from plone.app.iterate.dexterity.utils import get_baseline
from plone.app.iterate.interfaces import IWorkingCopy
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.interfaces import IReasonRequired
from zhengwu.review import checks
from zhengwu.review.guards import separation_refusal
from zope.component import queryUtility


class TransitionForm(BrowserView):
    index = ViewPageTemplateFile("templates/transition.pt")

    def __call__(self):
        form = self.request.form
        self.transition_id = form.get("workflow_action", "")
        self.comment = form.get("comment", "")
        self.override_reason = form.get("override_reason", "")
        self.acknowledge = form.get("acknowledge_warnings") in ("on", "true", "1")
        self.error = None
        self.error_field = "comment"
        if not isinstance(self.transition_id, str):
            self.transition_id = ""
        if not isinstance(self.comment, str):
            self.comment = ""
            self.error = _("The comment must be text.")
        if not isinstance(self.override_reason, str):
            self.override_reason = ""
            self.error = _("The reason must be text.")
            self.error_field = "override_reason"
        self.transition = self._transition()
        self.refusal = None if self.available() else self._refusal()
        self.found = [] if self.refusal else checks.findings(self.context, self.transition_id)
        if self.request.method == "POST" and "form.buttons.cancel" in self.request.form:
            return self.request.response.redirect(self.context.absolute_url())
        if self.request.method == "POST" and "form.buttons.confirm" in self.request.form:
            CheckAuthenticator(self.request)
            if self.error is not None:
                return self.index()
            return self._perform()
        return self.index()

    def _transition(self):
        wtool = api.portal.get_tool("portal_workflow")
        self.workflow = None
        for workflow in wtool.getWorkflowsFor(self.context):
            if self.transition_id in workflow.transitions:
                self.workflow = workflow
                return workflow.transitions[self.transition_id]
        return None

    def available(self):
        wtool = api.portal.get_tool("portal_workflow")
        return any(t["id"] == self.transition_id for t in wtool.getTransitionsFor(self.context))

    def _refusal(self):
        if self.transition is None:
            return _("This item has no such workflow action.")
        reason = separation_refusal(self.context, self.transition_id)
        if reason is not None:
            return reason
        return _("This action is not available to you for this item in its current state.")

    @property
    def comment_required(self):
        """As the transition's workflow declares (``IReasonRequired``)."""
        if self.workflow is None:
            return False
        declared = queryUtility(IReasonRequired, name=self.workflow.getId())
        return declared is not None and self.transition_id in declared.transitions

    def findings_of(self, severity):
        return [f for f in self.found if f.severity == severity]

    @property
    def may_override(self):
        return checks.may_override(self.context)

    @property
    def comment_error(self):
        return self.error if self.error_field == "comment" else None

    @property
    def check_error(self):
        return self.error if self.error_field != "comment" else None

    def state_title(self):
        wtool = api.portal.get_tool("portal_workflow")
        state = api.content.get_state(self.context, default="")
        return wtool.getTitleForStateOnType(state, self.context.portal_type)

    def _perform(self):
        if self.refusal is not None:
            self.error = self.refusal
            return self.index()
        if self.comment_required and not self.comment.strip():
            self.error = _("Give the reason: this action requires it.")
            return self.index()
        refused = checks.refusal(
            self.context, self.transition_id, self.found, self.acknowledge, self.override_reason
        )
        if refused is not None:
            self.error = refused.message
            self.error_field = refused.field
            return self.index()
        parent = self.context.aq_parent
        baseline = self._baseline()
        try:
            api.portal.get_tool("portal_workflow").doActionFor(
                self.context,
                self.transition_id,
                comment=self.comment.strip(),
                acknowledge_warnings=self.acknowledge,
                override_reason=self.override_reason.strip(),
            )
        except WorkflowException as error:
            self.error = str(error)
            return self.index()
        api.portal.show_message(
            translated(
                _(
                    "Done: ${action}.",
                    mapping={
                        "action": translated(self.transition.title, self.request, domain="plone")
                    },
                ),
                self.request,
            ),
            self.request,
        )
        # A working copy that was published has been checked in and is gone.
        if self.context.getId() not in parent.objectIds() and baseline is not None:
            return self.request.response.redirect(baseline.absolute_url())
        # A reviewer no longer sees an item passed on to the next level:
        # back to their queue.
        if not api.user.has_permission("View", obj=self.context):
            navroot = api.portal.get_navigation_root(self.context)
            return self.request.response.redirect(f"{navroot.absolute_url()}/@@review-queue")
        return self.request.response.redirect(self.context.absolute_url())

    def _baseline(self):
        return get_baseline(self.context) if IWorkingCopy.providedBy(self.context) else None
