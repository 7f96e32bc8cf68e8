"""POST /@login: plone.restapi's login; a failed one goes to the audit log."""

from plone.restapi.deserializer import json_body
from plone.restapi.services.auth.login import Login
from zhengwu.review.audit_events import login_failed


class AuditedLogin(Login):
    def reply(self):
        result = super().reply()
        if self.request.response.getStatus() == 401:
            login_failed(str(json_body(self.request).get("login", ""))[:100])
        return result
