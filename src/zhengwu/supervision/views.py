"""``@@site-health``: the dashboard of the inspection indicators."""

from plone import api
from Products.Five.browser import BrowserView
from zhengwu import _
from zhengwu.supervision import indicators
from zhengwu.supervision import states


# Every state is told in words and by a symbol as well as by colour.
STATE_TITLES = {
    states.OK: _("state_ok", default="OK (正常)"),
    states.WARNING: _("state_warning", default="Warning (预警)"),
    states.FAILED: _("state_failed", default="Failed (不合格)"),
}
STATE_SYMBOLS = {states.OK: "✓", states.WARNING: "!", states.FAILED: "✗"}
STATE_CLASSES = {states.OK: "success", states.WARNING: "warning", states.FAILED: "danger"}


class SiteHealthView(BrowserView):
    def __call__(self):
        self.data = indicators.compute(self.context)
        return self.index()

    def may_manage(self):
        return api.user.has_permission("zhengwu: Manage site supervision", obj=self.context)

    def state_title(self, state):
        return STATE_TITLES[state]

    def state_symbol(self, state):
        return STATE_SYMBOLS[state]

    def state_class(self, state):
        return STATE_CLASSES[state]

    def value_text(self, indicator):
        value = indicator["value"]
        return "—" if value is None else str(value)

    def threshold_text(self, indicator):
        threshold = indicator["threshold"]
        return "—" if threshold is None else str(threshold)

    def item_notes(self, item):
        """What to say about an offending item beside its title."""
        notes = []
        for key in ("age_days", "published", "received_date", "line_date", "due_date"):
            if item.get(key) is not None:
                notes.append(f"{key}: {item[key]}")
        if item.get("missing"):
            notes.append("、".join(str(m) for m in item["missing"]))
        if item.get("link"):
            notes.append(f"{item['link']} ({item.get('status') or item.get('error') or ''})")
        return "; ".join(notes)
