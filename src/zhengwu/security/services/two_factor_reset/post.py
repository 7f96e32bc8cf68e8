"""POST /@two-factor-reset ``{"userid", "reason"}``: a Manager removes a
user's second factor, with a reason, audited; as ``@@two-factor-reset``
(``security.two_factor_views.reset_two_factor``). 204."""

from zhengwu.rest import json_body
from zhengwu.rest import Service
from zhengwu.security.two_factor_views import reset_two_factor


class TwoFactorResetPost(Service):
    def reply(self):
        data = json_body(self.request)
        reset_two_factor(data.get("userid"), data.get("reason"))
        return self.reply_no_content()
