"""The security headers of every answer (docs/security.md, *Headers*):
``X-Content-Type-Options: nosniff``, the Content-Security-Policy, the
Referrer-Policy and the Permissions-Policy from the settings, and
``Secure`` on every cookie when the site is reached over HTTPS.

Set on the response object just before it goes out — on success
(``IPubBeforeCommit``), on an error (``IPubBeforeAbort``, after the error
page is made) and before a streamed answer's first bytes
(``IPubBeforeStreaming``) — so pages, REST answers, files and error pages
all carry them, whatever plone.app.caching does with Cache-Control.
HSTS is the front proxy's (docs/operations.md): Zope does not know whether
the browser came over TLS.
"""

from zhengwu.security.settings import CONTENT_SECURITY_POLICY
from zhengwu.security.settings import PERMISSIONS_POLICY
from zhengwu.security.settings import REFERRER_POLICY
from zhengwu.security.settings import setting


def _https(request):
    """Whether the browser reached the site over HTTPS, as Zope knows it:
    the virtual host path the proxy writes (``/VirtualHostBase/https/…``)
    sets SERVER_URL, the scheme of the server otherwise."""
    server_url = request.get("SERVER_URL") or ""
    return server_url.startswith("https://")


def set_headers(request):
    response = getattr(request, "response", None)
    if response is None or getattr(request, "_zhengwu_headers_set", False):
        return
    request._zhengwu_headers_set = True
    response.setHeader("X-Content-Type-Options", "nosniff")
    for header, name, default in (
        ("Content-Security-Policy", "content_security_policy", CONTENT_SECURITY_POLICY),
        ("Referrer-Policy", "referrer_policy", REFERRER_POLICY),
        ("Permissions-Policy", "permissions_policy", PERMISSIONS_POLICY),
    ):
        value = " ".join((setting(name, default) or "").split())
        if value and not response.getHeader(header):
            response.setHeader(header, value)
    if _https(request) or setting("secure_cookies", False):
        for cookie in getattr(response, "cookies", {}).values():
            cookie["secure"] = True


def before_commit(event):
    set_headers(event.request)


def before_abort(event):
    set_headers(event.request)


def before_streaming(event):
    from zope.globalrequest import getRequest

    request = getRequest()
    if request is not None and getattr(request, "response", None) is event.response:
        set_headers(request)
