"""Links into the site itself, resolved without HTTP: ``resolveuid/<uid>``
(what TinyMCE writes), paths and addresses of this site. A link is broken
when its target does not exist or Anonymous may not see it (a draft, a
private or withdrawn item): a visitor would get "not found" or a login form.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from Acquisition import aq_base
from plone import api
from Products.CMFCore.interfaces import IContentish
from Products.CMFCore.interfaces import ISiteRoot
from urllib.parse import unquote
from urllib.parse import urljoin
from urllib.parse import urlsplit
from zope.component import queryMultiAdapter
import re


RESOLVEUID = re.compile(r"(?:^|/)resolve[uU]id/([0-9a-fA-F-]{32,36})(?:/|$)")
# What may follow an item's path without being content: its views, its
# fields' downloads, resources.
VIEW_PREFIXES = ("@@", "++", "@")
VIEW_NAMES = {"view", "download", "at_download", "images", "image_view", "image_view_fullscreen"}


def is_visible(obj):
    """May Anonymous view ``obj``?"""
    roles = rolesForPermissionOn("View", obj)
    if isinstance(roles, str):
        roles = [roles]
    return "Anonymous" in roles


class Site:
    """The site as links name it: its own URL and the public addresses
    it is served at (registry ``zhengwu.supervision.links.site_url`` and
    ``zhengwu.supervision.links.internal_urls``)."""

    def __init__(self, portal, site_urls=()):
        self.portal = portal
        self.path = "/".join(portal.getPhysicalPath())
        self.url = portal.absolute_url()
        # Each prefix names the portal's root; the longest match wins.
        prefixes = [self.url, *[u.rstrip("/") for u in site_urls if u and u.strip()]]
        self.prefixes = sorted({p.rstrip("/") for p in prefixes}, key=len, reverse=True)
        self.hosts = {urlsplit(p).netloc.lower() for p in self.prefixes}
        self.request = getattr(portal, "REQUEST", None)

    def is_internal(self, absolute):
        return urlsplit(absolute).netloc.lower() in self.hosts

    def absolute(self, url, page):
        """``url`` made absolute as a browser on ``page`` would make it."""
        if url.lower().startswith(("http://", "https://", "//")):
            return urljoin("http:", url) if url.startswith("//") else url
        return urljoin(page.absolute_url(), url)

    def relative_path(self, absolute):
        """The path below the portal that ``absolute`` names (an address of
        this site), as a list of segments."""
        parts = urlsplit(absolute)
        whole = f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")
        for prefix in self.prefixes:
            if whole == prefix or whole.startswith(prefix + "/"):
                rest = whole[len(prefix) :]
                break
        else:
            rest = parts.path
            # A path naming the portal's physical path (no virtual hosting).
            if rest == self.path or rest.startswith(self.path + "/"):
                rest = rest[len(self.path) :]
        return [unquote(s) for s in rest.split("/") if s and s != "."]

    def check(self, url, page):
        """None if ``url`` (internal) works, else ``(status, error)``."""
        match = RESOLVEUID.search(urlsplit(url).path)
        if match:
            return self._check_uid(match.group(1))
        segments = self.relative_path(self.absolute(url, page))
        return self._check_path(segments)

    def _check_uid(self, uid):
        obj = api.content.get(UID=uid.replace("-", ""))
        if obj is None:
            return "not_found", "resolveuid: no such item"
        if not is_visible(obj):
            return "unpublished", f"not published: {'/'.join(obj.getPhysicalPath())}"
        return None

    def _check_path(self, segments):
        obj = self.portal
        for index, segment in enumerate(segments):
            if segment == "..":
                continue
            child = None
            if hasattr(aq_base(obj), "_getOb"):
                try:
                    child = obj._getOb(segment, None)
                except Exception:
                    child = None
            if child is not None and (IContentish.providedBy(child) or ISiteRoot.providedBy(child)):
                obj = child
                continue
            if self._is_view(obj, segment):
                break  # the rest is the view's own traversal
            shown = "/".join(segments[: index + 1])
            return "not_found", f"no such page: /{shown}"
        if not is_visible(obj):
            return "unpublished", f"not published: {'/'.join(obj.getPhysicalPath())}"
        return None

    def _is_view(self, obj, segment):
        if segment.startswith(VIEW_PREFIXES) or segment in VIEW_NAMES:
            return True
        if self.request is not None and queryMultiAdapter((obj, self.request), name=segment):
            return True
        # A method or skin script of the item (a page template, ``RSS``…).
        return getattr(aq_base(obj), segment, None) is not None and not segment.startswith("_")
