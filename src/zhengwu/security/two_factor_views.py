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
from zExceptions import Forbidden
from zhengwu import _
from zhengwu.i18n import translated
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


class TwoFactorResetView(BrowserView):
    """``@@two-factor-reset``: a Manager removes a user's second factor."""

    template = ViewPageTemplateFile("templates/two_factor_reset.pt")

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "no-store")
        # The view's permission (Manage portal) is also the Site
        # Administrators'; this is the Managers' alone (module docstring).
        if "Manager" not in getSecurityManager().getUser().getRoles():
            raise Forbidden(translated(_("Only a Manager may reset two-factor login.")))
        self.userid = (self.request.form.get("userid") or "").strip()
        self.reason = clean(self.request.form.get("reason") or "").strip()
        self.errors = {}
        if self.request.get("REQUEST_METHOD") == "POST":
            CheckAuthenticator(self.request)
            self.reset()
        return self.template()

    def enrolled_users(self):
        return two_factor.enrolled_users()

    def reset(self):
        if not two_factor.enrolled(self.userid):
            self.errors["userid"] = translated(_("This user has no two-factor login."))
        if not self.reason:
            self.errors["reason"] = translated(_("Give the reason for the reset."))
        if self.errors:
            return
        two_factor.remove(self.userid)
        record("two_factor_reset", path=f"user:{self.userid}", comment=self.reason[:1000])
        IStatusMessage(self.request).add(
            _(
                "Two-factor login of ${user} removed: they log in with their password "
                "and may set it up again.",
                mapping={"user": self.userid},
            )
        )
        self.userid = self.reason = ""
