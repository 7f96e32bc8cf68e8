"""Cross-site request forgery through the REST API (issue 17, finding 1).

plone.protect guards Plone's classic forms, not REST calls: its automatic
check runs in plone.transformchain, which skips PATCH and DELETE and only
logs the refusal of a POST. A browser sends the session cookie (``__ac``)
with a request that any page of the same site fires (``SameSite=Lax``
counts every port of a host as the same site), so a page elsewhere on the
host could make a logged-in official's browser reject a message or grant a
role.

So a state-changing REST call authenticated by the cookie must carry
plone.protect's token in the ``X-CSRF-TOKEN`` header (front-ends read it
from ``GET @csrf-token``; classic pages carry it in their forms). A call
with an ``Authorization`` header (a JWT, Basic) cannot be forged: no page
of another origin can set that header without the CORS preflight the site
answers. Anonymous calls carry no authority to abuse, and logging in and
out need no token (plone.restapi marks them so itself).
"""

from AccessControl import getSecurityManager
from plone.protect.authenticator import check
from plone.protect.authenticator import isAnonymousUser
from plone.protect.interfaces import IDisableCSRFProtection
from plone.rest.interfaces import IAPIRequest
from zExceptions import Forbidden
from zhengwu import _
from zhengwu.i18n import translated
from zope.interface import alsoProvides


SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
NO_TOKEN = {"@login", "@logout", "@login-renew"}


def needs_token(request):
    if not IAPIRequest.providedBy(request):
        return False
    if request.get("REQUEST_METHOD", "GET").upper() in SAFE_METHODS:
        return False
    if request._auth:  # credentials in a header: not sent by another page
        return False
    steps = request.steps
    if steps and steps[-1] in NO_TOKEN:
        return False
    return not isAnonymousUser(getSecurityManager().getUser())


def guard(event):
    """IPubAfterTraversal: refuse a cookie-authenticated REST write without
    a valid token, before the service runs. A REST write that passes is
    then exempt from plone.protect's automatic check, which plone.restapi
    turns off service by service and forgets for some (``@logout`` with the
    token store: its deletion of the token was rolled back)."""
    request = event.request
    if not needs_token(request):
        if IAPIRequest.providedBy(request) and request.get("REQUEST_METHOD") not in SAFE_METHODS:
            alsoProvides(request, IDisableCSRFProtection)
        return
    try:
        check(request)
    except Forbidden:
        raise Forbidden(
            translated(
                _(
                    "This request changes the site and was sent with the login cookie "
                    "but without the X-CSRF-TOKEN header: send the token of GET "
                    "@csrf-token, or authenticate with a token."
                ),
                request,
            )
        ) from None
    alsoProvides(request, IDisableCSRFProtection)
