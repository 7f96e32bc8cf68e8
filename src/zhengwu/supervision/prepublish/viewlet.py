"""The findings on an item in review, above its content, for its author and
its reviewers: what the next step asks (warnings to acknowledge, personal
data, what refuses it) and the acknowledgements and overrides of this round."""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zhengwu.review import checks
from zhengwu.review.checks import NEXT


class PrepublishViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/viewlet.pt")

    def update(self):
        super().update()
        self.found = []
        self.history = []
        self.transition = None
        context = self.context
        if getattr(self.view, "__name__", "") == "zhengwu-transition":
            return  # the transition form lists them itself
        if not checks.reviewed(context):
            return
        state = api.content.get_state(context, default=None)
        if state not in NEXT:
            return
        if not (
            api.user.has_permission("Modify portal content", obj=context)
            or api.user.has_permission("Review portal content", obj=context)
        ):
            return
        self.transition = NEXT[state]
        self.found = checks.findings(context, self.transition)
        self.history = [
            dict(entry, when=_when(entry["time"])) for entry in checks.round_history(context)
        ]

    def available(self):
        return bool(self.found or self.history)

    def render(self):
        return self.index() if self.available() else ""

    def of(self, *severities):
        return [f for f in self.found if f.severity in severities]


def _when(seconds):
    from datetime import datetime
    from zhengwu.clock import CHINA

    return datetime.fromtimestamp(seconds, CHINA).strftime("%Y-%m-%d %H:%M")
