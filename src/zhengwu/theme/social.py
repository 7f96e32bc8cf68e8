"""``og:image`` is the site's logo, never Plone's.

plone.app.layout's social viewlet falls back to Plone's own logo when an
item has no lead image, and ``getSiteLogo`` to ``plone-logo.svg`` when no
logo is set: a government page shared on WeChat or Weibo would carry
Plone's logo. Here the fallback is the logo set in the site-identity panel
(``plone.site_logo``), else the product's neutral placeholder.
"""

from plone import api
from plone.app.layout.viewlets.social import SocialTagsViewlet
from plone.memoize.view import memoize
from Products.CMFPlone.utils import getSiteLogo


PLACEHOLDER = "++resource++zhengwu-site-logo.png"
LOGO_PROPERTIES = ("og:image", "og:image:type", "og:image:width", "og:image:height")


def site_logo():
    """``(url, mime type)`` of the site's logo, the placeholder when none is set."""
    if api.portal.get_registry_record("plone.site_logo", default=None):
        return getSiteLogo(include_type=True)
    return f"{api.portal.get().absolute_url()}/{PLACEHOLDER}", "image/png"


class SiteLogoSocialTags(SocialTagsViewlet):
    @memoize
    def _get_tags(self):
        tags = super()._get_tags()
        if not tags:
            return tags
        plone_logo, _type = getSiteLogo(include_type=True)
        own_image = any(
            t.get("property") == "og:image" and t.get("content") != plone_logo for t in tags
        )
        if own_image:  # an item's lead image
            return tags
        url, mime_type = site_logo()
        tags = [
            t
            for t in tags
            if t.get("property") not in LOGO_PROPERTIES and t.get("itemprop") != "image"
        ]
        return tags + [
            {"property": "og:image", "content": url},
            {"itemprop": "image", "content": url},
            {"property": "og:image:type", "content": mime_type},
        ]
