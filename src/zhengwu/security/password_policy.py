"""The password rules as a PAS validation plugin (IValidationPlugin), the
way Plone asks for a password policy: Plone's registration tool
(``testPasswordValidity`` → ``pasValidation``) asks every active validation
plugin, and every form that sets a password asks the tool — registration by
an administrator (``@@new-user``) or by the public (``@@register``),
``@@change-password``, the password reset form (``@@pwreset``), the
membership tool's ``setPassword`` —, as plone.restapi's reset with a token
does. ``services/users`` adds the REST calls that ask nobody.

Plone's default policy plugin (8 characters) is deactivated beside it, so a
refused password gets one sentence.

The tool asks without saying whose password it is (``user`` None); the
rules about the user name and the history need to know. ``subject`` finds
out from the request: the account the REST overrides name, the account of
the password reset key, the user name typed into a registration form, or
else the logged-in user changing their own."""

from AccessControl import getSecurityManager
from AccessControl.class_init import InitializeClass
from AccessControl.SecurityInfo import ClassSecurityInfo
from Products.CMFCore.utils import getToolByName
from Products.PluggableAuthService.interfaces.plugins import IValidationPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zhengwu.i18n import translated
from zhengwu.security import passwords
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.interface import implementer


PLUGIN_ID = "zhengwu_password_rules"
PLONE_POLICY_ID = "password_policy"
SUBJECT = "zhengwu.security.password_subject"


@implementer(IValidationPlugin)
class PasswordRules(BasePlugin):
    """Zhengwu's password rules (``zhengwu.security.passwords``)."""

    meta_type = "Zhengwu Password Rules"
    security = ClassSecurityInfo()

    def __init__(self, id, title=""):
        self.id = id
        self.title = title

    @security.private
    def validateUserInfo(self, user, set_id, set_info):
        password = (set_info or {}).get("password")
        if password is None:
            return []
        request = getRequest()
        if password == "":
            # Plone asks with an empty password for the field's help text.
            message = passwords.description()
        else:
            userid, names = subject(request, user, set_id, self)
            message = passwords.problem(password, names, userid)
        if message is None:
            return []
        return [{"id": "password", "error": translated(message, request)}]


InitializeClass(PasswordRules)


def password_for(request, userid, *names):
    """The passwords checked in this request are ``userid``'s (None: a new
    account's), which may not contain ``names`` (REST overrides, which know
    the account from the URL or the body)."""
    names = tuple(name for name in (userid, *names) if name)
    IAnnotations(request)[SUBJECT] = (userid, names)


def subject(request, user=None, set_id=None, context=None):
    """``(userid, names)``: whose password is being checked — the user id
    whose history counts (None for a new account) and the names the
    password may not contain."""
    if user is not None:
        return user.getId(), (user.getId(), user.getUserName())
    if set_id:
        return set_id, (set_id,)
    if request is None:
        return None, ()
    told = IAnnotations(request).get(SUBJECT)
    if told is not None:
        return told
    form = request.form
    reset = _reset_account(request, context)
    if reset is not None:
        return reset
    typed = tuple(
        form[key]
        for key in ("form.widgets.username", "form.widgets.email")
        if isinstance(form.get(key), str) and form[key].strip()
    )
    if typed:
        return None, typed
    user = getSecurityManager().getUser()
    if user is not None and user.getId():
        return user.getId(), (user.getId(), user.getUserName())
    return None, ()


def _reset_account(request, context):
    """The account of the password reset form's key (``@@pwreset/<key>``)."""
    published = request.get("PUBLISHED")
    subpath = getattr(published, "subpath", None)
    key = subpath[0] if subpath else request.form.get("key")
    if not isinstance(key, str) or context is None:
        return None
    tool = getToolByName(context, "portal_password_reset", None)
    entry = getattr(tool, "_requests", {}).get(key) if tool is not None else None
    if entry is None:
        return None
    userid = entry[0]
    user = context._getPAS().getUserById(userid) if hasattr(context, "_getPAS") else None
    login = user.getUserName() if user is not None else None
    return userid, tuple(name for name in (userid, login) if name)


def install(portal):
    """The plugin in the site's PAS, active for validation; Plone's own
    policy (8 characters) inactive beside it."""
    acl_users = portal.acl_users
    if PLUGIN_ID not in acl_users.objectIds():
        acl_users._setObject(PLUGIN_ID, PasswordRules(PLUGIN_ID, "Zhengwu password rules"))
    plugins = acl_users.plugins
    active = [plugin_id for plugin_id, _plugin in plugins.listPlugins(IValidationPlugin)]
    if PLUGIN_ID not in active:
        plugins.activatePlugin(IValidationPlugin, PLUGIN_ID)
    if PLONE_POLICY_ID in active:
        plugins.deactivatePlugin(IValidationPlugin, PLONE_POLICY_ID)


def uninstall(portal):
    acl_users = portal.acl_users
    if PLUGIN_ID in acl_users.objectIds():
        acl_users._delObject(PLUGIN_ID)
    if PLONE_POLICY_ID in acl_users.objectIds():
        active = [pid for pid, _p in acl_users.plugins.listPlugins(IValidationPlugin)]
        if PLONE_POLICY_ID not in active:
            acl_users.plugins.activatePlugin(IValidationPlugin, PLONE_POLICY_ID)
