"""The footer every page of a government website must carry.

Plone renders its footer from the classic portlet ``@@footer`` in the
``plone.footerportlets`` manager, and the Barceloneta theme moves that
portlet (``#portal-footer-signature``) into the footer's copyright row. This
view replaces ``@@footer`` on Zhengwu sites, so the site identity appears
there on every page, themed or not, without touching the portlet setup.
"""

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zhengwu.site.identity import get_identity


class SiteIdentityFooter(BrowserView):
    index = ViewPageTemplateFile("templates/site_identity_footer.pt")

    def __call__(self):
        self.identity = get_identity()
        self.sponsor = self.identity["sponsor"] or api.portal.get_registry_record(
            "plone.site_title", default=""
        )
        return self.index()
