"""Failed logins go to the audit log, from the classic form and from @login."""

from plone.restapi.deserializer import json_body
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
        form = self.request.form
        # Plone 6.2's login form posts __ac_name/__ac_password; PAS has
        # already tried them when this runs, so still anonymous means failed.
        login = form.get("__ac_name")
        submitted = form.get("buttons.login") or form.get("form.buttons.login")
        if submitted and isinstance(login, str) and login and self.portal_state.anonymous():
            login_failed(login[:100])

    @property
    def portal_state(self):
        return self.context.restrictedTraverse("@@plone_portal_state")


class AuditedLogin(Login):
    def reply(self):
        result = super().reply()
        if self.request.response.getStatus() == 401:
            login_failed(str(json_body(self.request).get("login", ""))[:100])
        return result
