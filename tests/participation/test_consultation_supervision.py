"""Site supervision counts public consultations closed more than N days
(``zhengwu.consultations.feedback_days``, 30) without published feedback,
and warns of periods of comment under 30 days; the annual report counts
the consultations held."""

from datetime import timedelta
from plone import api
from tests.helpers import PATH_TO
from tests.participation.consultation_helpers import make_consultation
from zhengwu import clock
from zhengwu.supervision import annual_report_counts
from zhengwu.supervision import indicators
import pytest


def by_id(portal):
    return {i["id"]: i for i in indicators.compute(portal)["indicators"]}


def publish_feedback(consultation):
    with api.env.adopt_user(username="author"):
        feedback = api.content.create(
            container=consultation,
            type="ConsultationFeedback",
            id="feedback",
            title="意见采纳情况",
        )
    for transition, userid in PATH_TO["published"]:
        with api.env.adopt_user(username=userid):
            api.content.transition(feedback, transition=transition, comment="同意")
    return feedback


@pytest.mark.parametrize(
    "closed_days_ago, state", [(0, "ok"), (1, "warning"), (30, "warning"), (31, "failed")]
)
def test_feedback_due(portal, closed_days_ago, state):
    today = clock.today()
    closes = today - timedelta(days=closed_days_ago)
    consultation = make_consultation(portal, opens=closes - timedelta(days=30), closes=closes)
    indicator = by_id(portal)["consultation_feedback"]
    assert indicator["state"] == state
    assert indicator["value"] == (1 if state == "failed" else 0)
    assert [i["path"] for i in indicator["items"]] == (
        [] if state == "ok" else ["/".join(consultation.getPhysicalPath())]
    )
    assert indicator["veto"] is False


def test_published_feedback_clears_it(portal):
    today = clock.today()
    consultation = make_consultation(
        portal, opens=today - timedelta(days=100), closes=today - timedelta(days=60)
    )
    assert by_id(portal)["consultation_feedback"]["state"] == "failed"
    publish_feedback(consultation)
    assert by_id(portal)["consultation_feedback"]["state"] == "ok"


def test_the_setting_moves_the_line(portal):
    today = clock.today()
    make_consultation(portal, opens=today - timedelta(days=40), closes=today - timedelta(days=10))
    assert by_id(portal)["consultation_feedback"]["state"] == "warning"
    api.portal.set_registry_record("zhengwu.consultations.feedback_days", 5)
    assert by_id(portal)["consultation_feedback"]["state"] == "failed"


def test_unpublished_consultations_are_not_counted(portal):
    today = clock.today()
    make_consultation(
        portal,
        state="private",
        opens=today - timedelta(days=100),
        closes=today - timedelta(days=60),
    )
    assert by_id(portal)["consultation_feedback"]["state"] == "ok"


def test_short_periods_are_warned(portal):
    today = clock.today()
    assert by_id(portal)["consultation_periods"]["state"] == "ok"
    consultation = make_consultation(portal, opens=today, closes=today + timedelta(days=9))
    indicator = by_id(portal)["consultation_periods"]
    assert indicator["state"] == "warning"
    assert indicator["items"][0]["days"] == 10
    assert indicator["items"][0]["path"] == "/".join(consultation.getPhysicalPath())


def test_annual_report_counts_consultations_held(portal):
    make_consultation(portal)
    make_consultation(portal, state="private")
    assert annual_report_counts.count_held("Consultation", clock.today().year) == 1
