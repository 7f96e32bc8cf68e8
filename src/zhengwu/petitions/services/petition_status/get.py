"""GET /@petition-status?tracking_number=…&query_code=…"""

from zhengwu import _
from zhengwu.petitions.status import status
from zhengwu.rest import Service
from zhengwu.submissions.lookup import find_or_refuse
from zhengwu.submissions.lookup import system_user


class PetitionStatusGet(Service):
    def reply(self):
        petition = find_or_refuse(
            self.request.form,
            self.request,
            "Petition",
            _("No petition has this tracking number and query code."),
        )
        with system_user():
            return status(petition, self.request)
