"""GET /@disclosure-request-status?tracking_number=…&query_code=…"""

from plone.restapi.services import Service
from zhengwu.requests.services.common import Answer
from zhengwu.requests.services.common import applicants_request
from zhengwu.requests.status import status
from zhengwu.submissions.lookup import system_user


class DisclosureRequestStatusGet(Service):
    def reply(self):
        try:
            found = applicants_request(self.request, self.request.form)
        except Answer as answer:
            return answer.body
        with system_user():
            return status(found, self.request)
