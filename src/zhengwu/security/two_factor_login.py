"""Logging in with the second factor (``two_factor``), on each route:

- **The login form**: a right password of an enrolled user sets no cookie
  (``two_factor.password_accepted`` refused it); the form answers with the
  second step instead — a page asking for the code, carrying a token signed
  by the site (the user, the login, where to go next, when) that works for
  5 minutes and once. ``@@two-factor-login`` checks the token and the code
  and only then logs the user in as Plone's form does (``_post_login``).
- **``POST @login``**: the body must carry ``otp`` (a code or a recovery
  code) for an enrolled user; without it, or wrong, 401 with ``field:
  "otp"`` (types ``TwoFactorRequired`` and ``TwoFactorCodeWrong``).
- **HTTP Basic** (and a password anywhere else): refused for an enrolled
  user, by ``password_accepted``.

A wrong code counts as a failed login in the lockout (``review.lockout``)
and is audited (``two_factor_failed``). When the setting requires it, a
Site Administrator or Manager without a second factor is sent to set it up
(``enrolment_required``) before any other page or endpoint answers them.
"""

from AccessControl import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from plone import api
from plone.base import PloneMessageFactory as PMF
from plone.protect.interfaces import IDisableCSRFProtection
from plone.rest.interfaces import IAPIRequest
from plone.restapi.deserializer import json_body
from Products.CMFPlone.browser.login.login import LoginForm
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import button
from zExceptions import Forbidden
from zExceptions import Redirect
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.rest import error_body
from zhengwu.rest import Refused
from zhengwu.review import lockout
from zhengwu.review.audit_events import record_now
from zhengwu.security import two_factor
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.interface import alsoProvides


def two_factor_failed(login):
    record_now("two_factor_failed", path=f"user:{login}", actor="Anonymous User", comment=login)


def code_failed(login, request):
    lockout.failed(login, request, audit=two_factor_failed)


def _user(userid):
    """The user, from the site's users or the Zope root's."""
    portal = api.portal.get()
    for folder in (portal.acl_users, portal.getPhysicalRoot().acl_users):
        user = folder.getUserById(userid)
        if user is not None:
            return user
    return None


def _log_in_as(request, userid):
    """This request is now the user's (the code was shown): the password
    check lets them pass (``VERIFIED``) and the security manager is theirs,
    as after a password alone, so Plone's post-login code sets the cookie."""
    annotations = IAnnotations(request)
    annotations[two_factor.VERIFIED] = userid
    annotations.pop(two_factor.PENDING, None)
    user = _user(userid)
    newSecurityManager(request, user)
    return user


# The login form (review.login.AuditedLoginForm mixes this in)


class TwoFactorLoginStep:
    """The login form's first step: a right password of an enrolled user
    leads to the second step (the code), not to a session."""

    second_step = None
    second_step_template = ViewPageTemplateFile("templates/two_factor_login.pt")

    @button.buttonAndHandler(PMF("Log in"), name="login")
    def handleLogin(self, action):
        pending = two_factor.pending_login(self.request)
        if pending is None:
            return LoginForm.handleLogin(self, action)
        data, _errors = self.extractData()
        came_from = data.get("came_from") or ""
        self.second_step = two_factor.login_token(pending["userid"], pending["login"], came_from)

    def render(self):
        if self.second_step is None:
            return super().render()
        self._set_no_cache_headers()
        return self.second_step_template(token=self.second_step)


class TwoFactorLoginView(BrowserView):
    """``@@two-factor-login``: the second step of the login form."""

    template = ViewPageTemplateFile("templates/two_factor_login.pt")

    def __call__(self):
        request = self.request
        login_url = f"{api.portal.get_navigation_root(self.context).absolute_url()}/login"
        request.response.setHeader("Cache-Control", "no-store")
        if request.get("REQUEST_METHOD") != "POST":
            request.response.redirect(login_url)
            return ""
        # No session yet: the signed, single-use token is what ties this
        # step to the password (as plone.restapi's @login, no CSRF token).
        alsoProvides(request, IDisableCSRFProtection)
        messages = IStatusMessage(request)
        token = request.form.get("token")
        payload = two_factor.read_login_token(token)
        if payload is None:
            messages.add(_("The login has expired: log in again."), type="error")
            request.response.redirect(login_url)
            return ""
        login = payload["l"]
        address = lockout.throttle.client(request)
        if lockout.locked_out(login, address):
            return self._locked(login_url, lockout.minutes_left(login, address))
        if not two_factor.verify(payload["u"], request.form.get("otp")):
            code_failed(login, request)
            if lockout.locked_out(login, address):
                return self._locked(login_url, lockout.minutes_left(login, address))
            messages.add(_("The code is wrong or was used already."), type="error")
            return self.template(token=token)
        two_factor.use_login_token(payload)
        lockout.succeeded(login)
        _log_in_as(request, payload["u"])
        form = getMultiAdapter((self.context, request), name="login")
        is_initial_login = form._post_login()
        messages.add(PMF("you_are_now_logged_in", default="Welcome! You are now logged in."))
        form.redirect_after_login(safe_came_from(form, payload["c"]), is_initial_login)
        return ""

    def _locked(self, login_url, minutes):
        IStatusMessage(self.request).add(
            _(
                "Too many failed logins: logging in is locked for ${minutes} minutes.",
                mapping={"minutes": minutes},
            ),
            type="error",
        )
        self.request.response.redirect(login_url)
        return ""


def safe_came_from(form, came_from):
    """``came_from`` when it is a page of this site (as the form checks it)."""
    if not came_from:
        return None
    form.request.set("came_from", came_from)
    return form.get_came_from()


# POST @login (review.services.login.post.AuditedLogin mixes this in)


class TwoFactorRestLogin:
    """``@login`` of an enrolled user wants ``otp`` beside the password."""

    def reply(self):
        result = super().reply()
        request = self.request
        pending = two_factor.pending_login(request)
        if pending is None or request.response.getStatus() != 401:
            return result
        data = json_body(request)
        if str(data.get("login", "")).strip().lower() != pending["login"].strip().lower():
            return result  # the right password was another login's (a Basic header)
        code = data.get("otp")
        if not isinstance(code, str) or not code.strip():
            return error_body(
                request,
                Refused(
                    401,
                    _("This account logs in with a second factor: give its code as otp."),
                    field="otp",
                    kind="TwoFactorRequired",
                ),
            )
        if not two_factor.verify(pending["userid"], code):
            code_failed(pending["login"], request)
            return error_body(
                request,
                Refused(
                    401,
                    _("The code is wrong or was used already."),
                    field="otp",
                    kind="TwoFactorCodeWrong",
                ),
            )
        _log_in_as(request, pending["userid"])
        request.response.setStatus(200)
        return super().reply()


# Required for administrators

# What a user who must set up the second factor may still reach: the
# enrolment page, logging in and out, and the pages' static resources.
ALLOWED_STEPS = {
    "two-factor",
    "@@two-factor",
    "two-factor-login",
    "@@two-factor-login",
    "login",
    "@@login",
    "@login",
    "logout",
    "@@logout",
    "@logout",
    "logged-out",
    "@@logged-out",
    "favicon.ico",
    "@@site-logo",
    "@@logo",
}
RESOURCE_PREFIXES = ("++resource++", "++plone++", "++theme++", "++webresource++")


def _allowed(request):
    steps = list(request.steps or ())
    if steps and steps[-1] in ALLOWED_STEPS:
        return True
    return any(step.startswith(RESOURCE_PREFIXES) for step in steps)


def enrolment_required(event):
    """IPubAfterTraversal: a Site Administrator or Manager without a second
    factor, when the setting requires one, is sent to ``@@two-factor``
    (classic pages) or refused with 403 (REST) until they set it up."""
    request = event.request
    user = getSecurityManager().getUser()
    if user is None or user.getId() is None or _allowed(request):
        return
    if not two_factor.required_for(user) or two_factor.enrolled(user.getId()):
        return
    if IAPIRequest.providedBy(request):
        raise Forbidden(
            translated(
                _(
                    "Two-factor login is required for your account: set it up on the "
                    "page @@two-factor first."
                ),
                request,
            )
        )
    portal = api.portal.get()
    raise Redirect(f"{portal.absolute_url()}/@@two-factor")
