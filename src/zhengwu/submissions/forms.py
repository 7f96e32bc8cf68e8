"""What every public submission form and service does around its domain's
``submit(container, data, request)``: no CSRF token (anti-abuse is the
honeypot and the per-client limit), the submission stored in its own
transaction, refusals and field errors answered, and the receipt."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import NotFound
from zhengwu import _
from zhengwu.submissions.commit import committed
from zhengwu.submissions.intake import HONEYPOT
from zhengwu.submissions.intake import Refused
from zhengwu.submissions.rest import body
from zhengwu.submissions.rest import field_errors
from zhengwu.submissions.rest import refused
from zope.i18n import translate
from zope.interface import alsoProvides


class Submitting:
    """Set ``submission`` (a module with ``FIELDS`` and ``submit``) and
    ``receipt(obj, code)``."""

    submission = None

    def receipt(self, obj, code):
        return {"tracking_number": obj.tracking_number, "query_code": code}

    def _store(self, data):
        """``(receipt, None)`` or ``(None, (status, errors, message))``."""
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            obj, code, errors = committed(
                lambda: self.submission.submit(self.context, data, self.request)
            )
        except Refused as error:
            return None, (error.status, [], error.message)
        if errors:
            return None, (400, errors, _("Please correct the marked fields."))
        return self.receipt(obj, code), None


class SubmissionForm(Submitting):
    """A classic page with the public form: ``errors`` (field → sentence),
    ``error``, ``values`` (what was typed, shown again) and ``result``."""

    def __call__(self):
        self.errors, self.error, self.result, self.values = {}, None, None, {}
        if self.request.method == "POST" and "form.submitted" in self.request.form:
            form = self.request.form
            data = {k: form.get(k) for k in (*self.submission.FIELDS, HONEYPOT) if k in form}
            self.values = {k: v for k, v in data.items() if isinstance(v, str)}
            self.result, problem = self._store(data)
            if problem:
                status, errors, message = problem
                self.request.response.setStatus(status)
                self.errors = {e["field"]: e["message"] for e in errors}
                self.error = translate(message, context=self.request)
        return self.index()


class SubmissionPost(Submitting, Service):
    """``POST`` of a public submission: 201 with the receipt, 400 with one
    error per field, 403/429 refusals."""

    def reply(self):
        data = body(self.request)
        if not isinstance(data, dict):
            return refused(self.request, 400, _("The request body must be a JSON object."))
        receipt, problem = self._store(data)
        if problem:
            status, errors, message = problem
            if errors:
                return field_errors(self.request, errors)
            return refused(self.request, status, message)
        self.request.response.setStatus(201)
        return receipt


def no_add_view(type_name):
    """The adapter that answers ``++add++<type_name>`` with a 404: citizens'
    records come only through their public form and service (Plone would
    answer a 500 to those who may add content but not this type)."""

    def no_add_form(context, request, fti):
        raise NotFound(f"++add++{type_name}")

    return no_add_form
