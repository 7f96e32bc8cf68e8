"""The statutory clock: 20 working days from receipt across holidays and
year ends, one extension, a correction restarting the clock, a
consultation pausing it, the flags."""

from datetime import date
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.requests.helpers import apply
from tests.requests.helpers import make_catalog
from tests.requests.helpers import move
from zhengwu import clock
from zhengwu.requests import statutory_clock
import pytest


@pytest.fixture
def catalog(portal):
    return make_catalog(portal)


def state(obj):
    return api.content.get_state(obj)


def test_registration_starts_the_clock_across_national_day(catalog):
    obj, _code = apply(catalog)
    assert obj.due_date is None  # not received until confirmed (Art. 31)
    with clock.fixed(date(2025, 9, 26)):
        move(obj, "register")
    assert obj.received_date == date(2025, 9, 26)
    # 2025: 9-28 (Sun) and 10-11 (Sat) are worked; 10-1..10-8 are off.
    assert obj.due_date == date(2025, 10, 30)
    assert obj.due_provisional is False


def test_the_clock_across_the_year_end_into_an_unpublished_year(catalog, calendar_until_2026):
    obj, _code = apply(catalog)
    with clock.fixed(date(2026, 12, 15)):
        move(obj, "register")
    assert obj.due_date.year == 2027
    # 2027's schedule is not in the package: provisional.
    assert obj.due_provisional is True


def test_one_extension_of_20_working_days_with_a_reason(catalog):
    obj, _code = apply(catalog)
    with clock.fixed(date(2026, 3, 2)):
        move(obj, "register")
    assert obj.due_date == date(2026, 3, 30)
    with clock.fixed(date(2026, 3, 20)):
        with pytest.raises(WorkflowException):
            move(obj, "extend", comment="")
        move(obj, "extend", comment="涉及多个部门，需要调档核查")
    assert state(obj) == "extended"
    assert obj.extended_on == date(2026, 3, 20)
    # 20 more working days: Qingming (4-4..4-6) falls in them.
    assert obj.due_date == date(2026, 4, 28)
    wtool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="officer"):
        assert "extend" not in [t["id"] for t in wtool.getTransitionsFor(obj)]


def test_extension_is_refused_once_the_deadline_passed(catalog):
    obj, _code = apply(catalog)
    with clock.fixed(date(2026, 3, 2)):
        move(obj, "register")
    with clock.fixed(date(2026, 3, 31)), pytest.raises(WorkflowException, match="deadline|期限"):
        move(obj, "extend", comment="来不及了")
    assert state(obj) == "registered"


def test_a_correction_stops_the_clock_and_restarts_it_when_it_arrives(catalog):
    obj, _code = apply(catalog)
    with clock.fixed(date(2026, 3, 2)):
        move(obj, "register")
    with clock.fixed(date(2026, 3, 5)):
        move(obj, "request_correction", comment="请说明所需信息的年份和具体项目名称")
    assert state(obj) == "awaiting_correction"
    assert obj.due_date is None
    assert obj.correction_due == date(2026, 3, 26)  # 15 working days to correct
    with clock.fixed(date(2026, 3, 16)):
        move(obj, "receive_correction")
    assert state(obj) == "registered"
    assert obj.clock_start == date(2026, 3, 16)
    assert obj.due_date == date(2026, 4, 14)  # from the correction, not from receipt
    assert obj.received_date == date(2026, 3, 2)  # the receipt itself does not move


def test_a_correction_is_asked_once_and_within_7_working_days(catalog):
    obj, _code = apply(catalog)
    with clock.fixed(date(2026, 3, 2)):
        move(obj, "register")
    with clock.fixed(date(2026, 3, 12)), pytest.raises(WorkflowException, match="7"):
        move(obj, "request_correction", comment="请补充")
    with clock.fixed(date(2026, 3, 11)):
        move(obj, "request_correction", comment="请补充")
    with clock.fixed(date(2026, 3, 12)):
        move(obj, "receive_correction")
    with clock.fixed(date(2026, 3, 13)), pytest.raises(WorkflowException):
        move(obj, "request_correction", comment="再补充一次")
    assert state(obj) == "registered"


def test_a_consultation_pauses_the_clock(catalog):
    obj, _code = apply(catalog)
    with clock.fixed(date(2026, 3, 2)):
        move(obj, "register")
    with clock.fixed(date(2026, 3, 9)):
        move(obj, "consult", comment="征求第三方示例建设公司意见")
    assert state(obj) == "consulting"
    assert statutory_clock.consultation_due(obj) == date(2026, 3, 30)
    assert statutory_clock.flag(obj, "consulting") == "paused"
    with clock.fixed(date(2026, 3, 20)):
        move(obj, "end_consultation")
    assert state(obj) == "registered"
    assert obj.paused_days == 9  # 3-10 .. 3-20
    assert obj.due_date == date(2026, 4, 13)  # 3-30 plus 9 working days (Qingming off)


def test_a_consultation_of_an_extended_request_returns_to_extended(catalog):
    obj, _code = apply(catalog)
    with clock.fixed(date(2026, 3, 2)):
        move(obj, "register")
        move(obj, "extend", comment="需要调档")
        move(obj, "consult", comment="征求意见")
    with clock.fixed(date(2026, 3, 4)):
        move(obj, "end_consultation")
    assert state(obj) == "extended"
    assert obj.extension_days == 20 and obj.paused_days == 2
    history = obj.workflow_history["zhengwu_request_workflow"]
    assert history[-1]["action"] == "end_consultation"
    assert history[-1]["review_state"] == "extended"
    (brain,) = api.content.find(UID=obj.UID(), unrestricted=True)
    assert brain.review_state == "extended"


def test_flags(catalog):
    obj, _code = apply(catalog)
    with clock.fixed(date(2026, 3, 2)):
        move(obj, "register")
    assert statutory_clock.flag(obj, "registered", on=date(2026, 3, 10)) is None
    assert statutory_clock.flag(obj, "registered", on=date(2026, 3, 25)) == "due_soon"
    assert statutory_clock.flag(obj, "registered", on=date(2026, 3, 31)) == "overdue"
    obj.answered_date = date(2026, 4, 2)
    assert statutory_clock.flag(obj, "answered") == "late"
    obj.answered_date = date(2026, 3, 30)
    assert statutory_clock.flag(obj, "answered") is None


def test_withdrawn_only_when_the_time_to_correct_passed(catalog):
    obj, _code = apply(catalog)
    with clock.fixed(date(2026, 3, 2)):
        move(obj, "register")
        move(obj, "request_correction", comment="请补充")
    with clock.fixed(date(2026, 3, 20)), pytest.raises(WorkflowException):
        move(obj, "withdraw")
    assert (
        statutory_clock.flag(obj, "awaiting_correction", on=date(2026, 3, 24))
        == "correction_overdue"
    )
    with clock.fixed(date(2026, 3, 24)):
        move(obj, "withdraw")
    assert state(obj) == "withdrawn"
    assert (obj.outcome, obj.outcome_reason) == ("other", "no_correction")
    assert obj.answered_date == date(2026, 3, 24)
