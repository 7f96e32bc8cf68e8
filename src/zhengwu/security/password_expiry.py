"""Passwords expire after ``password_max_age_days`` (0: never, the
default), counted on the product's clock from the last time the password
was set (``password_history.changed``).

A user whose password has expired may still log in, and is then held to
changing it: every request of theirs but the change itself, logging out
and the page's resources is refused (``guard``) —

- in the browser, by a redirect to ``@@change-password`` (which says why);
- over REST, by a 403 ``{"error": {"type": "PasswordExpired", …}}``; the
  answer of ``@login`` carries ``"password_expired": true`` (``login_answer``),
  so a front-end knows at once and shows its password form. The password is
  then changed with ``POST @users/<login>/reset-password``
  (``old_password``, ``new_password``) or ``PATCH @users/<id>``
  (``password``), both allowed with the token.

Only the site's own accounts: the Zope root's administrator is not in the
site's user source (docs/security.md)."""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.base.interfaces import IPloneSiteRoot
from plone.rest.interfaces import IAPIRequest
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Forbidden
from zExceptions import Redirect
from zhengwu import _
from zhengwu import clock
from zhengwu.i18n import translated
from zhengwu.security import login_settings
from zhengwu.security import password_history
from zhengwu.security.settings import setting
from zope.component.hooks import getSite
from ZPublisher.HTTPResponse import status_codes
import json


DAY = 24 * 60 * 60
CHANGE_FORM = "change-password"
# Views a user with an expired password may still reach.
ALLOWED = {CHANGE_FORM, "logout", "logged_out", "login", "@logout", "@login", "@login-renew"}
RESOURCES = {"favicon.ico", "site-logo", "touch_icon", "contact-info", "mail_password_form"}
MESSAGE = _("Your password has expired: choose a new one to go on.")


def expired(userid):
    """Whether ``userid``'s password is older than the setting allows."""
    days = setting("password_max_age_days", login_settings.PASSWORD_MAX_AGE_DAYS)
    if not days:
        return False
    changed = password_history.changed(userid)
    if changed is None:
        return False
    return clock.now().timestamp() - changed > days * DAY


def _site_user(portal):
    """The logged-in user when the site's own user source knows them."""
    user = getSecurityManager().getUser()
    if user is None or not user.getId():
        return None
    folder = aq_parent(aq_inner(user))
    acl_users = getattr(aq_base(portal), "acl_users", None)
    if folder is None or aq_base(folder) is not acl_users:
        return None
    return user


def _allowed(request, user):
    steps = [step.removeprefix("@@") for step in request.steps]
    if not steps:
        return False
    if any(step.startswith("++") for step in steps) or steps[-1] in RESOURCES:
        return True
    if steps[-1] in ALLOWED:
        return True
    # REST: the user's own account, to read it and change the password
    if "@users" in steps:
        rest = steps[steps.index("@users") + 1 :]
        return bool(rest) and rest[0] in (user.getId(), user.getUserName())
    return False


def guard(event):
    """IPubAfterTraversal: hold a user whose password expired to changing it."""
    request = event.request
    portal = getSite()
    if not IPloneSiteRoot.providedBy(portal):
        return
    user = _site_user(portal)
    if user is None or not expired(user.getId()):
        return
    if _allowed(request, user):
        if request.steps and request.steps[-1].removeprefix("@@") == CHANGE_FORM:
            IStatusMessage(request).add(MESSAGE, type="warning")
        return
    if IAPIRequest.providedBy(request):
        raise PasswordExpired(translated(MESSAGE, request))
    IStatusMessage(request).add(MESSAGE, type="warning")
    raise Redirect(f"{portal.absolute_url()}/@@{CHANGE_FORM}")


class PasswordExpired(Forbidden):
    """A 403 a front-end can tell from others: plone.rest names the error
    type after the exception's class, and Zope finds the status by that
    name (as it does for its own ``ResourceLockedError``)."""


status_codes.setdefault("passwordexpired", 403)


def login_answer(request, result):
    """``@login``'s answer, with ``password_expired`` when the password of
    the user who just logged in has expired."""
    if not isinstance(result, dict) or "token" not in result:
        return result
    try:
        login = json.loads(request.get("BODY") or b"{}").get("login")
    except (ValueError, AttributeError, RecursionError):
        return result
    portal = getSite()
    user = portal.acl_users.getUser(login) if isinstance(login, str) and portal else None
    result["password_expired"] = bool(user is not None and expired(user.getId()))
    return result
