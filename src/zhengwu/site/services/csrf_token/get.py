"""``GET @csrf-token``: plone.protect's token for the current user, for a
front-end that calls the REST API with the login cookie (zhengwu.forgery).
Another origin cannot read it: the answer is JSON without CORS for it."""

from plone.protect.authenticator import createToken
from zhengwu.rest import Service


class CsrfTokenGet(Service):
    def reply(self):
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return {"header": "X-CSRF-TOKEN", "token": createToken()}
