"""Classic UI of disclosure requests: the public application form on a
disclosure catalog, the applicant's status page (answer, letters, files,
correction), a request's page for its officers with its letters, the
officers' worklist and the printable annual report."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zhengwu import _
from zhengwu import clock
from zhengwu.files import AttachmentDownload
from zhengwu.i18n import translated
from zhengwu.requests import kinds
from zhengwu.requests import letters
from zhengwu.requests import report
from zhengwu.requests import statutory_clock
from zhengwu.requests import submission
from zhengwu.requests import worklist
from zhengwu.requests.downloads import download
from zhengwu.requests.downloads import letter_response
from zhengwu.requests.events import history
from zhengwu.requests.events import WORKFLOW_ID
from zhengwu.requests.request import PERSONAL_DATA
from zhengwu.requests.status import status
from zhengwu.rest import BadRequest
from zhengwu.site.department import organ_titles
from zhengwu.submissions.commit import committed
from zhengwu.submissions.forms import no_add_view
from zhengwu.submissions.forms import SubmissionForm
from zhengwu.submissions.intake import Refused
from zhengwu.submissions.lookup import find
from zhengwu.submissions.lookup import system_user
from zhengwu.submissions.worklist import WorklistPage
from zhengwu.workdays.calendar import china_date
from zhengwu.workdays.calendar import china_time
from zope.interface import alsoProvides


def _status_url(context):
    return f"{api.portal.get_navigation_root(context).absolute_url()}/@@disclosure-request-status"


# The application form's field labels and help texts, which its template
# translates from a Python list: named here so that the catalogs carry them.
FORM_TEXTS = (
    _("Name"),
    _("For an organization: its contact person."),
    _("Identity document"),
    _("ID document number"),
    _("Required for a natural person."),
    _("Organization name"),
    _("Kind of organization"),
    _("Required for an organization."),
    _("Unified social credit code"),
    _("Phone"),
    _("Email"),
    _("Required to receive the answer by email."),
    _("Postal address"),
    _("Required to receive the answer by post."),
)


class RequestFormView(SubmissionForm, BrowserView):
    """``<catalog>/@@disclosure-request-form``: apply for information."""

    submission = submission

    def organ(self):
        return organ_titles().get(self.context.organ, "")

    def choices(self, name):
        return kinds.CHOICES[name]

    def status_url(self):
        return _status_url(self.context)


class StatusView(BrowserView):
    """``@@disclosure-request-status``: the applicant follows the request
    with the query code, corrects it when asked, reads the answer."""

    def __call__(self):
        self.data = None
        self.error = None
        self.message = None
        self.correction_error = None
        form = self.request.form
        number, code = form.get("tracking_number"), form.get("query_code")
        if self.request.method == "POST" and isinstance(number, str) and isinstance(code, str):
            alsoProvides(self.request, IDisableCSRFProtection)
            try:
                record = find(number, code, self.request, "DisclosureRequest")
            except Refused as refused:
                self.request.response.setStatus(refused.status)
                self.error = translated(refused.message, self.request)
                record = None
            else:
                if record is None:
                    self.request.response.setStatus(404)
                    self.error = translated(
                        _("No request has this tracking number and query code."), self.request
                    )
            if record is not None:
                if "correction" in form:
                    error = committed(lambda: submission.correct(record, form.get("correction")))
                    if error:
                        self.request.response.setStatus(400)
                        self.correction_error = error
                    else:
                        self.message = translated(
                            _(
                                "Your correction has been received; the time limit starts again today."
                            ),
                            self.request,
                        )
                with system_user():
                    self.data = status(record, self.request)
        self.number = number if isinstance(number, str) else ""
        self.code = code if isinstance(code, str) else ""
        return self.index()


class DownloadView(BrowserView):
    """``@@disclosure-request-download?tracking_number=…&query_code=…&letter=answer``
    (or ``&file=<n>``; GET or POST): a letter or a file of the answer, for
    the applicant. Front-ends link to it; the status page posts to it so
    the code stays out of addresses."""

    def __call__(self):
        form = self.request.form
        number, code = form.get("tracking_number"), form.get("query_code")
        if not isinstance(number, str) or not isinstance(code, str):
            raise NotFound("disclosure-request-download")
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            record = find(number, code, self.request, "DisclosureRequest")
        except Refused as refused:
            self.request.response.setStatus(refused.status)
            return translated(refused.message, self.request)
        if record is None:
            raise NotFound("disclosure-request-download")
        result = download(record, form, self.request)
        if isinstance(result, dict):
            raise NotFound("disclosure-request-download")
        return result


class RequestView(BrowserView):
    """A request, for its officers: the applicant, the request, the clock,
    the letters and the history."""

    def state(self):
        return api.content.get_state(self.context)

    def may_see_personal(self):
        """The applicant block follows the fields' own read permission (the
        second lock), not View alone."""
        return api.user.has_permission(PERSONAL_DATA, obj=self.context)

    def organ(self):
        return organ_titles().get(self.context.organ, "")

    def title_of(self, name, token):
        return dict(kinds.CHOICES[name]).get(token) if token else None

    def submitted(self):
        return china_date(self.context.created())

    def reason(self):
        return kinds.reason_title(self.context.outcome, self.context.outcome_reason)

    def flag(self):
        return statutory_clock.flag(self.context, self.state())

    def consultation_due(self):
        return statutory_clock.consultation_due(self.context)

    def letters(self):
        return [
            {"kind": kind, "title": letters.TITLES[kind]}
            for kind in letters.available(self.context, self.state())
        ]

    def history(self):
        wtool = api.portal.get_tool("portal_workflow")
        workflow = wtool[WORKFLOW_ID]
        return [
            {
                "action": translated(
                    workflow.transitions[e["action"]].title, self.request, domain="plone"
                )
                if e.get("action") in workflow.transitions
                else "",
                "actor": e.get("actor") or "",
                "time": china_time(e["time"]) if e.get("time") else "",
                "comments": e.get("comments") or "",
            }
            for e in history(self.context)
            if e.get("action")
        ]


class LetterView(BrowserView):
    """``<request>/@@request-letter?kind=answer``: a letter as .docx."""

    def __call__(self):
        kind = self.request.form.get("kind", "answer")
        if kind not in letters.available(self.context, api.content.get_state(self.context)):
            raise NotFound(kind)
        return letter_response(self.context, kind, self.request)


class ApplicantAttachment(AttachmentDownload):
    """``<request>/@@attachment/<n>/<name>``: the applicant's proof of
    identity (its own class for its own caching rule: private)."""


class ReplyFileDownload(AttachmentDownload):
    """``<request>/@@reply-attachments/<n>/<name>``: a file given with the answer."""

    field = "reply_attachments"


class WorklistView(WorklistPage):
    """``@@disclosure-request-worklist``: what waits for me, soonest due first."""

    worklist = worklist


class ReportView(BrowserView):
    """``@@disclosure-annual-report``: the tables, printable on A4."""

    def __call__(self):
        self.error = None
        try:
            self.year, self.organ = report.report_year(self.request.form)
        except BadRequest as error:
            self.request.response.setStatus(400)
            self.error = translated(error.message, self.request)
            self.year, self.organ = clock.today().year - 1, None
        self.data = report.report(self.year, self.organ, self.request)
        return self.index()

    def organs(self):
        return sorted(organ_titles().items(), key=lambda item: item[1])

    def proactive_rows(self):
        return report.PROACTIVE_ROWS

    def organ_title(self):
        return organ_titles().get(self.organ, "") if self.organ else ""

    def years(self):
        return list(range(clock.today().year, 1999, -1))[:10]


# ``++add++DisclosureRequest`` does not exist: requests come only through
# the catalog's public form and ``@disclosure-requests``.
no_add_form = no_add_view("DisclosureRequest")
