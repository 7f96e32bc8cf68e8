"""Consultations in process: the type, its dates, its sections, opinions
sent and moderated, the feedback published through the three reviews."""

from datetime import timedelta
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.helpers import PATH_TO
from tests.participation.consultation_helpers import add_opinion
from tests.participation.consultation_helpers import make_consultation
from zhengwu import clock
from zhengwu.participation import consultation as consultations
from zhengwu.participation.consultation_sections import numbered_html
from zhengwu.participation.consultation_sections import sections
from zhengwu.participation.feedback import IConsultationFeedback
from zhengwu.participation.opinion_submission import refusal
from zhengwu.rest import Forbidden
from zhengwu.review.audit_log import IAuditLog
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.interface import Invalid
import pytest


def test_published_through_three_reviews(portal):
    consultation = make_consultation(portal)
    assert api.content.get_state(consultation) == "published"
    assert consultations.phase(consultation) == consultations.OPEN


def test_sections_are_numbered(portal):
    consultation = make_consultation(portal, state="private")
    assert sections(consultation) == [
        (1, "第一章 总则"),
        (2, "第二章 禁止吸烟场所"),
        (3, "第三条 室外区域"),
    ]
    html = numbered_html(consultation)
    assert 'id="section-2"' in html
    assert '<span class="section-number">2. </span>第二章 禁止吸烟场所' in html


def test_closes_before_opens_is_invalid(portal):
    today = clock.today()
    with pytest.raises(Invalid):
        consultations.IConsultation.validateInvariants(
            type("Data", (), {"opens": today, "closes": today - timedelta(days=1)})()
        )


def test_short_period():
    today = clock.today()
    assert consultations.short_period(today, today + timedelta(days=29)) is None
    assert consultations.short_period(today, today + timedelta(days=9)) == 10


def test_phases(portal):
    today = clock.today()
    consultation = make_consultation(portal)
    assert consultations.phase(consultation, today - timedelta(days=11)) == consultations.UPCOMING
    assert consultations.phase(consultation, consultation.closes) == consultations.OPEN
    after = consultation.closes + timedelta(days=1)
    assert consultations.phase(consultation, after) == consultations.AWAITING_FEEDBACK


def test_opinion_pending_then_published(portal):
    consultation = make_consultation(portal)
    opinion = add_opinion(consultation)
    assert api.content.get_state(opinion) == "pending"
    assert opinion.tracking_number.startswith("YJ")
    assert opinion.section == "2"
    assert opinion.Title() == opinion.tracking_number
    with api.env.adopt_user(username="handler"):
        api.content.transition(opinion, transition="publish")
    assert api.content.get_state(opinion) == "published"


def test_refusing_needs_a_reason(portal):
    consultation = make_consultation(portal)
    opinion = add_opinion(consultation)
    wtool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="handler"), pytest.raises(WorkflowException):
        wtool.doActionFor(opinion, "refuse", comment=" ")
    with api.env.adopt_user(username="handler"):
        api.content.transition(opinion, transition="refuse", comment="广告")
    assert api.content.get_state(opinion) == "refused"


def test_only_handlers_moderate(portal):
    consultation = make_consultation(portal)
    opinion = add_opinion(consultation)
    for userid in ("author", "editor", "final", "responder", "siteadmin"):
        with api.env.adopt_user(username=userid):
            assert not api.user.has_permission("zhengwu: Moderate opinions", obj=opinion), userid


@pytest.mark.parametrize("state", ["private", "pending_first"])
def test_unpublished_takes_no_opinions(portal, state):
    consultation = make_consultation(portal, state=state)
    assert refusal(consultation) is not None
    with pytest.raises(Forbidden):
        add_opinion(consultation)


def test_closed_and_upcoming_take_no_opinions(portal):
    today = clock.today()
    closed = make_consultation(
        portal, opens=today - timedelta(days=40), closes=today - timedelta(days=1)
    )
    upcoming = make_consultation(
        portal, opens=today + timedelta(days=1), closes=today + timedelta(days=40)
    )
    for consultation in (closed, upcoming):
        with pytest.raises(Forbidden):
            add_opinion(consultation)


def test_unknown_section_is_a_field_error(portal):
    consultation = make_consultation(portal)
    from zhengwu.participation import opinion_submission

    opinion, _code, errors = opinion_submission.submit(
        consultation, {"text": "意见", "section": "9"}, getRequest()
    )
    assert opinion is None
    assert [e["field"] for e in errors] == ["section"]


def test_feedback_through_three_reviews(portal, set_clock):
    today = clock.today()
    consultation = make_consultation(
        portal, opens=today - timedelta(days=40), closes=today - timedelta(days=5)
    )
    assert consultations.phase(consultation) == consultations.AWAITING_FEEDBACK
    with api.env.adopt_user(username="author"):
        feedback = api.content.create(
            container=consultation,
            type="ConsultationFeedback",
            id="feedback",
            title="意见采纳情况",
            received=3,
            adopted=1,
            partly_adopted=1,
            not_adopted=1,
            decisions="建议扩大禁烟范围 | 采纳\n建议提高罚款 | 未采纳 | 罚款标准由上位法规定",
        )
    assert consultation.feedback_published is None
    for transition, userid in PATH_TO["published"]:
        with api.env.adopt_user(username=userid):
            api.content.transition(feedback, transition=transition, comment="同意")
    assert consultation.feedback_published == today
    assert consultations.phase(consultation) == consultations.CONCLUDED
    rows = feedback.decision_rows()
    assert rows[1] == {
        "topic": "建议提高罚款",
        "decision": "not_adopted",
        "reason": "罚款标准由上位法规定",
    }
    with api.env.adopt_user(username="chain_final"):
        api.content.transition(feedback, transition="withdraw", comment="更正")
    assert consultation.feedback_published is None


def test_moderation_is_audited(portal):
    consultation = make_consultation(portal)
    opinion = add_opinion(consultation, "refused")
    path = "/".join(opinion.getPhysicalPath())
    recorded = [
        (e["action"], e["actor"], e["state"], e["comment"], e["title"])
        for e in getUtility(IAuditLog).search(path=path)
    ]
    assert recorded == [("refuse", "handler", "refused", "与本办法无关", opinion.tracking_number)]


def test_the_feedback_counts_the_opinions_received(portal):
    today = clock.today()
    consultation = make_consultation(
        portal, opens=today - timedelta(days=40), closes=today - timedelta(days=5)
    )
    with clock.fixed(clock.now() - timedelta(days=10)):
        add_opinion(consultation, "published")
        add_opinion(consultation, "refused")
        add_opinion(consultation, "pending")
    field = IConsultationFeedback["received"].bind(consultation)
    assert field.default == 3
