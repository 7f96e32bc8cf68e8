"""POST /@petition-rating {tracking_number, query_code, satisfaction}"""

from plone.protect.interfaces import IDisableCSRFProtection
from zhengwu import _
from zhengwu.petitions.rating import rate
from zhengwu.petitions.status import status
from zhengwu.rest import json_body
from zhengwu.rest import Service
from zhengwu.submissions.lookup import find_or_refuse
from zhengwu.submissions.lookup import system_user
from zope.interface import alsoProvides


class PetitionRatingPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_body(self.request)
        petition = find_or_refuse(
            data,
            self.request,
            "Petition",
            _("No petition has this tracking number and query code."),
        )
        rate(petition, data.get("satisfaction"))
        with system_user():
            return status(petition, self.request)
