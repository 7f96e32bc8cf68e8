"""The submitter rates the answer once (满意度), with the query code."""

from plone import api
from zhengwu import _
from zhengwu.petitions.kinds import ANSWERED_STATES
from zhengwu.petitions.kinds import SATISFACTION
from zhengwu.rest import BadRequest
from zhengwu.rest import Conflict
from zhengwu.submissions.lookup import system_user


def rate(petition, value):
    """Record ``value``; ``BadRequest`` or ``Conflict`` with the reason otherwise."""
    if value not in dict(SATISFACTION):
        raise BadRequest(
            _(
                "satisfaction is one of very_satisfied, satisfied, basically_satisfied, "
                "dissatisfied or very_dissatisfied."
            ),
            "satisfaction",
        )
    if api.content.get_state(petition) not in ANSWERED_STATES:
        raise Conflict(_("The petition has no approved reply yet."), "satisfaction")
    if petition.satisfaction:
        raise Conflict(_("This answer has already been rated."), "satisfaction")
    with system_user():
        petition.satisfaction = value
        petition.reindexObject(idxs=["getId"])  # refreshes the metadata the statistics read
