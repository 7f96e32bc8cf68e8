"""Classic UI of petitions: the mailbox page with its public form, the
status page for the query code (and the rating), a petition's page, the
worklist, and the public statistics with the administrators' alarm."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zhengwu import _
from zhengwu.files import AttachmentDownload
from zhengwu.i18n import translated
from zhengwu.petitions import stats
from zhengwu.petitions import submission
from zhengwu.petitions import worklist
from zhengwu.petitions.kinds import CATEGORIES
from zhengwu.petitions.kinds import SATISFACTION
from zhengwu.petitions.rating import rate
from zhengwu.petitions.status import status
from zhengwu.rest import BadRequest
from zhengwu.rest import integer
from zhengwu.rest import Refused
from zhengwu.site.department import organ_titles
from zhengwu.submissions.forms import no_add_view
from zhengwu.submissions.forms import SubmissionForm
from zhengwu.submissions.lookup import find
from zhengwu.submissions.lookup import system_user
from zhengwu.submissions.worklist import WorklistPage
from zope.interface import alsoProvides


class BoxView(SubmissionForm, BrowserView):
    """The mailbox: its notice, the form, and the published answers."""

    submission = submission

    def receipt(self, petition, code):
        return {
            "tracking_number": petition.tracking_number,
            "query_code": code,
            "due_date": petition.due_date.isoformat(),
        }

    def categories(self):
        return CATEGORIES

    def published(self):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog.searchResults(
            portal_type="Petition",
            review_state="published",
            path="/".join(self.context.getPhysicalPath()),
            sort_on="created",
            sort_order="descending",
            sort_limit=20,
        )[:20]

    def open_to_public(self):
        return bool(self.context.anonymous_submission) or not api.user.is_anonymous()

    def status_url(self):
        return f"{api.portal.get_navigation_root(self.context).absolute_url()}/@@petition-status"


class PetitionView(BrowserView):
    """A petition: to the public, title, content, reply, replying
    department and dates only; its handlers see the rest."""

    def organ(self, uid):
        return organ_titles().get(uid, "") if uid else ""

    def category_title(self):
        return dict(CATEGORIES).get(self.context.category)

    def may_see_personal(self):
        return api.user.has_permission("zhengwu: View petition personal data", obj=self.context)

    def state(self):
        return api.content.get_state(self.context)

    def history(self):
        if not self.may_see_personal():
            return []
        wtool = api.portal.get_tool("portal_workflow")
        entries = self.context.workflow_history.get("zhengwu_petition_workflow", ())
        return [
            {
                "action": translated(
                    wtool["zhengwu_petition_workflow"].transitions[e["action"]].title,
                    self.request,
                    domain="plone",
                )
                if e.get("action") in wtool["zhengwu_petition_workflow"].transitions
                else "",
                "actor": e.get("actor") or "",
                "time": e["time"].strftime("%Y-%m-%d %H:%M") if e.get("time") else "",
                "comments": e.get("comments") or "",
            }
            for e in entries
            if e.get("action")
        ]


class StatusView(BrowserView):
    """``@@petition-status``: the writer's view with the query code."""

    def __call__(self):
        self.data = None
        self.error = None
        self.message = None
        form = self.request.form
        number = form.get("tracking_number")
        code = form.get("query_code")
        if self.request.method == "POST" and isinstance(number, str) and isinstance(code, str):
            alsoProvides(self.request, IDisableCSRFProtection)
            try:
                petition = find(number, code, self.request, "Petition")
                if petition is None:
                    self.request.response.setStatus(404)
                    self.error = translated(
                        _("No petition has this tracking number and query code."), self.request
                    )
                else:
                    if form.get("satisfaction"):
                        rate(petition, form.get("satisfaction"))
                        self.message = translated(_("Thank you for your rating."), self.request)
                    with system_user():
                        self.data = status(petition, self.request)
            except Refused as refused:
                self.request.response.setStatus(refused.status)
                self.error = translated(refused.message, self.request)
        self.number = number if isinstance(number, str) else ""
        self.code = code if isinstance(code, str) else ""
        return self.index()

    def levels(self):
        return SATISFACTION


class WorklistView(WorklistPage):
    """``@@petition-worklist``: what waits for me, soonest due first."""

    worklist = worklist


class StatsView(BrowserView):
    """``@@petition-stats``: public figures per year and department; the
    alarm below them for administrators."""

    def __call__(self):
        self.error = None
        try:
            self.year = integer(self.request.form, "year", None, 2000, 2100)
        except BadRequest as error:
            self.error = translated(error.message, self.request)
            self.year = None
        years = stats.years()
        if self.year is None and years:
            self.year = years[0]
        self.years = years
        self.rows = stats.figures(self.year)
        return self.index()

    def levels(self):
        return SATISFACTION

    def show_alarm(self):
        return api.user.has_permission("zhengwu: View petition alarm", obj=self.context)

    def alarm(self):
        return stats.alarm()


# ``++add++Petition`` does not exist: messages come only through the
# mailbox's own form and ``@petitions``.
no_add_form = no_add_view("Petition")


class PetitionAttachment(AttachmentDownload):
    """``<petition>/@@attachment/<n>/<name>``: the writer's files, for the
    petition's handlers (its own class, so that its caching rule is its own:
    private, where a published item's attachments are public)."""
