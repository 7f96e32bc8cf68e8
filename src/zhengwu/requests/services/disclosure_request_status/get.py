"""GET /@disclosure-request-status?tracking_number=…&query_code=…"""

from zhengwu import _
from zhengwu.requests.status import status
from zhengwu.rest import Service
from zhengwu.submissions.lookup import find_or_refuse
from zhengwu.submissions.lookup import system_user


class DisclosureRequestStatusGet(Service):
    def reply(self):
        record = find_or_refuse(
            self.request.form,
            self.request,
            "DisclosureRequest",
            _("No request has this tracking number and query code."),
        )
        with system_user():
            return status(record, self.request)
