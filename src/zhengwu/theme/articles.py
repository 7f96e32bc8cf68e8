"""Article pages and news listings (issue 14, item 3).

Every article (news, page, disclosure item, service guide) says when it was
published (发布时间, the ``effective`` date in Beijing time, ``YYYY-MM-DD
HH:MM``) and who issued it (来源: a disclosure item's issuing organ, a
guide's implementing agency, else the department it lives in, else the
site's sponsor), and offers printing and three text sizes (大/中/小) — a
viewlet below the title, with a small script of our own. News columns list
their items with their dates (``@@news-listing``).
"""

from Acquisition import aq_inner
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.CMFPlone.PloneBatch import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zhengwu.theme.home import ARTICLE_TYPES
from zhengwu.theme.home import entry
from zhengwu.theme.page_tags import content_source
from zhengwu.workdays.calendar import china_time


def published_time(obj):
    """``YYYY-MM-DD HH:MM`` (Beijing time) of an item's publication, or ''."""
    when = obj.effective_date
    return china_time(when) if when is not None else ""


class ArticleInfo(ViewletBase):
    """发布时间, 来源, print and text size, below an article's title."""

    index = ViewPageTemplateFile("templates/article_info.pt")

    @property
    def available(self):
        getter = getattr(self.context, "getLayout", None)
        return not (getter and getter() == "portal-home")

    def update(self):
        super().update()
        self.published = published_time(self.context)
        # The same organ as the page tag ContentSource: one rule (page_tags.py).
        self.source = content_source(aq_inner(self.context))

    def render(self):
        return self.index() if self.available else ""


class NewsListing(BrowserView):
    """``@@news-listing``: a column's items, newest first, a title and a
    date each, twenty a page (metadata only)."""

    size = 20

    def batch(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type=list(ARTICLE_TYPES),
            path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
            sort_on="effective",
            sort_order="descending",
        )
        start = self.request.form.get("b_start", 0)
        try:
            start = max(int(start), 0)
        except (TypeError, ValueError):
            start = 0
        return Batch(brains, self.size, start)

    def entry(self, brain):
        return entry(brain)
