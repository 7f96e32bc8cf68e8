"""Classic UI of service guides: the guide as a table (表格化), its A4 print
view, the guide index with facets, file downloads and the administrators'
completeness report."""

from plone import api
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zhengwu import _
from zhengwu.faceted import FacetedPage
from zhengwu.guides import completeness
from zhengwu.guides import search
from zhengwu.guides import themes
from zhengwu.guides.kinds import ITEM_TYPES
from zhengwu.guides.kinds import MATERIAL_FORMATS
from zhengwu.guides.kinds import SERVICE_OBJECTS
from zhengwu.guides.listing import EntryWriter
from zhengwu.guides.serializer import file_entry
from zhengwu.i18n import translated
from zhengwu.site.department import organ_titles
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


FACET_LABELS = {
    "theme": _("Service themes"),
    "organ": _("Implementing agency"),
    "item_type": _("Item type"),
    "service_object": _("Service object"),
}


def _visits(value):
    if value is None:
        return ""
    if value == 0:
        return _("None: fully online")
    return _("${count} times", mapping={"count": value})


def _days(value):
    if value is None:
        return ""
    if value == 0:
        return _("On the spot")
    return _("${days} working days", mapping={"days": value})


class GuideDetails(BrowserView):
    """What the guide page and its print view show, in the order of the
    national guide template."""

    body = ViewPageTemplateFile("templates/guide_body.pt")

    def basics(self):
        guide = self.context
        theme_titles = themes.themes_by_id()
        rows = [
            (_("Item name"), guide.title),
            (_("Implementation code"), guide.item_code or ""),
            (_("Item type"), translated(dict(ITEM_TYPES).get(guide.item_type), self.request)),
            (_("Implementing agency"), organ_titles().get(guide.implementing_agency, "")),
            (
                _("Service object"),
                "、".join(
                    translated(dict(SERVICE_OBJECTS).get(v), self.request)
                    for v in guide.service_object or ()
                ),
            ),
            (
                _("Service themes"),
                "、".join(
                    translated(getattr(theme_titles.get(v), "title", v), self.request)
                    for v in guide.themes or ()
                ),
            ),
            (
                _("Statutory time limit"),
                translated(_days(guide.statutory_limit_days), self.request),
            ),
            (_("Promised time limit"), translated(_days(guide.promised_limit_days), self.request)),
            (_("Visits required"), translated(_visits(guide.visits_required), self.request)),
        ]
        return rows

    def hall(self):
        guide = self.context
        return [
            (_("Location"), guide.location or ""),
            (_("Service hours"), guide.office_hours or ""),
            (_("Inquiry phone"), guide.consult_phone or ""),
            (_("Complaint phone"), guide.complaint_phone or ""),
            (_("Fee"), guide.fee or ""),
        ] + ([(_("Basis of the fee"), guide.fee_basis)] if guide.fee_basis else [])

    def materials(self):
        formats = dict(MATERIAL_FORMATS)
        out = []
        for number, material in enumerate(self.context.materials or ()):
            out.append(
                {
                    "number": number + 1,
                    "name": material.name,
                    "originals": material.originals or 0,
                    "copies": material.copies or 0,
                    "format": translated(formats.get(material.format), self.request),
                    "required": translated(
                        _("mandatory") if material.required else _("optional"), self.request
                    ),
                    "source": material.source or "",
                    "blank_form": file_entry(
                        self.context, number, "blank_form", material.blank_form
                    ),
                    "sample": file_entry(self.context, number, "sample", material.sample),
                }
            )
        return out

    def steps(self):
        return list(self.context.process or ())

    def missing(self):
        """For editors: the key elements the guide still lacks."""
        if not api.user.has_permission("Modify portal content", obj=self.context):
            return []
        return [translated(label, self.request) for label in completeness.missing(self.context)]


class GuideView(GuideDetails):
    """The default view of a guide."""


class GuidePrint(GuideDetails):
    """``@@print``: the guide on A4 paper, without the site's navigation."""


@implementer(IPublishTraverse)
class MaterialFile(BrowserView):
    """``@@material-file/<row>/<blank_form|sample>/<filename>``."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.path = []

    def publishTraverse(self, request, name):
        self.path.append(name)
        return self

    def __call__(self):
        if len(self.path) < 2 or self.path[1] not in ("blank_form", "sample"):
            raise NotFound(self.path)
        try:
            row = int(self.path[0])
        except ValueError:
            raise NotFound(self.path[0]) from None
        materials = self.context.materials or ()
        blob = getattr(materials[row], self.path[1], None) if 0 <= row < len(materials) else None
        if blob is None:
            raise NotFound(self.path)
        set_headers(blob, self.request.response, filename=blob.filename)
        return stream_data(blob)


class GuideIndex(FacetedPage, BrowserView):
    """The guide index (办事指南 landing page) of a folder, department or
    the site: by theme, department, item type, service object and full text."""

    selection_class = search.Selection
    search_class = search.GuideSearch
    writer_class = EntryWriter
    facet_names = search.FACETS
    facet_labels = FACET_LABELS

    def days(self, value):
        return translated(_days(value), self.request)

    def visits(self, value):
        return translated(_visits(value), self.request)


class GuideReport(BrowserView):
    """``@@service-guide-report``: every guide with the key elements it
    lacks, and the published guides not checked within the review period."""

    def __call__(self):
        self.data = completeness.report(self.context)
        return self.index()

    def rows(self):
        out = []
        for row in self.data["rows"]:
            out.append(
                dict(
                    row,
                    missing_titles="、".join(translated(m, self.request) for m in row["missing"]),
                    state_title=translated(row["review_state"], self.request, domain="plone"),
                )
            )
        return out

    def problems(self):
        return sum(1 for row in self.data["rows"] if row["missing"] or row["stale"])
