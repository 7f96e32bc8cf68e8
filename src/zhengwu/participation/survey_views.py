"""The pages of a survey: easyform's form with the survey's rules, the
summary (table and bar chart), publishing it, and the CSV of answers."""

from AccessControl import Unauthorized
from collective.easyform.browser.view import EasyFormForm
from collective.easyform.browser.view import EasyFormFormEmbedded
from collective.easyform.browser.view import EasyFormFormWrapper
from collective.easyform.config import FORM_ERROR_MARKER
from io import StringIO
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Forbidden
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.participation import survey as surveys
from zhengwu.participation.survey_answers import check_client
from zhengwu.participation.survey_answers import counted
from zhengwu.participation.survey_answers import questions
from zhengwu.participation.survey_summary import bar_chart
from zhengwu.participation.survey_summary import summary
from zhengwu.rest import Refused
from zhengwu.spreadsheet import safe_cell
import csv


# Who may read the summary before it is published, and publish it.
READERS = ("Manager", "Site Administrator", "Editor", "FinalApprover")
PUBLISHERS = ("Manager", "Site Administrator", "FinalApprover")


def _roles(survey):
    return set(api.user.get_roles(obj=survey))


def may_read_answers(survey):
    return bool(api.user.has_permission(surveys.ANSWERS_PERMISSION, obj=survey))


def may_publish_summary(survey):
    """Final approvers and administrators, never the survey's own creator
    (nobody approves their own work)."""
    if api.user.is_anonymous() or not _roles(survey) & set(PUBLISHERS):
        return False
    return api.user.get_current().getId() not in survey.listCreators()


def may_read_summary(survey):
    return surveys.summary_published(survey) or bool(_roles(survey) & set(READERS))


def summary_or_refuse(survey):
    if not may_read_summary(survey):
        raise Unauthorized("survey summary")
    return summary(survey)


class SurveyFormMixin:
    """easyform's form, refusing answers out of the survey's days, a second
    answer from one client and floods (the page hides the form while the
    survey is closed; a POST sent anyway is refused here)."""

    def processActions(self, fields):
        try:
            check_client(self.context, self.request)
        except Refused as refused:
            self.request.response.setStatus(refused.status)
            return {FORM_ERROR_MARKER: translated(refused.message, self.request)}
        errors = super().processActions(fields)
        if not errors:
            counted(self.context, self.request)
        return errors

    def update(self):
        super().update()
        if self.request.response.getStatus() >= 400:
            # refused in processActions: never the thank-you page
            self.thanksPage = False


class SurveyForm(SurveyFormMixin, EasyFormForm):
    pass


class SurveyEmbedded(SurveyFormMixin, EasyFormFormEmbedded):
    pass


class SurveyView(EasyFormFormWrapper):
    """The survey's page: its days, the closed sentence, the links to the
    summary, and easyform's form."""

    form = SurveyForm
    index = ViewPageTemplateFile("templates/survey_layout.pt")

    def closed_message(self):
        message = surveys.refusal(self.context)
        return translated(message, self.request) if message else None

    def days(self):
        opens, closes = self.context.opens, self.context.closes
        return {
            "opens": opens.isoformat() if opens else None,
            "closes": closes.isoformat() if closes else None,
        }

    def links(self):
        url = self.context.absolute_url()
        links = []
        if may_read_summary(self.context):
            links.append((f"{url}/@@survey-summary", translated(_("Results"), self.request)))
        if may_read_answers(self.context):
            links.append(
                (f"{url}/@@survey-answers-csv", translated(_("Answers (CSV)"), self.request))
            )
        return links


class SummaryView(BrowserView):
    """``@@survey-summary``: counts per choice, a table and a bar chart per
    question; the final approver's button to publish it."""

    index = ViewPageTemplateFile("templates/survey_summary.pt")

    def __call__(self):
        self.data = summary_or_refuse(self.context)
        return self.index()

    def chart(self, question):
        return bar_chart(question)

    def published(self):
        return state_summary(self.context)

    def may_publish(self):
        return may_publish_summary(self.context)


state_summary = surveys.published_summary


class PublishSummary(BrowserView):
    """``@@survey-publish-summary`` (POST): the final approver publishes the
    summary (``publish=1``) or takes it back (``publish=0``); audited."""

    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        survey = self.context
        if not may_publish_summary(survey):
            raise Unauthorized("publish survey summary")
        publish = self.request.form.get("publish", "1") not in ("0", "false", "")
        surveys.set_summary_published(survey, publish, api.user.get_current().getId())
        if publish:
            message = _("The summary is published.")
        else:
            message = _("The summary is no longer published.")
        api.portal.show_message(translated(message, self.request), self.request)
        self.request.response.redirect(f"{survey.absolute_url()}/@@survey-summary")
        return ""


def answers_csv(survey):
    """Every answer as CSV text: received time, then one column per question
    (lists joined with ``|``), formulas neutralised."""
    fields = questions(survey)
    out = StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [translated(_("Answer")), translated(_("Received"))] + [str(f.title) for _n, f in fields]
    )
    for row in surveys.answers(survey):
        cells = [row.get("id", ""), row.get("dt", "")]
        for name, _field in fields:
            value = row.get(name)
            if isinstance(value, (list, tuple, set, frozenset)):
                value = "|".join(str(v) for v in sorted(value, key=str))
            elif value is None:
                value = ""
            cells.append(value)
        writer.writerow([safe_cell(c) for c in cells])
    return out.getvalue()


class AnswersCSV(BrowserView):
    """``@@survey-answers-csv``: the answers for the department (Download
    Saved Input)."""

    def __call__(self):
        data = answers_csv(self.context).encode("utf-8-sig")  # Excel reads the BOM as UTF-8
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.context.getId()}-answers.csv"'
        )
        return data
