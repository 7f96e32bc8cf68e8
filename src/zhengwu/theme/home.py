"""The portal's home page (门户首页, ``@@portal-home``): the blocks a
government portal opens with, each read from the catalog.

要闻 and 通知公告 (the columns of type news and notice), 政策文件 (the newest
disclosure items of the policy catalogs), 政策解读 (the interpretation
columns), 办事服务 (the service themes with most published guides), 互动交流
(the latest answered messages made public, the mailboxes, this month's
figures) and 专题 (the topics). Every list is a title and a date
(``YYYY-MM-DD``, Beijing time), newest first.

The home page is the busiest page: every block is one catalog query read
from metadata (no object is loaded), and the guide counts are set
intersections on the theme index (``zhengwu.faceted``). The sources are
settings (``IHomeSettings``, registry prefix ``zhengwu.home``): a path per
line, or nothing for every column of the block's type.

The view is the layout of the language folder's front page (or of the
navigation root itself): Display → 门户首页.
"""

from DateTime import DateTime
from datetime import date
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from Products.Five.browser import BrowserView
from zhengwu import _
from zhengwu.clock import CHINA
from zhengwu.faceted import count
from zhengwu.faceted import published_query
from zhengwu.faceted import rid_set
from zhengwu.guides import themes
from zhengwu.i18n import translated
from zhengwu.petitions import stats
from zhengwu.site.columns import COLUMN_TYPE_IDS
from zope import schema
from zope.interface import Interface


PREFIX = "zhengwu.home"

# What a list of articles may hold: pages, news, disclosure items, links, files.
ARTICLE_TYPES = ("News Item", "Document", "DisclosureItem", "Link", "File", "Event")


class IHomeSettings(Interface):
    """The home page's sources and sizes (registry prefix ``zhengwu.home``)."""

    news_sources = schema.List(
        title=_("Sources of news"),
        description=_(
            "Paths of the folders whose items the news block lists, one per line, "
            "relative to the language folder (e.g. xwzx/zwyw). Empty: every column "
            "of the type news."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    notice_sources = schema.List(
        title=_("Sources of notices"),
        description=_("As above; empty: every column of the type notice."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    policy_sources = schema.List(
        title=_("Sources of policy documents"),
        description=_("As above; empty: every disclosure catalog of the column type policy."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    interpretation_sources = schema.List(
        title=_("Sources of policy interpretations"),
        description=_("As above; empty: every column of the type interpretation."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    list_size = schema.Int(
        title=_("Items per list"),
        required=True,
        default=7,
        min=1,
        max=20,
    )
    theme_count = schema.Int(
        title=_("Service themes shown"),
        description=_("The themes with most published guides, most first."),
        required=True,
        default=8,
        min=0,
        max=40,
    )
    petition_count = schema.Int(
        title=_("Answered messages shown"),
        required=True,
        default=5,
        min=0,
        max=20,
    )


class HomeSettingsEditForm(RegistryEditForm):
    schema = IHomeSettings
    schema_prefix = PREFIX
    label = _("Home page")
    description = _("Where the home page's lists take their items from, and how many it shows.")


HomeSettingsControlPanel = layout.wrap_form(HomeSettingsEditForm, ControlPanelFormWrapper)


def setting(name):
    default = IHomeSettings[name].default
    value = api.portal.get_registry_record(f"{PREFIX}.{name}", default=default)
    return default if value is None else value


def day(brain):
    """``YYYY-MM-DD`` in Beijing time of an entry's publication (its
    creation where it has no publication date)."""
    when = brain.effective
    if when is None or when.year() <= 1970:  # Dublin Core's floor: no date
        when = brain.created
    if when is None:
        return ""
    return when.asdatetime().astimezone(CHINA).date().isoformat()


def entry(brain, url=None):
    """A list line: a title, a link and a date, nothing else."""
    return {"title": brain.Title, "url": url or brain.getURL(), "date": day(brain)}


class HomeView(BrowserView):
    """``@@portal-home``."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.catalog = api.portal.get_tool("portal_catalog")
        self.root = api.portal.get_navigation_root(context)
        self.root_path = "/".join(self.root.getPhysicalPath())
        self.root_url = self.root.absolute_url()
        self.now = DateTime()
        self._inactive = {}

    def search(self, **query):
        """``portal_catalog(**query)``, the same answer, with the catalog's
        check whether the reader may see inactive content (a traversal to
        every path queried, then a permission check on each) made once per
        set of paths for the whole page instead of once per query (the
        blocks ask about the same paths several times), and the effective
        range's "now" taken once for the page."""
        if "show_inactive" not in query:
            path = query.get("path")
            key = repr(path)
            allowed = self._inactive.get(key)
            if allowed is None:
                scope = {"path": path} if path else {}
                allowed = self._inactive[key] = bool(self.catalog.allow_inactive(scope))
            query["show_inactive"] = True
            if not allowed:
                query["effectiveRange"] = self.now
        return self.catalog.searchResults(**query)

    def url(self, brain):
        """``brain.getURL()``, from the root's URL for what lies below it."""
        path = brain.getPath()
        if path.startswith(self.root_path + "/"):
            return self.root_url + path[len(self.root_path) :]
        return brain.getURL()

    # -- sources --------------------------------------------------------

    def _columns(self, column_type, portal_type=None):
        """Brains of the published sections of a column type in this language."""
        query = {
            "column_type": column_type,
            "path": self.root_path,
            "review_state": "published",
            "sort_on": "getObjPositionInParent",
        }
        if portal_type:
            query["portal_type"] = portal_type
        return self.search(**query)

    def sources(self, block, column_type, portal_type=None):
        """``[(path, url)]`` of a block's sources: the configured paths that
        exist, or every column of its type."""
        configured = [p.strip().strip("/") for p in setting(f"{block}_sources") if p.strip()]
        if not configured:
            return [(b.getPath(), self.url(b)) for b in self._columns(column_type, portal_type)]
        found = []
        for relative in configured:
            path = f"{self.root_path}/{relative}"
            brains = self.search(path={"query": path, "depth": 0})
            if brains:
                found.append((path, self.url(brains[0])))
        return found

    def nested(self, paths, column_type):
        """Paths of the columns of another type inside ``paths`` (a news
        section may hold a notice column: its notices are not news)."""
        brains = self.search(
            column_type=[t for t in COLUMN_TYPE_IDS if t != column_type], path=list(paths)
        )
        return tuple(f"{b.getPath()}/" for b in brains if b.getPath() not in paths)

    def newest(self, paths, column_type=None, portal_types=ARTICLE_TYPES):
        """The newest published items under ``paths``, as list lines."""
        if not paths:
            return []
        size = setting("list_size")
        excluded = self.nested(paths, column_type) if column_type else ()
        brains = self.search(
            portal_type=list(portal_types),
            review_state="published",
            path=list(paths),
            sort_on="effective",
            sort_order="descending",
            # enough to fill the list after leaving out nested columns
            sort_limit=size * 4 if excluded else size,
        )
        found = []
        for brain in brains:
            if excluded and brain.getPath().startswith(excluded):
                continue
            found.append(entry(brain, self.url(brain)))
            if len(found) == size:
                break
        return found

    def block(self, block, column_type, portal_types=ARTICLE_TYPES, portal_type=None):
        sources = self.sources(block, column_type, portal_type)
        paths = [path for path, _url in sources]
        return {
            "entries": self.newest(paths, column_type, portal_types),
            "more": sources[0][1] if sources else None,
        }

    # -- the blocks -----------------------------------------------------

    def lists(self):
        """The four lists in the order shown: news, notices, policies,
        interpretations."""
        titled = (
            ("news", _("Top news"), self.news),
            ("notices", _("Notices"), self.notices),
            ("policies", _("Policy documents"), self.policies),
            ("interpretations", _("Policy interpretation"), self.interpretations),
        )
        return [
            dict(block(), id=block_id, title=translated(title, self.request))
            for block_id, title, block in titled
        ]

    def news(self):
        return self.block("news", "news")

    def notices(self):
        return self.block("notice", "notice")

    def policies(self):
        return self.block("policy", "policy", ("DisclosureItem",), "DisclosureCatalog")

    def interpretations(self):
        return self.block("interpretation", "interpretation")

    def services(self):
        """The service themes with most published guides: ``{entries: [{id,
        title, count, url}], total, more}``; counts by set intersection."""
        columns = self._columns("service")
        more = self.url(columns[0]) if columns else None
        results = self.search(**published_query(self.root, "ServiceGuide"))
        rids = rid_set(results)
        index = self.catalog._catalog.getIndex("guide_theme")._index
        counted = []
        for theme in themes.all_themes():
            n = count(rids, index.get(theme.id))
            if n:
                counted.append((n, theme))
        counted.sort(key=lambda pair: -pair[0])
        items = [
            {
                "id": theme.id,
                "title": translated(theme.title, self.request),
                "count": n,
                "url": f"{more}?theme={theme.id}" if more else None,
            }
            for n, theme in counted[: setting("theme_count")]
        ]
        return {"entries": items, "total": len(rids), "more": more}

    def interaction(self):
        """The latest published (answered) messages, the mailboxes and this
        month's figures. Messages show their title and reply date only."""
        size = setting("petition_count")
        brains = self.search(
            portal_type="Petition",
            review_state="published",
            path=self.root_path,
            sort_on="modified",
            sort_order="descending",
            sort_limit=size * 3,
        )[: size * 3]

        def replied(brain):
            value = brain.replied_date
            return value if isinstance(value, date) else None

        latest = sorted(brains, key=lambda b: replied(b) or date.min, reverse=True)[:size]
        boxes = self.search(
            portal_type="PetitionBox",
            review_state="published",
            path=self.root_path,
            sort_on="getObjPositionInParent",
        )
        columns = self._columns("interaction")
        return {
            "messages": [
                {
                    "title": b.Title,
                    "url": self.url(b),
                    "date": replied(b).isoformat() if replied(b) else day(b),
                }
                for b in latest
            ],
            "boxes": [{"title": b.Title, "url": self.url(b)} for b in boxes],
            "month": stats.month(),
            "more": self.url(columns[0]) if columns else None,
        }

    def topics(self):
        """专题 banners: the published topics inside the topic columns (or
        the columns themselves when they hold none), with their image."""
        columns = self._columns("topic")
        paths = [c.getPath() for c in columns]
        outermost = [c for c in columns if not any(c.getPath().startswith(f"{p}/") for p in paths)]
        banners = []
        for column in outermost:
            inside = self.search(
                path={"query": column.getPath(), "depth": 1},
                is_folderish=True,
                review_state="published",
                sort_on="getObjPositionInParent",
            )
            banners.extend(inside or [column])
        return [
            {
                "title": b.Title,
                "description": b.Description,
                "url": self.url(b),
                "image": f"{self.url(b)}/@@images/image/large" if b.getIcon else None,
            }
            for b in banners
        ]

    def intro(self):
        """The front page's own summary, when the view shows a page."""
        return getattr(self.context, "description", "") or ""
