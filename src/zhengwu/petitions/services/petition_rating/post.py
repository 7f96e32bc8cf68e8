"""POST /@petition-rating {tracking_number, query_code, satisfaction}"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zhengwu import _
from zhengwu.petitions.rating import rate
from zhengwu.petitions.status import status
from zhengwu.submissions.intake import Refused
from zhengwu.submissions.lookup import find
from zhengwu.submissions.lookup import system_user
from zhengwu.submissions.rest import body
from zhengwu.submissions.rest import refused
from zope.interface import alsoProvides


class PetitionRatingPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = body(self.request)
        if not isinstance(data, dict):
            return refused(self.request, 400, _("The request body must be a JSON object."))
        number, code = data.get("tracking_number"), data.get("query_code")
        if not isinstance(number, str) or not isinstance(code, str):
            return refused(
                self.request, 400, _("Give tracking_number and query_code once each."), "query_code"
            )
        try:
            petition = find(number, code, self.request, "Petition")
            if petition is None:
                return refused(
                    self.request, 404, _("No petition has this tracking number and query code.")
                )
            rate(petition, data.get("satisfaction"))
        except Refused as error:
            return refused(self.request, error.status, error.message, "satisfaction")
        with system_user():
            return status(petition, self.request)
