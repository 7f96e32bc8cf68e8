"""GET <item>/@prepublish-checks: what the checks before publishing find on
an item of the review workflow, for headless editors and reviewers (the
classic UI shows the same in its viewlet).

``transition`` (default: the one the item's state leads to) chooses the
step: ``submit``, ``approve_first``, ``approve_second`` or ``publish``.
Answers ``transition``, ``findings`` (``kind``, ``severity`` — ``refuse``,
``acknowledge``, ``override``, ``notice`` —, ``field``, ``message``) and
``history`` (acknowledgements and overrides of the current review round).
Only for whoever may edit or review the item (403 otherwise).
"""

from datetime import datetime
from plone import api
from zhengwu import _
from zhengwu.clock import CHINA
from zhengwu.i18n import translated
from zhengwu.rest import BadRequest
from zhengwu.rest import choice
from zhengwu.rest import Forbidden
from zhengwu.rest import Service
from zhengwu.review import checks


class PrepublishChecksGet(Service):
    def reply(self):
        context = self.context
        transition = choice(
            self.request.form,
            "transition",
            checks.FORWARD,
            _(
                "transition must be one of: ${transitions}.",
                mapping={"transitions": ", ".join(checks.FORWARD)},
            ),
        )
        if not (
            api.user.has_permission("Modify portal content", obj=context)
            or api.user.has_permission("Review portal content", obj=context)
        ):
            raise Forbidden(_("Only the item's editors and reviewers see its checks."))
        if not checks.reviewed(context):
            raise BadRequest(_("This item does not pass the three reviews."))
        transition = transition or checks.next_transition(context)
        found = checks.findings(context, transition) if transition else []
        return {
            "@id": f"{context.absolute_url()}/@prepublish-checks",
            "transition": transition,
            "findings": [
                {
                    "kind": f.kind,
                    "severity": f.severity,
                    "field": f.field,
                    "message": translated(f.message, self.request),
                }
                for f in found
            ],
            "history": [
                dict(entry, time=datetime.fromtimestamp(entry["time"], CHINA).isoformat())
                for entry in checks.round_history(context)
            ],
        }
