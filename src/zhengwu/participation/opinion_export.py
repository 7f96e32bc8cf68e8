"""``<consultation>/@@consultation-opinions.csv``: every opinion received,
for the drafting department's handlers compiling the feedback — number,
date, state, section, text, name, contact (for whoever may read it) and
the reason of a refusal. Nobody else gets it (403); never stored by a
cache (``zhengwu.private``); spreadsheet formulas neutralised."""

from AccessControl import Unauthorized
from plone import api
from Products.Five.browser import BrowserView
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.participation.consultation_sections import section_title
from zhengwu.participation.opinion_events import refusal_reason
from zhengwu.spreadsheet import safe_cell
import csv
import io


MODERATE = "zhengwu: Moderate opinions"
CONTACT = "zhengwu: View opinion contact"
COLUMNS = (
    _("Opinion number"),
    _("Received on"),
    _("Status"),
    _("Section of the draft"),
    _("Your opinion"),
    _("Name"),
    _("Phone or email"),
    _("Reason for not publishing"),
)


class OpinionsExport(BrowserView):
    def opinions(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.searchResults(
            portal_type="Opinion",
            path="/".join(self.context.getPhysicalPath()),
            sort_on="created",
        )
        return [
            obj
            for obj in (brain.getObject() for brain in brains)
            if api.user.has_permission(MODERATE, obj=obj)
        ]

    def __call__(self):
        opinions = self.opinions()
        if not opinions and not api.user.has_permission("Manage portal", obj=self.context):
            raise Unauthorized("Only the drafting department's handlers export the opinions.")
        wtool = api.portal.get_tool("portal_workflow")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([translated(title, self.request) for title in COLUMNS])
        for opinion in opinions:
            state = api.content.get_state(opinion)
            writer.writerow(
                [
                    safe_cell(value)
                    for value in (
                        opinion.tracking_number,
                        opinion.received_date.isoformat() if opinion.received_date else "",
                        translated(
                            wtool.getTitleForStateOnType(state, "Opinion"),
                            self.request,
                            domain="plone",
                        ),
                        section_title(self.context, opinion.section) if opinion.section else "",
                        opinion.text,
                        opinion.author_name,
                        opinion.contact if api.user.has_permission(CONTACT, obj=opinion) else "",
                        refusal_reason(opinion) if state == "refused" else "",
                    )
                ]
            )
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="opinions-{self.context.getId()}.csv"'
        )
        return "\ufeff" + buffer.getvalue()  # BOM: spreadsheet programs then read UTF-8
