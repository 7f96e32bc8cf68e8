"""The classic login form says when a lockout refused the login
(``lockout``: failures are counted and audited for every login route), and
asks for the second factor after the password of a user who has one
(``security.two_factor_login``)."""

from Products.CMFPlone.browser.login.login import LoginForm
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zhengwu import _
from zhengwu.review.lockout import locked_minutes
from zhengwu.security.two_factor_login import TwoFactorLoginStep
import os
import Products.CMFPlone.browser.login


_TEMPLATES = os.path.join(os.path.dirname(Products.CMFPlone.browser.login.__file__), "templates")


class AuditedLoginForm(TwoFactorLoginStep, LoginForm):
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
