"""The audit log control panel (``@@zhengwu-audit-log``), with CSV export."""

from datetime import datetime
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zhengwu.i18n import translated
from zhengwu.rest import BadRequest
from zhengwu.rest import integer
from zhengwu.rest import MAX_START
from zhengwu.review import audit_query
from zoneinfo import ZoneInfo


PAGE_SIZE = 50


class AuditLogView(BrowserView):
    index = ViewPageTemplateFile("templates/audit_log.pt")

    def __call__(self):
        form = self.request.form
        self.error = None
        self.values = {
            name: form.get(name, "") if isinstance(form.get(name, ""), str) else ""
            for name in audit_query.FILTERS
        }
        self.entries, self.more, self.start = [], False, 0
        try:
            filters = audit_query.parse_filters(form)
            self.start = integer(form, "b_start", 0, 0, MAX_START)
            wants_csv = audit_query.wants_csv(form)
        except BadRequest as error:
            self.error = error
            return self.index()
        if wants_csv:
            return self._csv(filters)
        self.entries, self.more = audit_query.batch(
            audit_query.search(filters), self.start, PAGE_SIZE
        )
        return self.index()

    def _csv(self, filters):
        audit_query.write_csv(self.request.response, filters)
        return ""

    def display_time(self, iso):
        """An entry's time in the site's time zone (Asia/Shanghai), to the second."""
        zone = api.portal.get_registry_record("plone.portal_timezone", default="Asia/Shanghai")
        return datetime.fromisoformat(iso).astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S")

    def action_title(self, action):
        """A transition's title in the user's language; other actions as recorded."""

        wtool = api.portal.get_tool("portal_workflow")
        for workflow_id in ("zhengwu_review_workflow", "zhengwu_container_workflow"):
            workflow = wtool.getWorkflowById(workflow_id)
            if workflow is not None and action in workflow.transitions:
                title = workflow.transitions[action].title
                return translated(title, self.request, domain="plone")
        return action

    def url(self, **changes):
        query = {k: v for k, v in dict(self.values, **changes).items() if v not in ("", None)}
        return f"{self.context.absolute_url()}/@@zhengwu-audit-log?{urlencode(query)}"

    def next_url(self):
        return self.url(b_start=self.start + PAGE_SIZE)

    def previous_url(self):
        return self.url(b_start=max(self.start - PAGE_SIZE, 0))

    def csv_url(self):
        return self.url(format="csv")
