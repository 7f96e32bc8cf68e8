"""HTTP caching (plone.app.caching) and purging a caching proxy (issue 16).

The rules themselves are registry records (``profiles/default/registry/
caching.xml``: which operation each ruleset gets, with its ``s-maxage``, ETag
and ``Vary``) and ``cache:ruleset`` declarations next to every product view
and endpoint, in the package that owns it. This module holds what they share:

- the ruleset types of our own (``zhengwu.private``, ``zhengwu.form``,
  ``zhengwu.unlisted``) and the operation ``zhengwu.noStore``;
- ``RulesetLookup``: every answer has a rule. Anything under a citizen's
  record (a petition, a disclosure request: ``ICitizenRecord``) is
  ``zhengwu.private`` whatever view or endpoint publishes it — REST GET of
  the record, its history, its files —, and anything without a rule of its
  own is ``zhengwu.unlisted`` (kept out of shared caches) instead of going
  out without ``Cache-Control``, which a proxy may cache with its default
  lifetime;
- what is purged when published content changes: the item's own addresses
  come from plone.app.caching, plone.restapi and the domains' adapters; the
  listings that show it (its folders up to the language root, their default
  pages and listing endpoints, the home page) from ``ListingsPurgePaths``,
  and the addresses an item had before it was moved or renamed from
  ``purge_old_addresses``;
- ``configure_from_environment``: ``CACHING_PROXIES`` (comma-separated URLs)
  turns purging on and names the proxies, at ``zhengwu start`` and
  ``create-site``.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from Acquisition import aq_base
from Acquisition import aq_chain
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.app.caching.lookup import ContentItemLookup
from plone.app.caching.operations.utils import formatDateTime
from plone.app.caching.operations.utils import getExpiration
from plone.app.caching.utils import isPurged
from plone.base.interfaces import INavigationRoot
from plone.cachepurging.hooks import KEY as PURGE_QUEUE
from plone.cachepurging.interfaces import IPurgePathRewriter
from plone.cachepurging.utils import isCachePurgingEnabled
from plone.caching.interfaces import ICachingOperation
from plone.caching.interfaces import ICachingOperationType
from plone.caching.interfaces import IRulesetLookup
from plone.caching.interfaces import X_CACHE_OPERATION_HEADER
from plone.caching.interfaces import X_CACHE_RULE_HEADER
from plone.caching.utils import findOperation
from plone.resource.interfaces import IUniqueResourceRequest
from Products.CMFCore.interfaces import IContentish
from Products.CMFCore.interfaces import ISiteRoot
from urllib.parse import quote
from z3c.caching.interfaces import IPurgePaths
from z3c.caching.purge import Purge
from z3c.caching.registry import lookup
from zhengwu import _
from zhengwu.site.caching_environment import proxies_from_environment
from zhengwu.submissions.privacy import ICitizenRecord
from zope.annotation.interfaces import IAnnotations
from zope.component import adapter
from zope.component import getAdapters
from zope.container.interfaces import IContainerModifiedEvent
from zope.event import notify
from zope.globalrequest import getRequest
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import provider
from zope.lifecycleevent.interfaces import IObjectAddedEvent
from zope.lifecycleevent.interfaces import IObjectRemovedEvent
from zope.pagetemplate.interfaces import IPageTemplate
from zope.publisher.interfaces.browser import IBrowserView
from zope.publisher.interfaces.http import IHTTPRequest
import logging


logger = logging.getLogger(__name__)


PRIVATE = "zhengwu.private"
FORM = "zhengwu.form"
UNLISTED = "zhengwu.unlisted"

# The marker of the Traditional Chinese pages (zhengwu.theme.variants.MARKER;
# the theme is a room above this one).
HANT = "++hant++"

# Listing endpoints a folder or language root may answer (REST, JSON): purged
# on every folder above a changed item. A PURGE of an address nobody asked
# for costs the proxy a lookup.
LISTING_ENDPOINTS = ("@disclosure-catalog", "@service-guides", "@consultations", "@interviews")
# The home page's view by name on a language root (zhengwu.theme.home).
HOME_VIEWS = ("@@portal-home", "portal-home")
# The feeds Plone's syndication serves on a folder.
FEEDS = ("RSS", "rss.xml", "atom.xml")


# The operation ------------------------------------------------------------


@implementer(ICachingOperation)
@provider(ICachingOperationType)
@adapter(Interface, IHTTPRequest)
class NoStore:
    """Personal and per-user answers: stored nowhere, neither by a shared
    cache nor by the browser (``no-store``), never validated (no ETag, no
    Last-Modified)."""

    title = _("Never stored")
    description = _(
        "For answers with personal data or for one user: no cache may keep "
        "them, neither a caching proxy nor the browser (Cache-Control: private, no-store)."
    )
    prefix = "zhengwu.caching.noStore"
    sort = 6
    options = ()

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def interceptResponse(self, rulename, response):
        return None

    def modifyResponse(self, rulename, response):
        for name in ("ETag", "Last-Modified"):
            if response.getHeader(name) is not None:
                del response.headers[name.lower()]
        response.setHeader("Cache-Control", "private, no-store, no-cache, max-age=0")
        response.setHeader("Expires", formatDateTime(getExpiration(0)))
        response.setHeader("Pragma", "no-cache")


def errors_not_stored(event):
    """IPubBeforeAbort: an error answer (a 404, a refusal, a failure) is
    never kept by a proxy. A 404 at a citizen's record and one at a number
    never given must not differ by a header either (issue 17, finding 5),
    and a cached error would outlive what caused it."""
    response = getattr(event.request, "response", None)
    if response is not None and response.getStatus() >= 400:
        response.setHeader("Cache-Control", "private, no-store, no-cache, max-age=0")


# Which rule an answer gets ---------------------------------------------------


def under_record(published, request):
    """Whether the request traversed a citizen's record on its way, or
    publishes something of one (a view, an endpoint, a file)."""
    if any(ICitizenRecord.providedBy(obj) for obj in request.get("PARENTS", ()) or ()):
        return True
    obj = getattr(published, "context", None) or getattr(published, "__parent__", None)
    for ancestor in aq_chain(obj) if obj is not None else ():
        if ICitizenRecord.providedBy(ancestor):
            return True
        if ISiteRoot.providedBy(ancestor):
            break
    return False


@implementer(IRulesetLookup)
class RulesetLookup:
    """plone.app.caching's lookup (``ContentItemLookup`` for views and
    templates, the registered rulesets for anything else), with two
    differences on the site's requests (``IZhengwuLayer``): under a citizen's
    record everything is private, and no answer goes out without a rule."""

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def __call__(self):
        if under_record(self.published, self.request):
            return PRIVATE
        if IUniqueResourceRequest.providedBy(self.request):  # as plone.resource's lookup
            return "plone.stableResource"
        return self.base_rule() or UNLISTED

    def base_rule(self):
        if IBrowserView.providedBy(self.published) or _is_template(self.published):
            return ContentItemLookup(self.published, self.request)()
        return lookup(self.published)


def _is_template(published):
    return IPageTemplate.providedBy(published)


def apply_missed_rule(event):
    """IPubSuccess: the caching operation runs as the last step of
    plone.transformchain; when an earlier step fails (the theme's rules
    cannot be read for an HTML page asked for as JSON) the chain stops and
    the answer would leave without Cache-Control. Apply the rule then."""
    request = event.request
    response = request.response
    if response.getHeader(X_CACHE_OPERATION_HEADER) is not None:
        return
    if (
        response.getHeader("Cache-Control") is not None
        and response.getHeader(X_CACHE_RULE_HEADER) is None
    ):
        return  # set by the view itself, outside plone.caching
    try:
        rule, name, operation = findOperation(request)
    except Exception:  # noqa: BLE001 (never break an answer for its headers)
        logger.exception("No caching rule could be applied to %s", request.get("URL"))
        return
    if operation is None:
        return
    response.setHeader(X_CACHE_RULE_HEADER, rule)
    response.setHeader(X_CACHE_OPERATION_HEADER, name)
    operation.modifyResponse(rule, response)


# What is purged ---------------------------------------------------------------


def anonymous_may_view(obj):
    return "Anonymous" in rolesForPermissionOn("View", aq_inner(obj))


def site_path(obj):
    """``/Plone/zh-cn/news`` (the virtual-hosting-relative path of ``obj``)."""
    path = obj.virtual_url_path()
    return "/" + path if path else ""


def traditional(path, site_prefix):
    """The same address under ``++hant++`` (right after the site), or None."""
    if path == site_prefix or path.startswith(site_prefix + "/"):
        return f"{site_prefix}/{HANT}{path[len(site_prefix) :]}"
    return None


def page_paths(obj):
    """The addresses of an object's page: ``/x``, ``/x/``, ``/x/view`` and its
    view by name (``/x/news-listing``, ``/x/@@news-listing``)."""
    base = site_path(obj)
    paths = [base or "/", base + "/", base + "/view"]
    # The layout the object is shown with (getObjectDefaultView would answer
    # the request's method, e.g. PATCH, when the change came through REST).
    getter = getattr(aq_base(obj), "getLayout", None)
    layout = obj.getLayout() if getter is not None else None
    if layout:
        paths += [f"{base}/{layout}", f"{base}/@@{layout}"]
    return paths


def default_page(folder):
    """The folder's default page (the home page's Document), or None."""
    from plone.base.defaultpage import get_default_page

    try:
        page_id = get_default_page(folder)
    except Exception:  # noqa: BLE001 (a folder without a default page)
        return None
    if not page_id:
        return None
    page = folder.get(page_id) if hasattr(aq_base(folder), "get") else None
    return page if IContentish.providedBy(page) else None


def folders_above(container):
    """``container`` and its folders up to the navigation root (a language
    root folder: the home page), never the site root."""
    folder = container
    while folder is not None and not ISiteRoot.providedBy(folder):
        yield folder
        if INavigationRoot.providedBy(folder):
            return
        folder = aq_parent(aq_inner(folder))


class Listings:
    """The listings that show what a folder holds: carried by a ``Purge``
    event to ``ListingsPurgePaths`` (``notify(Purge(Listings(folder)))``)."""

    def __init__(self, container):
        self.container = container


@implementer(IPurgePaths)
@adapter(Listings)
class ListingsPurgePaths:
    """Every folder from ``container`` up to the language root: its page,
    its default page (the home page on the language root), its listing
    endpoints (REST, JSON — and ``++api++``), its feeds; each page also under
    ``++hant++``."""

    def __init__(self, listings):
        self.listings = listings

    def getRelativePaths(self):
        container = self.listings.container
        if container is None:
            return []
        from plone import api

        site_prefix = site_path(api.portal.get())
        paths = []
        for folder in folders_above(container):
            base = site_path(folder)
            paths += page_paths(folder)
            page = default_page(folder)
            if page is not None:
                paths += page_paths(page)
            paths += [f"{base}/{name}" for name in LISTING_ENDPOINTS + FEEDS]
            paths += [f"/++api++{base}", f"/++api++{base}/@navigation"]
            if INavigationRoot.providedBy(folder):
                paths += [f"{base}/{name}" for name in HOME_VIEWS]
        paths += [t for t in (traditional(p, site_prefix) for p in paths) if t]
        return list(dict.fromkeys(paths))

    def getAbsolutePaths(self):
        return []


@implementer(IPurgePaths)
@adapter(IContentish)
class ItemPurgePaths:
    """What plone.app.caching leaves out of an item's addresses: the bare
    address under ``++hant++`` and the item's files in a list field
    (``@@attachment/<n>/<name>``, zhengwu.files)."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        from plone import api

        base = site_path(self.context)
        paths = [base]
        for n, blob in enumerate(getattr(aq_base(self.context), "attachments", None) or ()):
            name = getattr(blob, "filename", None)
            if name:
                paths.append(f"{base}/@@attachment/{n}/{quote(name)}")
        site_prefix = site_path(api.portal.get())
        hant = [t for t in (traditional(p, site_prefix) for p in paths) if t]
        return paths[1:] + hant

    def getAbsolutePaths(self):
        return []


def purge_listings(container):
    if container is not None:
        notify(Purge(Listings(container)))


def workflow_changed(obj, event):
    """A transition (publish, withdraw, retract, reject …): the item's folders'
    listings and the home page, whatever the states (plone.app.caching
    purges the item and its folder)."""
    if isPurged(obj):
        purge_listings(aq_parent(aq_inner(obj)))


def modified(obj, event):
    """An edit of what Anonymous sees also changes the listings that show it
    (a draft's edits change no public page; nor does something added to a
    folder, such as a citizen's message to a mailbox)."""
    if IContainerModifiedEvent.providedBy(event):
        return
    if isPurged(obj) and anonymous_may_view(obj):
        purge_listings(aq_parent(aq_inner(obj)))


def checked_in(obj, event):
    """A working copy checked in (plone.app.iterate): the published item took
    its content."""
    if isPurged(obj):
        notify(Purge(obj))
        purge_listings(aq_parent(aq_inner(obj)))


def removed(obj, event):
    """Deleted: plone.app.caching purges the item and its folder; the listings
    above and the home page go too."""
    if event.object is obj and isPurged(obj) and event.oldParent is not None:
        purge_listings(event.oldParent)


def moved(obj, event):
    """Moved or renamed: plone.app.caching purges the new addresses; the old
    ones (the object's and, for a folder, those of everything in it: the
    event reaches each) and the old folders' listings go too."""
    if IObjectAddedEvent.providedBy(event) or IObjectRemovedEvent.providedBy(event):
        return
    if event.oldParent is None or event.newParent is None or not isPurged(obj):
        return
    if not anonymous_may_view(obj):
        return  # a draft renamed or moved: none of its addresses is public
    request = getRequest()
    if request is None or not isCachePurgingEnabled():
        return
    from plone import api

    # Compared below the site: the Traditional (/Plone/++hant++/zh-cn/…) and
    # REST (/++api++/Plone/zh-cn/…) addresses hold the same path.
    site_prefix = site_path(api.portal.get())
    new = site_path(event.object)[len(site_prefix) :]
    old = f"{site_path(event.oldParent)}/{event.oldName}"[len(site_prefix) :]
    queue = IAnnotations(request).setdefault(PURGE_QUEUE, set())
    rewriter = IPurgePathRewriter(request, None)
    for _name, provider_ in getAdapters((obj,), IPurgePaths):
        for path in provider_.getRelativePaths() or ():
            before = _replace_segment(path, new, old)
            if before is not None:
                queue.update(rewriter(before) if rewriter is not None else [before])
    if event.object is obj:
        purge_listings(event.oldParent)
        purge_listings(event.newParent)


def _replace_segment(path, new, old):
    """``path`` with the path ``new`` (as whole segments) replaced by ``old``."""
    at = path.find(new)
    while at != -1:
        end = at + len(new)
        if end == len(path) or path[end] in "/?":
            return path[:at] + old + path[end:]
        at = path.find(new, at + 1)
    return None


# Where the proxies are ---------------------------------------------------------


def configure_from_environment(environ=None):
    """Purge the proxies named in ``CACHING_PROXIES``, or purge nothing; the
    proxies set (an empty tuple when purging is off)."""
    from plone import api

    proxies = proxies_from_environment(environ)
    api.portal.set_registry_record(
        "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies", proxies
    )
    api.portal.set_registry_record(
        "plone.cachepurging.interfaces.ICachePurgingSettings.enabled", bool(proxies)
    )
    return proxies
