"""The pages of two-factor login (``two_factor``):

- ``@@two-factor`` — a user's own: set it up (the secret as a QR code and
  as text, confirmed with a current code; then ten recovery codes, shown
  once), get new recovery codes, turn it off (unless it is required for
  them); the last two with a current code or a recovery code.
- ``@@two-factor-reset`` — a Manager removes a user's second factor (a
  user who lost their phone and their recovery codes), with a reason;
  audited. Site Administrators are refused: they could otherwise remove
  another administrator's second factor and take over the account with a
  password reset.
"""

from AccessControl import getSecurityManager
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Unauthorized
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.rest import Forbidden
from zhengwu.rest import invalid_fields
from zhengwu.rest import Refused
from zhengwu.review import lockout
from zhengwu.review.audit_events import record
from zhengwu.security import two_factor
from zhengwu.security.text import clean
from zhengwu.security.two_factor_login import code_failed
import segno


class TwoFactorView(BrowserView):
    """``@@two-factor``: the user's own second factor."""

    template = ViewPageTemplateFile("templates/two_factor.pt")
    recovery_codes = None  # shown once, right after they are made

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "no-store")
        user = getSecurityManager().getUser()
        self.userid = user.getId()
        self.login = user.getUserName()
        self.required = two_factor.required_for(user)
        if self.request.get("REQUEST_METHOD") == "POST":
            CheckAuthenticator(self.request)
            action = self.request.form.get("action")
            handler = {
                "enrol": self.enrol,
                "regenerate": self.regenerate,
                "disable": self.disable,
            }.get(action)
            if handler is not None:
                handler()
        self.enrolled = two_factor.enrolled(self.userid)
        if not self.enrolled:
            self.prepare()
        return self.template()

    # What the page shows

    def prepare(self):
        """A new secret (not stored: it travels signed in the form until a
        code confirms it) and its QR code."""
        self.secret = two_factor.new_secret()
        self.signed_secret = two_factor.sign(
            {"u": self.userid, "s": self.secret, "t": two_factor.now()}
        )
        issuer = api.portal.get().Title() or "Zhengwu"
        self.uri = two_factor.provisioning_uri(self.secret, self.login, issuer)
        self.qr_svg = segno.make(self.uri, error="m").svg_inline(
            scale=4, border=4, title=translated(_("QR code of the two-factor secret"))
        )

    def secret_groups(self):
        return " ".join(self.secret[i : i + 4] for i in range(0, len(self.secret), 4))

    def recovery_left(self):
        return two_factor.recovery_left(self.userid)

    # What the user does

    def _message(self, message, kind="info"):
        IStatusMessage(self.request).add(message, type=kind)

    def enrol(self):
        payload = two_factor.unsign(self.request.form.get("secret"), two_factor.ENROL_SECONDS)
        if payload is None or payload.get("u") != self.userid:
            self._message(_("The page was open too long: set up again."), "error")
            return
        step = two_factor.matching_step(payload["s"], self.request.form.get("otp"))
        if step is None:
            self._message(_("The code is wrong: enter the code the app shows now."), "error")
            return
        self.recovery_codes = two_factor.enrol(self.userid, payload["s"], step)
        record("two_factor_enrolled", path=f"user:{self.userid}", comment=self.userid)
        self._message(_("Two-factor login is on."))

    def _code_accepted(self):
        address = lockout.throttle.client(self.request)
        if lockout.locked_out(self.login, address):
            self._message(
                _(
                    "Too many failed logins: logging in is locked for ${minutes} minutes.",
                    mapping={"minutes": lockout.minutes_left(self.login, address)},
                ),
                "error",
            )
            return False
        if two_factor.verify(self.userid, self.request.form.get("otp")):
            return True
        code_failed(self.login, self.request)
        self._message(_("The code is wrong or was used already."), "error")
        return False

    def regenerate(self):
        if not two_factor.enrolled(self.userid) or not self._code_accepted():
            return
        self.recovery_codes = two_factor.new_recovery_codes(self.userid)
        record("two_factor_recovery_codes", path=f"user:{self.userid}", comment=self.userid)
        self._message(_("New recovery codes: the old ones no longer work."))

    def disable(self):
        if not two_factor.enrolled(self.userid):
            return
        if self.required:
            self._message(_("Two-factor login is required for your account."), "error")
            return
        if not self._code_accepted():
            return
        two_factor.remove(self.userid)
        record("two_factor_disabled", path=f"user:{self.userid}", comment=self.userid)
        self._message(_("Two-factor login is off."))


def reset_two_factor(userid, reason):
    """A Manager removes ``userid``'s second factor, for ``reason``
    (required), audited. Refusals are ``zhengwu.rest``'s: 403 for anyone
    but a Manager, 400 naming ``userid`` or ``reason``."""
    # The view's and the endpoint's permission (Manage portal) could be
    # given to Site Administrators; this is the Managers' alone (above).
    if "Manager" not in getSecurityManager().getUser().getRoles():
        raise Forbidden(_("Only a Manager may reset two-factor login."))
    userid = userid.strip() if isinstance(userid, str) else ""
    reason = clean(reason).strip() if isinstance(reason, str) else ""
    errors = []
    if not two_factor.enrolled(userid):
        errors.append({"field": "userid", "message": _("This user has no two-factor login.")})
    if not reason:
        errors.append({"field": "reason", "message": _("Give the reason for the reset.")})
    if errors:
        raise invalid_fields(errors)
    two_factor.remove(userid)
    record("two_factor_reset", path=f"user:{userid}", comment=reason[:1000])


class TwoFactorResetView(BrowserView):
    """``@@two-factor-reset``: a Manager removes a user's second factor."""

    template = ViewPageTemplateFile("templates/two_factor_reset.pt")

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "no-store")
        self.userid = (self.request.form.get("userid") or "").strip()
        self.reason = self.request.form.get("reason") or ""
        self.errors = {}
        if "Manager" not in getSecurityManager().getUser().getRoles():
            raise Unauthorized(translated(_("Only a Manager may reset two-factor login.")))
        if self.request.get("REQUEST_METHOD") == "POST":
            CheckAuthenticator(self.request)
            try:
                reset_two_factor(self.userid, self.reason)
            except Refused as refused:
                self.errors = {e["field"]: translated(e["message"]) for e in refused.errors or ()}
                return self.template()
            IStatusMessage(self.request).add(
                _(
                    "Two-factor login of ${user} removed: they log in with their password "
                    "and may set it up again.",
                    mapping={"user": self.userid},
                )
            )
            self.userid = self.reason = ""
        return self.template()

    def enrolled_users(self):
        return two_factor.enrolled_users()
