"""``@@site-health``: the dashboard of the inspection indicators."""

from plone import api
from Products.Five.browser import BrowserView
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.supervision import indicators
from zhengwu.supervision import mail
from zhengwu.supervision import states


# Every state is told in words and by a symbol as well as by colour.
STATE_TITLES = states.STATE_TITLES
STATE_SYMBOLS = {states.OK: "✓", states.WARNING: "!", states.FAILED: "✗"}
STATE_CLASSES = {states.OK: "success", states.WARNING: "warning", states.FAILED: "danger"}


class SiteHealthView(BrowserView):
    def __call__(self):
        self.data = indicators.compute(self.context)
        return self.index()

    def mail_configured(self):
        """The daily run's warnings go out by mail, or only to files."""
        return mail.mail_configured()

    def mail_folder(self):
        return str(mail.mail_folder())

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
        if item.get("age_days") is not None:
            notes.append(
                _(
                    "last published ${days} days ago (line: ${limit})",
                    mapping={"days": item["age_days"], "limit": item.get("limit_days", "")},
                )
            )
        elif item.get("published"):
            notes.append(_("published on ${date}", mapping={"date": item["published"]}))
        if item.get("line_date"):
            notes.append(_("unanswered since ${date}", mapping={"date": item["received_date"]}))
        if item.get("due_date"):
            notes.append(_("due on ${date}", mapping={"date": item["due_date"]}))
        if item.get("last_reviewed") or "last_reviewed" in item:
            notes.append(
                _("last checked: ${date}", mapping={"date": item.get("last_reviewed") or "—"})
            )
        text = [translated(note, self.request) for note in notes]
        if item.get("missing"):
            text.append("、".join(str(m) for m in item["missing"]))
        if item.get("link"):
            text.append(f"{item['link']} ({item.get('status') or item.get('error') or ''})")
        return "; ".join(text)
