"""Broken links (扣分: 链接不可用), from the last run of the link checker.

The checker (``zhengwu check-links``) stores its findings on the site in an
annotation; the dashboard only reads them. Absent, the checker never ran on
this site, and the indicator says so.
"""

from plone import api
from zhengwu import _
from zhengwu.supervision import states
from zope.annotation.interfaces import IAnnotations


LINKS_KEY = "zhengwu.supervision.links"


def last_run(portal=None):
    """``{"checked": ISO datetime, "broken": [{url, page_path, page_title,
    status, error}]}`` or None."""
    portal = portal if portal is not None else api.portal.get()
    return IAnnotations(portal).get(LINKS_KEY)


def broken_links(check):
    s = check.settings
    run = last_run(check.portal)
    if run is None:
        return states.indicator(
            "broken_links",
            _("Links work"),
            _("The link checker has not run yet on this site."),
            states.WARNING,
            None,
            s.broken_links_max,
            (),
            unit="links",
            checked=None,
            not_run=True,
        )
    portal_path = "/".join(check.portal.getPhysicalPath())
    portal_url = check.portal.absolute_url()
    items = []
    for link in run.get("broken") or ():
        page_path = link.get("page_path") or ""
        if check.path != portal_path and not (
            page_path == check.path or page_path.startswith(check.path + "/")
        ):
            continue
        relative = page_path[len(portal_path) :] if page_path.startswith(portal_path) else page_path
        items.append(
            {
                "title": link.get("page_title") or page_path,
                "url": portal_url + relative,
                "path": page_path,
                "link": link.get("url"),
                "status": link.get("status"),
                "error": link.get("error"),
            }
        )
    count = len(items)
    if count > s.broken_links_max:
        state = states.FAILED
    elif count:
        state = states.WARNING
    else:
        state = states.OK
    return states.indicator(
        "broken_links",
        _("Links work"),
        _(
            "No broken link on published pages; more than ${count} fails, any is a warning.",
            mapping={"count": s.broken_links_max},
        ),
        state,
        count,
        s.broken_links_max,
        items,
        unit="links",
        checked=run.get("checked"),
        not_run=False,
    )
