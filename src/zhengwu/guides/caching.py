"""What is purged from the caching proxy when a guide changes, besides what
plone.app.caching and zhengwu.site.caching purge: its print view and the
files of its materials (blank forms and samples)."""

from Acquisition import aq_base
from urllib.parse import quote
from z3c.caching.interfaces import IPurgePaths
from zhengwu.guides.guide import IServiceGuide
from zhengwu.site.caching import site_path
from zhengwu.site.caching import traditional
from zope.component import adapter
from zope.interface import implementer


@implementer(IPurgePaths)
@adapter(IServiceGuide)
class GuidePurgePaths:
    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        from plone import api

        base = site_path(self.context)
        paths = [f"{base}/print", f"{base}/@@print"]
        for row, material in enumerate(getattr(aq_base(self.context), "materials", None) or ()):
            for column in ("blank_form", "sample"):
                blob = getattr(material, column, None)
                name = getattr(blob, "filename", None)
                if name:
                    paths.append(f"{base}/@@material-file/{row}/{column}/{quote(name)}")
        site_prefix = site_path(api.portal.get())
        return paths + [t for t in (traditional(p, site_prefix) for p in paths) if t]

    def getAbsolutePaths(self):
        return []
