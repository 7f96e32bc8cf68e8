"""The national page tags (政府网站网页设计规范, 国办发〔2017〕47号 附件):
``<meta name="SiteName" …>`` and the rest, read by the national monitoring
platform (全国政府网站信息报送系统) and by search engines of government sites.

Every public page carries the site and column tags; content pages (an item
that is neither the navigation root nor a column nor a folder) add the
article tags. Choices where the rules are silent (docs/portal.md):

- ``SiteName`` is the site's title (``plone.site_title``), or the sponsoring
  organ when the title is empty; ``SiteDomain`` the host the page was asked
  for (behind a proxy, the public name plone.app.caching/VHM give it);
- the column is the top-level section the page lives in
  (``zhengwu.site.columns.column_of``); the home page's column is 首页;
  ``ColumnDescription`` and ``ColumnKeywords`` fall back to the column's
  name; ``ColumnType`` is the Chinese name of the type (动态要闻 …, as the
  inspection indicators write them), 其他 when none is set — in every
  language, since the platform reads Chinese;
- ``PubDate`` is the publication date (``effective``), else the creation
  date, as ``YYYY-MM-DD HH:MM`` in Beijing time;
- ``ContentSource`` is the issuing department (a disclosure item's issuing
  organ, a guide's implementing agency, a petition's replying department),
  else the department the item lives in, else the sponsoring organ;
  ``Author`` is that organ too: never a person's name (a petition's
  submitter is personal data);
- ``Keywords`` are the item's subjects, else its title; ``Description``
  its description, else its title.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.base.interfaces import INavigationRoot
from plone.base.interfaces import IPloneSiteRoot
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlsplit
from zhengwu.site.columns import column_of
from zhengwu.site.columns import column_type_of
from zhengwu.site.department import organ_title
from zhengwu.site.identity import get_identity
from zhengwu.workdays.calendar import china_time


# The column types as the inspection indicators name them (zhengwu.site.columns).
COLUMN_TYPE_NAMES = {
    "news": "动态要闻",
    "notice": "通知公告",
    "policy": "政策文件",
    "interpretation": "政策解读",
    "service": "办事服务",
    "interaction": "互动交流",
    "topic": "专题专栏",
    "other": "其他",
}
HOME_COLUMN = "首页"
SITE_TAGS = (
    "SiteName",
    "SiteDomain",
    "SiteIDCode",
    "ColumnName",
    "ColumnDescription",
    "ColumnKeywords",
    "ColumnType",
)
ARTICLE_TAGS = (
    "ArticleTitle",
    "PubDate",
    "ContentSource",
    "Keywords",
    "Author",
    "Description",
    "Url",
)
# Fields naming the organ an item comes from, in order of preference.
SOURCE_FIELDS = ("issuing_organ", "implementing_agency", "reply_department", "organ")


def _text(value):
    return " ".join(str(value or "").split())


def _subjects(obj):
    subjects = getattr(aq_base(obj), "subject", None) or ()
    return ",".join(_text(s) for s in subjects if _text(s))


def is_article(context):
    """A content page: not the site, a navigation root, a column or a folder."""
    if IPloneSiteRoot.providedBy(context) or INavigationRoot.providedBy(context):
        return False
    if column_of(context) is context:
        return False
    return not getattr(aq_base(context), "isPrincipiaFolderish", False)


def publication_time(context):
    """``YYYY-MM-DD HH:MM`` in Beijing time: ``effective``, else ``created``."""
    effective = getattr(aq_base(context), "effective_date", None)
    if effective is not None:
        return china_time(effective)
    created = context.created() if hasattr(context, "created") else None
    return china_time(created) if created is not None else ""


def content_source(context, identity=None):
    """The organ an item comes from (see the module's docstring)."""
    for name in SOURCE_FIELDS:
        uid = getattr(aq_base(context), name, None)
        if uid and isinstance(uid, str):
            title = organ_title(uid)
            if title is not None:
                return title
    obj = aq_parent(aq_inner(context))
    while obj is not None and not IPloneSiteRoot.providedBy(obj):
        if getattr(obj, "portal_type", None) == "Department":
            return _text(obj.Title())
        obj = aq_parent(aq_inner(obj))
    identity = identity if identity is not None else get_identity()
    return identity["sponsor"] or _text(api.portal.get_registry_record("plone.site_title"))


def page_tags(context, request):
    """The tags of one page, as ``[(name, content)]`` in the spec's order."""
    identity = get_identity()
    site_name = _text(api.portal.get_registry_record("plone.site_title", default=""))
    column = column_of(context)
    if column is None:
        column_name = HOME_COLUMN
        column_description = column_keywords = ""
    else:
        column_name = _text(column.Title())
        column_description = _text(column.Description())
        column_keywords = _subjects(column)
    host = urlsplit(request.get("SERVER_URL") or api.portal.get().absolute_url()).hostname
    tags = [
        ("SiteName", site_name or identity["sponsor"]),
        ("SiteDomain", host or ""),
        ("SiteIDCode", identity["site_code"]),
        ("ColumnName", column_name),
        ("ColumnDescription", column_description or column_name),
        ("ColumnKeywords", column_keywords or column_name),
        ("ColumnType", COLUMN_TYPE_NAMES.get(column_type_of(context) or "other", "其他")),
    ]
    if is_article(context):
        title = _text(context.Title())
        source = content_source(context, identity)
        tags += [
            ("ArticleTitle", title),
            ("PubDate", publication_time(context)),
            ("ContentSource", source),
            ("Keywords", _subjects(context) or title),
            ("Author", source),
            ("Description", _text(context.Description()) or title),
            ("Url", context.absolute_url()),
        ]
    return tags


class PageTagsViewlet(ViewletBase):
    """``zhengwu.pagetags`` in ``plone.htmlhead``."""

    index = ViewPageTemplateFile("templates/page_tags.pt")

    def tags(self):
        return page_tags(aq_inner(self.context), self.request)
