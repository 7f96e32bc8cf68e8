"""GET <site or navigation root>/@site-health: every inspection indicator
with its state, value, line and offending items (administrators and
inspectors; DESIGN.md section 6)."""

from zhengwu.rest import Service
from zhengwu.supervision import indicators


class SiteHealthGet(Service):
    def reply(self):
        return indicators.compute(self.context)
