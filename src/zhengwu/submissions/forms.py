"""What every public submission form and service does around its domain's
``submit(container, data, request)``: no CSRF token (anti-abuse is the
honeypot and the per-client limit), the submission stored in its own
transaction, refusals and field errors answered, and the receipt — the
first receipt again for a retry with the same idempotency key (the
``Idempotency-Key`` header, the form's hidden nonce: ``idempotency.py``)."""

from plone.protect.interfaces import IDisableCSRFProtection
from zExceptions import NotFound
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.rest import invalid_fields
from zhengwu.rest import json_body
from zhengwu.rest import Refused
from zhengwu.rest import Service
from zhengwu.submissions import idempotency
from zhengwu.submissions import throttle
from zhengwu.submissions.commit import committed
from zhengwu.submissions.intake import HONEYPOT
from zope.interface import alsoProvides


class Submitting:
    """Set ``submission`` (a module with ``FIELDS`` and ``submit``) and
    ``receipt(obj, code)``."""

    submission = None

    def receipt(self, obj, code):
        return {"tracking_number": obj.tracking_number, "query_code": code}

    def _store(self, data, key=None):
        """The receipt; ``Refused`` for a refused submission, ``BadRequest``
        with ``errors`` for one with field errors. With an idempotency
        ``key`` already used from this client here, the first receipt."""
        alsoProvides(self.request, IDisableCSRFProtection)
        client = throttle.client(self.request)
        scope = "{}:{}".format("/".join(self.context.getPhysicalPath()), type(self).__name__)

        def work():
            if key:
                first = idempotency.replay(key, client, scope)
                if first is not None:
                    self.replayed = True
                    return first, None
            obj, code, errors = self.submission.submit(self.context, data, self.request)
            if errors:
                return None, errors
            receipt = self.receipt(obj, code)
            if key:
                idempotency.remember(key, client, scope, obj.tracking_number, receipt)
            return receipt, None

        self.replayed = False
        receipt, errors = committed(work)
        if errors:
            raise invalid_fields(errors)
        return receipt


class SubmissionForm(Submitting):
    """A classic page with the public form: ``errors`` (field → sentence),
    ``error``, ``values`` (what was typed, shown again) and ``result``."""

    def __call__(self):
        self.errors, self.error, self.result, self.values = {}, None, None, {}
        self.nonce = idempotency.new_nonce()
        if self.request.method == "POST" and "form.submitted" in self.request.form:
            form = self.request.form
            data = {k: form.get(k) for k in (*self.submission.FIELDS, HONEYPOT) if k in form}
            self.values = {k: v for k, v in data.items() if isinstance(v, str)}
            try:
                # The page's nonce: a second click, or the browser sending the
                # form again, shows the first receipt (the same nonce is kept
                # for a form shown again with errors: nothing was stored).
                key = idempotency.check(form.get(idempotency.FORM_FIELD), idempotency.FORM_FIELD)
                self.nonce = key or self.nonce
                self.result = self._store(data, key)
            except Refused as refused:
                self.request.response.setStatus(refused.status)
                self.errors = {e["field"]: e["message"] for e in refused.errors or ()}
                message = _("Please correct the marked fields.") if self.errors else refused.message
                self.error = translated(message, self.request)
        return self.index()


class SubmissionPost(Submitting, Service):
    """``POST`` of a public submission: 201 with the receipt, 400 with one
    error per field, 403/429 refusals."""

    def reply(self):
        key = idempotency.check(self.request.getHeader(idempotency.HEADER))
        receipt = self._store(json_body(self.request), key)
        self.request.response.setStatus(201)
        if self.replayed:
            self.request.response.setHeader("Idempotent-Replayed", "true")
        return receipt


def no_add_view(type_name):
    """The adapter that answers ``++add++<type_name>`` with a 404: citizens'
    records come only through their public form and service (Plone would
    answer a 500 to those who may add content but not this type)."""

    def no_add_form(context, request, fti):
        raise NotFound(f"++add++{type_name}")

    return no_add_form
