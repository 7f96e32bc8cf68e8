"""POST /@disclosure-request-correction ``{tracking_number, query_code,
correction}``: the applicant corrects a request the office asked to
correct; the statutory clock starts again that day."""

from plone.protect.interfaces import IDisableCSRFProtection
from zhengwu import _
from zhengwu.requests import submission
from zhengwu.requests.status import status
from zhengwu.rest import BadRequest
from zhengwu.rest import json_body
from zhengwu.rest import Service
from zhengwu.submissions.commit import committed
from zhengwu.submissions.lookup import find_or_refuse
from zhengwu.submissions.lookup import system_user
from zope.interface import alsoProvides


class DisclosureRequestCorrectionPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_body(self.request)
        record = find_or_refuse(
            data,
            self.request,
            "DisclosureRequest",
            _("No request has this tracking number and query code."),
        )
        error = committed(lambda: submission.correct(record, data.get("correction")))
        if error:
            raise BadRequest(error, "correction")
        with system_user():
            return status(record, self.request)
