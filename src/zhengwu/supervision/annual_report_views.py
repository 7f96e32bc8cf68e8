"""The printable website annual report and the form of its entered part."""

from plone import api
from plone.autoform.form import AutoExtensibleForm
from plone.z3cform import layout
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import IErrorViewSnippet
from zhengwu import _
from zhengwu import clock
from zhengwu.i18n import translated
from zhengwu.rest import BadRequest
from zhengwu.supervision import annual_report
from zhengwu.supervision import annual_report_counts
from zhengwu.supervision import annual_report_entries as entries
from zope.component import getMultiAdapter
from zope.interface import Invalid


MANAGE = "zhengwu: Manage site supervision"


def _years():
    return list(range(clock.today().year, 1999, -1))[:10]


class WebsiteAnnualReportView(BrowserView):
    """``@@website-annual-report?year=``: the form of 国办函〔2018〕12号,
    printable on A4."""

    def __call__(self):
        self.error = None
        try:
            self.year = annual_report.report_year(self.request.form, required=False)
        except BadRequest as error:
            self.request.response.setStatus(400)
            self.error = translated(error.message, self.request)
            self.year = clock.today().year - 1
        self.data = annual_report.report(self.year, self.request)
        return self.index()

    def years(self):
        return _years()

    def may_edit(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def cell(self, row):
        """A value as the form prints it."""
        value = row["value"]
        if value is None:
            return "—"
        if value is True:
            return translated(_("Yes"), self.request)
        if value is False:
            return translated(_("No"), self.request)
        if isinstance(value, list):
            return "、".join(value)
        return str(value)


class EntriesForm(AutoExtensibleForm, form.Form):
    """``@@website-annual-report-entries?year=``: what only people know,
    saved for the year. Administrators only (zhengwu.ManageSupervision)."""

    schema = entries.IWebsiteAnnualReportEntries
    ignoreContext = False
    description = _(
        "Counted figures come from the site; enter here what only the office knows. "
        "Saved for the year shown."
    )
    error = None
    year = None

    @property
    def label(self):
        return translated(
            _(
                "Website annual report ${year}: entered figures",
                mapping={"year": self.year or ""},
            ),
            self.request,
        )

    def update(self):
        try:
            self.year = annual_report.report_year(self.request.form, required=False)
        except BadRequest as error:
            self.request.response.setStatus(400)
            self.error = translated(error.message, self.request)
            self.year = None
            return
        super().update()

    def render(self):
        if self.error:
            return f'<div class="alert alert-danger" role="alert">{self.error}</div>'
        return super().render()

    @property
    def action(self):
        return f"{self.request.getURL()}?year={self.year}"

    def getContent(self):
        data = entries.get_entries(self.year)
        data["innovation"] = set(data["innovation"] or ())
        return data

    def _widget(self, name):
        for group in (self, *getattr(self, "groups", ())):
            if name in group.widgets:
                return group.widgets[name]
        return None

    def _show_errors(self, problems):
        """Each rule's message on its field, as z3c.form shows a field's own."""
        for name, message in problems:
            widget = self._widget(name)
            error = Invalid(translated(message, self.request))
            snippet = getMultiAdapter(
                (error, self.request, widget, widget.field, self, self.getContent()),
                IErrorViewSnippet,
            )
            snippet.update()
            widget.error = snippet
            self.widgets.errors += (snippet,)
        self.status = self.formErrorsMessage

    @button.buttonAndHandler(_("Save"), name="save")
    def handle_save(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        information = annual_report_counts.count_information(self.year)
        problems = entries.check(data, information["by_column_type"]["interpretation"])
        if problems:
            self._show_errors(problems)
            return
        entries.save_entries(self.year, data)
        IStatusMessage(self.request).addStatusMessage(
            translated(
                _("The entries of ${year} are saved.", mapping={"year": self.year}), self.request
            ),
            "info",
        )
        self.request.response.redirect(
            f"{self.context.absolute_url()}/@@website-annual-report?year={self.year}"
        )


EntriesView = layout.wrap_form(EntriesForm)
