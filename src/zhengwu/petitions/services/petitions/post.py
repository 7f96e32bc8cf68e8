"""POST <PetitionBox>/@petitions: anyone submits a message.

201 with ``tracking_number``, ``query_code`` (shown this once, stored
hashed) and ``due_date``; 400 with one error per bad field; 403 for a box
closed to the public; 429 for a client sending too many."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zhengwu import _
from zhengwu.petitions import submission
from zhengwu.submissions.commit import committed
from zhengwu.submissions.intake import Refused
from zhengwu.submissions.rest import body
from zhengwu.submissions.rest import field_errors
from zhengwu.submissions.rest import refused
from zope.interface import alsoProvides


class PetitionsPost(Service):
    def reply(self):
        # A public form: anti-abuse is the honeypot and the rate limit.
        alsoProvides(self.request, IDisableCSRFProtection)
        data = body(self.request)
        if not isinstance(data, dict):
            return refused(self.request, 400, _("The request body must be a JSON object."))
        try:
            petition, code, errors = committed(
                lambda: submission.submit(self.context, data, self.request)
            )
        except Refused as error:
            return refused(self.request, error.status, error.message)
        if errors:
            return field_errors(self.request, errors)
        self.request.response.setStatus(201)
        return {
            "tracking_number": petition.tracking_number,
            "query_code": code,
            "due_date": petition.due_date.isoformat(),
            "due_provisional": bool(petition.due_provisional),
        }
