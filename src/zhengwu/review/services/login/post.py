"""POST /@login: plone.restapi's login; a lockout (``review.lockout``)
answers 429 with ``Retry-After`` instead of "wrong password"; an account
with a second factor needs ``otp`` too (``security.two_factor_login``)."""

from plone.restapi.services.auth.login import Login
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.review.lockout import locked_minutes
from zhengwu.security.password_expiry import login_answer
from zhengwu.security.two_factor_login import TwoFactorRestLogin


class AuditedLogin(TwoFactorRestLogin, Login):
    def reply(self):
        result = super().reply()
        minutes = locked_minutes(self.request)
        if minutes and self.request.response.getStatus() == 401:
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(minutes * 60))
            return {
                "error": {
                    "type": "TooManyRequests",
                    "message": translated(
                        _(
                            "Too many failed logins: logging in is locked for ${minutes} minutes.",
                            mapping={"minutes": minutes},
                        )
                    ),
                }
            }
        # The front-end learns at once that the password must be changed.
        return login_answer(self.request, result)
