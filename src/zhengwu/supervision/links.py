"""Link checking (issue 15, item 3; 检查指标: 链接可用性).

``check_links(portal)`` reads every published item (what Anonymous may
see), checks every address it links to and every attachment it carries,
and stores the outcome on the portal under ``ANNOTATION_KEY``::

    {"checked": "2026-06-15T10:00:00+08:00", "checked_count": 120,
     "external_count": 40, "unchecked_count": 0, "attachment_count": 7,
     "broken": [{"url", "page_path", "page_title", "status", "error"}],
     "broken_count": 3}

``broken`` keeps the first ``MAX_STORED`` entries (by page path);
``broken_count`` counts them all.

``page_path`` is the physical path of the page the broken link sits on.
``status`` is the HTTP status, or why there is none: ``timeout``,
``refused``, ``unreachable``, ``redirects``, ``ssl``, ``error`` (external),
``not_found``, ``unpublished`` (internal), ``missing_file`` (attachments).

External results are remembered (``CACHE_KEY``) and a link checked less
than ``recheck_hours`` ago is not asked again, so a daily run does not
hammer anyone's server. ``zhengwu check-links`` runs it (instance/cli.py).
"""

from BTrees.OOBTree import OOBTree
from datetime import timedelta
from persistent.mapping import PersistentMapping
from plone import api
from zhengwu import clock
from zhengwu.supervision.external import Checker
from zhengwu.supervision.external import Result
from zhengwu.supervision.external import Settings
from zhengwu.supervision.extract import blob_error
from zhengwu.supervision.extract import item_links
from zhengwu.supervision.internal import Site
from zope.annotation.interfaces import IAnnotations
import logging


logger = logging.getLogger(__name__)

ANNOTATION_KEY = "zhengwu.supervision.links"
CACHE_KEY = "zhengwu.supervision.links.cache"
PREFIX = "zhengwu.supervision.links"
MAX_STORED = 5000  # broken links kept for the dashboard; broken_count has them all
SITE_URL_RECORD = "zhengwu.supervision.links.site_url"

DEFAULTS = {
    "timeout": 10.0,
    "per_host": 2,
    "workers": 8,
    "budget": 600,
    "recheck_hours": 24,
    "reachable_networks": (),
}
# Upper bounds whatever the registry or the command line says: a run must end.
LIMITS = {"timeout": 120.0, "budget": 86400.0}


def _record(name, default):
    value = api.portal.get_registry_record(name, default=None)
    return default if value is None else value


def settings(**overrides):
    """The registry's settings, with the command line's ``overrides``."""
    values = {name: _record(f"{PREFIX}.{name}", default) for name, default in DEFAULTS.items()}
    values.update({k: v for k, v in overrides.items() if v is not None})
    for name, limit in LIMITS.items():
        value = float(values[name])
        values[name] = limit if not value <= limit else value  # NaN and inf too
    return values


def site_urls():
    """The public addresses of the site (for links written as absolute URLs)."""
    main = _record(SITE_URL_RECORD, "") or ""
    others = _record(f"{PREFIX}.internal_urls", ()) or ()
    return [u.strip() for u in [main, *others] if u and u.strip()]


def published_items(portal):
    """Brains of what Anonymous may view, whatever the workflow."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        allowedRolesAndUsers="Anonymous",
        path="/".join(portal.getPhysicalPath()),
        sort_on="path",
    )


def check_links(portal, budget=None, timeout=None, log=None):
    """Check, store and return the results (the stored dict, as plain data)."""
    values = settings(budget=budget, timeout=timeout)
    site = Site(portal, site_urls())
    say = log or logger.info
    external = {}  # url → [(path, title)]
    broken = []
    checked = attachments = 0

    def report(url, path, title, status, error):
        broken.append(
            {"url": url, "page_path": path, "page_title": title, "status": status, "error": error}
        )

    for count, brain in enumerate(published_items(portal), 1):
        if count % 500 == 0:  # a nightly walk over every item: keep memory flat
            portal._p_jar.cacheGC()
        try:
            obj = brain._unrestrictedGetObject()
        except (KeyError, AttributeError):  # a stale catalog entry
            continue
        path, title = brain.getPath(), brain.Title or brain.getId
        try:
            links, files = item_links(obj)
        except Exception:  # one odd item never stops the run
            logger.warning("Cannot read the links of %s", path, exc_info=True)
            continue
        for title_of_field, named in files:
            attachments += 1
            error = blob_error(named)
            if error:
                name = getattr(named, "filename", None) or str(title_of_field)
                report(name, path, title, "missing_file", f"attachment unreadable: {error}")
        for url in links:
            try:
                absolute = site.absolute(url, obj)
                if not absolute.lower().startswith(("http://", "https://")):
                    continue  # ftp:, a scheme we do not check
                if site.is_internal(absolute) or "resolveuid/" in url.lower():
                    checked += 1
                    problem = site.check(url, obj)
                    if problem:
                        report(url, path, title, *problem)
                else:
                    external.setdefault(absolute, []).append((path, title))
            except ValueError:  # e.g. "http://[broken"
                checked += 1
                report(url, path, title, "error", "malformed address")

    results, unchecked = _check_external(portal, external, values, site.url)
    for url, pages in sorted(external.items()):
        result = results.get(url)
        if result is None:
            continue
        checked += len(pages)
        if not result.ok:
            for path, title in pages:
                report(url, path, title, result.status, result.error)

    data = {
        "checked": clock.now().isoformat(timespec="seconds"),
        # A legacy site may hold thousands: the stored list stays small.
        "broken": broken[:MAX_STORED],
        "broken_count": len(broken),
        "checked_count": checked,
        "external_count": len(external),
        "unchecked_count": unchecked,
        "attachment_count": attachments,
    }
    _store(portal, data)
    say(
        f"Checked {checked} links and {attachments} attachments "
        f"({len(external)} external addresses, {unchecked} left for the next run): "
        f"{len(broken)} broken."
    )
    return data


def _check_external(portal, external, values, own_url):
    """{url: Result} from the cache or the network; and how many were not
    reached within the budget."""
    annotations = IAnnotations(portal)
    cache = annotations.get(CACHE_KEY)
    if cache is None:
        cache = annotations[CACHE_KEY] = OOBTree()
    now = clock.now()
    fresh_after = now - timedelta(hours=float(values["recheck_hours"]))
    results, to_check = {}, []
    for url in external:
        cached = cache.get(url)
        if cached is not None and clock.as_china_time(cached[2]) > fresh_after:
            results[url] = Result(cached[0], cached[1])
        else:
            to_check.append(url)
    checker = Checker(
        Settings(
            timeout=float(values["timeout"]),
            per_host=int(values["per_host"]),
            workers=int(values["workers"]),
            budget=float(values["budget"]),
            site_url=site_urls()[0] if site_urls() else own_url,
            reachable_networks=tuple(values["reachable_networks"] or ()),
        )
    )
    fetched = checker.check_all(to_check)
    stamp = now.isoformat(timespec="seconds")
    for url, result in fetched.items():
        cache[url] = (result.status, result.error, stamp)
        results[url] = result
    # Forget the addresses no page links to any more.
    for url in [u for u in cache.keys() if u not in external]:
        del cache[url]
    return results, len(to_check) - len(fetched)


def _store(portal, data):
    stored = PersistentMapping(data)
    IAnnotations(portal)[ANNOTATION_KEY] = stored


def last_results(portal):
    """The last run's results as a plain dict (None before the first run)."""
    stored = IAnnotations(portal).get(ANNOTATION_KEY)
    return None if stored is None else dict(stored)
