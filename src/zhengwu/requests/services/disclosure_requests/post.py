"""POST <DisclosureCatalog>/@disclosure-requests: anyone applies for
government information held by the catalog's organ.

201 with ``tracking_number`` and ``query_code`` (shown this once, stored
hashed); 400 with one error per bad field; 403 for a catalog without an
organ; 429 for a client sending too many."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zhengwu import _
from zhengwu.requests import submission
from zhengwu.submissions.commit import committed
from zhengwu.submissions.intake import Refused
from zhengwu.submissions.rest import body
from zhengwu.submissions.rest import field_errors
from zhengwu.submissions.rest import refused
from zope.interface import alsoProvides


class DisclosureRequestsPost(Service):
    def reply(self):
        # A public form: anti-abuse is the honeypot and the rate limit.
        alsoProvides(self.request, IDisableCSRFProtection)
        data = body(self.request)
        if not isinstance(data, dict):
            return refused(self.request, 400, _("The request body must be a JSON object."))
        try:
            request_obj, code, errors = committed(
                lambda: submission.submit(self.context, data, self.request)
            )
        except Refused as error:
            return refused(self.request, error.status, error.message)
        if errors:
            return field_errors(self.request, errors)
        self.request.response.setStatus(201)
        return {"tracking_number": request_obj.tracking_number, "query_code": code}
