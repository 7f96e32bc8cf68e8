"""The working-day calendar, checked against known dates."""

from datetime import date
from datetime import timedelta
from zhengwu.workdays.calendar import add_working_days
from zhengwu.workdays.calendar import day_status
from zhengwu.workdays.calendar import Schedule
from zhengwu.workdays.calendar import working_days_between
import pytest


def test_twenty_working_days_across_national_day_2026():
    # 9/26–27 Mid-autumn, 10/1–7 National Day off, Saturday 10/10 worked (调休):
    # 9/28 29 30, 10/8 9 10(Sat), 12–16, 19–23, 26 27 28 29 → the 20th is 10/29.
    deadline = add_working_days(date(2026, 9, 25), 20)
    assert deadline.due_date == date(2026, 10, 29)
    assert deadline.provisional is False


def test_the_start_day_does_not_count():
    assert add_working_days(date(2026, 11, 23), 1).due_date == date(2026, 11, 24)
    assert add_working_days(date(2026, 11, 27), 1).due_date == date(2026, 11, 30)  # Friday → Monday
    assert add_working_days(date(2026, 11, 27), 0).due_date == date(2026, 11, 27)


def test_a_worked_weekend_counts():
    assert day_status(date(2026, 10, 10)) == (True, False)  # Saturday, 调休
    assert day_status(date(2026, 10, 5)) == (False, False)  # Monday, National Day


def test_a_deadline_in_2027_is_provisional(calendar_until_2026):
    deadline = add_working_days(date(2026, 12, 20), 20)
    assert deadline.provisional is True
    # weekends and New Year's Day by rule: 12/21–25, 28–31 (9), then 2027: 1/1 off,
    # 1/4–8, 11–15 → the 20th working day is 2027-01-15... counted here:
    days, day = 0, date(2026, 12, 20)
    while days < 20:
        day += timedelta(days=1)
        if day.weekday() < 5 and day != date(2027, 1, 1):
            days += 1
    assert deadline.due_date == day


def test_an_entered_2027_schedule_takes_over(calendar_until_2026):
    schedule = {
        2027: Schedule(
            holidays=frozenset(date(2027, 1, d) for d in (1, 2, 3, 4)),  # say, four days off
            workdays=frozenset({date(2027, 1, 9)}),  # and a Saturday worked
        )
    }
    provisional = add_working_days(date(2026, 12, 31), 5)
    official = add_working_days(date(2026, 12, 31), 5, schedule)
    assert provisional.provisional is True
    assert official.provisional is False
    # 1/5 6 7 8 9(Sat, worked) → 2027-01-09
    assert official.due_date == date(2027, 1, 9)
    assert provisional.due_date == date(2027, 1, 8)


@pytest.mark.parametrize(
    "start",
    [date(1, 1, 1), date(1900, 6, 1), date(2003, 12, 30), date(2300, 5, 5), date(9999, 11, 1)],
)
def test_never_raises_outside_the_known_years(start):
    deadline = add_working_days(start, 15)
    assert deadline.provisional is True
    assert deadline.due_date > start


def test_past_the_end_of_the_calendar_is_a_clear_error():
    with pytest.raises(ValueError, match="9999"):
        add_working_days(date(9999, 12, 30), 10)


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 5), -1)


def test_working_days_between():
    assert working_days_between(date(2026, 9, 25), date(2026, 10, 29)) == 20
