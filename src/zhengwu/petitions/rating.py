"""The submitter rates the answer once (满意度), with the query code."""

from plone import api
from zhengwu import _
from zhengwu.petitions.kinds import ANSWERED_STATES
from zhengwu.petitions.kinds import SATISFACTION
from zhengwu.submissions.intake import Refused
from zhengwu.submissions.lookup import system_user


def rate(petition, value):
    """Record ``value``; ``Refused`` with the reason otherwise."""
    if value not in dict(SATISFACTION):
        raise Refused(
            400,
            _(
                "satisfaction is one of very_satisfied, satisfied, basically_satisfied, "
                "dissatisfied or very_dissatisfied."
            ),
        )
    if api.content.get_state(petition) not in ANSWERED_STATES:
        raise Refused(409, _("The petition has no approved reply yet."))
    if petition.satisfaction:
        raise Refused(409, _("This answer has already been rated."))
    with system_user():
        petition.satisfaction = value
        petition.reindexObject(idxs=["getId"])  # refreshes the metadata the statistics read
