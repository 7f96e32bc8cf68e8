"""The viewlets of the portal's face: header, main navigation, footer links.

They replace Plone's logo, search box, personal bar, global sections and
colophon on Zhengwu sites (``profiles/default/viewlets.xml`` hides those),
and the Diazo theme (``diazo/rules.xml``) puts each in its landmark.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.CMFPlone.utils import getSiteLogo
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zhengwu import _
from zhengwu.site.identity import get_identity
from zope.component import queryMultiAdapter
from zope.contentprovider.interfaces import IContentProvider
from zope.i18n import translate


PLACEHOLDER_LOGO = "++plone++zhengwu.theme/logo-placeholder.svg"

# gov.cn's order: news first, then disclosure and policy, services,
# interaction, special topics; sections of no column type last.
NAV_ORDER = ("news", "notice", "policy", "interpretation", "other", "service", "interaction")
NAV_ORDER = {name: rank for rank, name in enumerate(NAV_ORDER)} | {"topic": 8}


def site_logo_url(portal):
    """The logo set in the site-identity control panel (Plone's own
    ``plone.site_logo`` record), or the product's neutral placeholder —
    never Plone's logo."""
    settings = api.portal.get_registry_record("plone.site_logo", default=None)
    if settings:
        return getSiteLogo(portal)
    return f"{portal.absolute_url()}/{PLACEHOLDER_LOGO}"


def site_name():
    """The organ's name (主办单位), or the site title."""
    return get_identity()["sponsor"] or api.portal.get_registry_record(
        "plone.site_title", default=""
    )


class HeaderViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/header.pt")

    def update(self):
        super().update()
        portal = self.portal_state.portal()
        self.logo_url = site_logo_url(portal)
        self.site_name = site_name()
        self.anonymous = self.portal_state.anonymous()
        self.login_url = f"{self.navigation_root_url}/login"
        self.headertools = self.render_headertools()

    def render_headertools(self):
        """``zhengwu.headertools`` (the language, script, accessibility and
        elder-mode switches), looked up for the page's view: a viewlet is
        no browser view, so ``provider:`` in this template would miss it."""
        manager = queryMultiAdapter(
            (self.context, self.request, self.view), IContentProvider, name="zhengwu.headertools"
        )
        if manager is None:
            return ""
        manager.update()
        return manager.render()


class MainNavigationViewlet(ViewletBase):
    """首页 and the navigation root's sections (the folders a visitor may
    see, not excluded from navigation), news first as on gov.cn; the
    section the page belongs to is marked with ``aria-current``."""

    index = ViewPageTemplateFile("templates/mainnav.pt")

    def update(self):
        super().update()
        root = self.portal_state.navigation_root()
        root_path = "/".join(root.getPhysicalPath())
        here = "/".join(self.context.getPhysicalPath())
        parent = "/".join(aq_parent(aq_inner(self.context)).getPhysicalPath())
        # "page" marks the page itself (not a search or another view of it).
        actual = self.request.get("ACTUAL_URL", "").rstrip("/")
        home_current = actual == self.navigation_root_url or (
            parent == root_path and actual == self.context.absolute_url() and self.is_default_page()
        )
        self.items = [
            {
                "title": translate(_("Home"), context=self.request),
                "url": self.navigation_root_url,
                "current": "page" if home_current else None,
            }
        ]
        sections = api.portal.get_tool("portal_catalog")(
            path={"query": root_path, "depth": 1},
            is_folderish=True,
            sort_on="getObjPositionInParent",
        )
        # Sections: plain folders and whatever carries a column type (a
        # disclosure catalog, a mailbox…); not departments or other records.
        sections = [
            b
            for b in sections
            if not b.exclude_from_nav and (b.portal_type == "Folder" or b.column_type)
        ]
        sections.sort(key=lambda b: NAV_ORDER.get(b.column_type or "", 9))
        for brain in sections:
            path, url = brain.getPath(), brain.getURL()
            if actual == url:
                current = "page"
            elif (here == path or here.startswith(path + "/")) and not home_current:
                current = "true"
            else:
                current = None
            self.items.append({"title": brain.Title, "url": url, "current": current})

    def is_default_page(self):
        state = self.context.restrictedTraverse("@@plone_context_state")
        return state.is_default_page()


class FooterLinksViewlet(ViewletBase):
    """网站地图, 联系我们, 可访问性声明 and 我为政府网站找错 (when its
    address is set in the site identity)."""

    index = ViewPageTemplateFile("templates/footerlinks.pt")

    def update(self):
        super().update()
        self.error_report_url = get_identity().get("error_report_url", "")
