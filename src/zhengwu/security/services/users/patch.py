"""PATCH @users/<id> with a ``password``: plone.restapi's, with the password
rules checked first (plone.restapi checks none). A refused password is a
400 naming ``password``; nothing of the body is stored. Only a caller who
may change the account is told (the rules about earlier passwords would
tell the others which passwords it had): plone.restapi refuses the rest."""

from AccessControl import getSecurityManager
from plone.restapi.services.users.update import UsersPatch
from zhengwu import _
from zhengwu.rest import AnswersRefusals
from zhengwu.rest import BadRequest
from zhengwu.security.password_policy import password_for
from zhengwu.security.services.users.post import body
from zhengwu.security.services.users.post import may_manage_users
from zhengwu.security.services.users.post import refuse_bad_password


class CheckedUsersPatch(AnswersRefusals, UsersPatch):
    def reply(self):
        data = body(self.request) if (self.request.get("BODY") or b"").strip() else None
        if not isinstance(data, dict):
            # plone.restapi would fail reading it (a 500): say what is wrong
            raise BadRequest(_("The request body must be a JSON object."))
        if len(self.params) == 1 and isinstance(data, dict) and "password" in data:
            member = self._get_user(self.params[0])
            current = getSecurityManager().getUser()
            own = member is not None and current is not None and current.getId() == member.getId()
            if member is not None and (own or may_manage_users(self.context)):
                userid = member.getId()
                login = member.getUserName()
                password_for(self.request, userid, login)
                refuse_bad_password(data["password"], "password", userid, (userid, login))
        return super().reply()
