"""The classic login form says when a lockout refused the login
(``lockout``: failures are counted and audited for every login route)."""

from Products.CMFPlone.browser.login.login import LoginForm
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zhengwu import _
from zhengwu.review.lockout import locked_minutes
import os
import Products.CMFPlone.browser.login


_TEMPLATES = os.path.join(os.path.dirname(Products.CMFPlone.browser.login.__file__), "templates")


class AuditedLoginForm(LoginForm):
    index = ViewPageTemplateFile(os.path.join(_TEMPLATES, "login.pt"))

    def update(self):
        super().update()
        minutes = locked_minutes(self.request)
        if minutes:
            IStatusMessage(self.request).add(
                _(
                    "Too many failed logins: logging in is locked for ${minutes} minutes.",
                    mapping={"minutes": minutes},
                ),
                type="error",
            )
