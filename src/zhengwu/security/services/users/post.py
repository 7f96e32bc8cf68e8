"""POST @users (a new account) and POST @users/<login>/reset-password:
plone.restapi's, with the password rules checked first. A refused password
is a 400 naming the body's field (``password``, or ``new_password`` of a
reset) with one sentence; nothing is stored.

The rule about earlier passwords is asked only of a caller who may set the
password (the reset token's holder, the logged-in owner of the account, a
user manager): to anyone else, "not one of the last five" would tell which
passwords the account had."""

from AccessControl import getSecurityManager
from plone.restapi.permissions import PloneManageUsers
from plone.restapi.services.users.add import UsersPost
from Products.CMFCore.utils import getToolByName
from Products.CMFPlone.RegistrationTool import get_member_by_login_name
from zhengwu import _
from zhengwu.rest import AnswersRefusals
from zhengwu.rest import BadRequest
from zhengwu.security import passwords
from zhengwu.security.password_policy import password_for
import json


def refuse_bad_password(password, field, userid=None, names=()):
    """Raise the 400 of ``password`` if it breaks a rule (``userid``: the
    account whose earlier passwords count; ``names``: what it may not hold)."""
    if not isinstance(password, str) or not password:
        raise BadRequest(_("Give a password."), field)
    message = passwords.problem(password, names, userid)
    if message is not None:
        raise BadRequest(message, field)


def body(request):
    try:
        return json.loads(request.get("BODY") or b"{}")
    except (ValueError, RecursionError):
        return None


def may_manage_users(context):
    return getSecurityManager().checkPermission(PloneManageUsers, context)


class CheckedUsersPost(AnswersRefusals, UsersPost):
    def reply(self):
        data = body(self.request)
        if data is None:
            raise BadRequest(_("The request body is not valid JSON."))
        if len(self.params) == 2 and self.params[1] == "reset-password":
            if isinstance(data, dict) and data.get("new_password") is not None:
                self.check_reset(data)
        elif not self.params and data is not None:
            for entry in data if isinstance(data, list) else [data]:
                if isinstance(entry, dict) and entry.get("password") is not None:
                    names = tuple(
                        entry[key]
                        for key in ("username", "email")
                        if isinstance(entry.get(key), str) and entry[key]
                    )
                    password_for(self.request, None, *names)
                    refuse_bad_password(entry["password"], "password", None, names)
        return super().reply()

    def check_reset(self, data):
        login = self.params[0]
        member = get_member_by_login_name(self.context, login, raise_exceptions=False)
        if member is None:
            return  # plone.restapi answers 404
        userid = member.getId()
        names = (userid, member.getUserName())
        if self.may_set(userid, data):
            password_for(self.request, userid, member.getUserName())
            refuse_bad_password(data["new_password"], "new_password", userid, names)
        else:
            password_for(self.request, None, member.getUserName())
            refuse_bad_password(data["new_password"], "new_password", None, names)

    def may_set(self, userid, data):
        token = data.get("reset_token")
        if isinstance(token, str):
            tool = getToolByName(self.context, "portal_password_reset")
            entry = tool._requests.get(token)
            return entry is not None and entry[0] == userid
        user = getSecurityManager().getUser()
        return (user is not None and user.getId() == userid) or may_manage_users(self.context)
