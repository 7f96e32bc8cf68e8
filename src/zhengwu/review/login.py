"""Failed logins go to the audit log, from the classic form and from @login."""

from plone.restapi.services.auth.login import Login
from Products.CMFPlone.browser.login.login import LoginForm
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zhengwu.review.audit_events import login_failed
import os
import Products.CMFPlone.browser.login


_TEMPLATES = os.path.join(os.path.dirname(Products.CMFPlone.browser.login.__file__), "templates")


class AuditedLoginForm(LoginForm):
    index = ViewPageTemplateFile(os.path.join(_TEMPLATES, "login.pt"))

    def update(self):
        super().update()
        submitted = "form.buttons.login" in self.request.form
        if (
            submitted
            and self.portal_state.anonymous()
            and self.request.form.get("form.widgets.login")
        ):
            login_failed(self.request.form.get("form.widgets.login"))

    @property
    def portal_state(self):
        return self.context.restrictedTraverse("@@plone_portal_state")


class AuditedLogin(Login):
    def reply(self):
        result = super().reply()
        if self.request.response.getStatus() == 401:
            from plone.restapi.deserializer import json_body

            login_failed(str(json_body(self.request).get("login", ""))[:100])
        return result
