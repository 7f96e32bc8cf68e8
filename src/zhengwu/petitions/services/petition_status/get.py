"""GET /@petition-status?tracking_number=…&query_code=…"""

from plone.restapi.services import Service
from zhengwu import _
from zhengwu.petitions.status import status
from zhengwu.submissions.intake import Refused
from zhengwu.submissions.lookup import find
from zhengwu.submissions.lookup import system_user
from zhengwu.submissions.rest import refused


class PetitionStatusGet(Service):
    def reply(self):
        form = self.request.form
        number, code = form.get("tracking_number"), form.get("query_code")
        if not isinstance(number, str) or not isinstance(code, str):
            return refused(
                self.request, 400, _("Give tracking_number and query_code once each."), "query_code"
            )
        try:
            petition = find(number, code, self.request, "Petition")
        except Refused as error:
            return refused(self.request, error.status, error.message)
        if petition is None:
            return refused(
                self.request, 404, _("No petition has this tracking number and query code.")
            )
        with system_user():
            return status(petition, self.request)
