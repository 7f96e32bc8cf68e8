"""All indicators of a site at once: ``compute(portal)``.

The dashboard (``@@site-health``), ``GET @site-health`` and the daily mail
run (``zhengwu supervise``) call ``compute``; each indicator lives in the
module of its group (``freshness``, ``interaction``, ``service_guides``,
``policies``, ``link_results``) and returns ``{id, title, rule, state,
value, threshold, veto, items, items_total, …}``. Everything comes from
catalog queries on metadata, never from loading content (the broken links
from the checker's last run), so a site of 100,000 items answers in well
under a second (benchmarks/site_health.py).
"""

from collections import Counter
from plone import api
from zhengwu import clock
from zhengwu.supervision import freshness
from zhengwu.supervision import interaction
from zhengwu.supervision import link_results
from zhengwu.supervision import policies
from zhengwu.supervision import service_guides
from zhengwu.supervision import settings
from zhengwu.supervision import states


class Check:
    """What every indicator reads: the root checked, the catalog, the
    settings and the product's today."""

    def __init__(self, root):
        self.root = root
        self.portal = api.portal.get()
        self.path = "/".join(root.getPhysicalPath())
        self.catalog = api.portal.get_tool("portal_catalog")
        self.settings = settings.current()
        self.now = clock.now()
        self.today = self.now.date()


def compute(portal):
    """Every indicator of ``portal`` (the site, or a navigation root: then
    only what lies below it)."""
    check = Check(portal)
    found = freshness.columns(check)
    indicators = [
        freshness.home_page(check, found),
        freshness.column_freshness(check, found),
        freshness.stale_key_columns(check, found),
        freshness.stale_columns(check, found),
        freshness.blank_columns(check, found),
        interaction.consultations(check),
        interaction.late_replies(check),
        interaction.consultation_feedback(check),
        interaction.consultation_periods(check),
        service_guides.guide_elements(check),
        service_guides.guides_checked(check),
        policies.interpretations(check, found),
        policies.validity(check),
        link_results.broken_links(check),
    ]
    counts = Counter(i["state"] for i in indicators)
    return {
        "checked": check.now.isoformat(),
        "veto": any(i["veto"] and i["state"] == states.FAILED for i in indicators),
        "summary": {state: counts.get(state, 0) for state in states.STATES},
        "indicators": indicators,
    }
