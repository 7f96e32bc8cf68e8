"""POST /@disclosure-request-correction ``{tracking_number, query_code,
correction}``: the applicant corrects a request the office asked to
correct; the statutory clock starts again that day."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zhengwu import _
from zhengwu.requests import submission
from zhengwu.requests.services.common import Answer
from zhengwu.requests.services.common import applicants_request
from zhengwu.requests.status import status
from zhengwu.submissions.commit import committed
from zhengwu.submissions.lookup import system_user
from zhengwu.submissions.rest import body
from zhengwu.submissions.rest import refused
from zope.interface import alsoProvides


class DisclosureRequestCorrectionPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = body(self.request)
        if not isinstance(data, dict):
            return refused(self.request, 400, _("The request body must be a JSON object."))
        try:
            found = applicants_request(self.request, data)
        except Answer as answer:
            return answer.body
        error = committed(lambda: submission.correct(found, data.get("correction")))
        if error:
            return refused(self.request, 400, error, "correction")
        with system_user():
            return status(found, self.request)
