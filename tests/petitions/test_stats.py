"""Deadlines in working days, worklist flags, the statistics of a known
set of petitions, and the alarm of consultations nearing three months."""

from collections import Counter
from datetime import date
from datetime import timedelta
from tests.helpers import auth
from tests.helpers import body
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from zhengwu import clock
from zhengwu.petitions import deadlines
from zhengwu.petitions import stats
from zhengwu.workdays import add_working_days
import pytest
import requests
import transaction


def _dates(petition, received, due=None, replied=None):
    petition.received_date = received
    petition.due_date = due or add_working_days(received, 10).due_date
    if replied is not None:
        petition.replied_date = replied
    petition.reindexObject()


@pytest.mark.parametrize(
    "received, limit, due_date",
    [
        # 2026 National Day: Fri 9-25 (中秋) and Thu 10-1 to Wed 10-7 off, Sat 10-10 worked
        # (调休). Mon 9-28, Tue 9-29, Wed 9-30 are working days 1-3; Thu 10-8 and Fri 10-9
        # are 4 and 5; Sat 10-10 is 6; Mon 10-12 to Thu 10-15 are 7-10.
        (date(2026, 9, 25), 10, date(2026, 10, 15)),
        # 2026 Spring Festival: Sat 2-14 worked (调休), 2-15 to 2-23 off. Sat 2-14 is working
        # day 1; Tue 2-24 to Fri 2-27 are 2-5.
        (date(2026, 2, 13), 5, date(2026, 2, 27)),
        # 2026 New Year: 1-1 to 1-3 off, Sun 1-4 worked (调休): the first working day.
        (date(2026, 1, 1), 1, date(2026, 1, 4)),
        # 2025 National Day: Sun 9-28 worked (调休) is working day 1; Mon 9-29, Tue 9-30
        # are 2 and 3 (10-1 to 10-8 off).
        (date(2025, 9, 26), 3, date(2025, 9, 30)),
        # After it: Fri 10-10 is working day 1, Sat 10-11 (调休) is 2.
        (date(2025, 10, 9), 2, date(2025, 10, 11)),
    ],
    ids=[
        "2026-national-day",
        "2026-spring-festival",
        "2026-new-year",
        "2025-before-national-day",
        "2025-after-national-day",
    ],
)
def test_due_date_counts_the_official_calendar(portal, received, limit, due_date):
    """Hand-computed from the State Council's schedules (chinese-calendar, pinned):
    holidays do not count, the weekend days worked in exchange (调休) do."""
    assert deadlines.due(received, limit) == (due_date, False)


def test_due_date_in_a_year_without_an_official_schedule_is_provisional(portal):
    # 12-29 to 12-31 are working days 1-3; 2027-01-01 (New Year, by rule) and the
    # weekend do not count; 1-4 to 1-8 are 4-8; Mon 1-11 and Tue 1-12 are 9 and 10.
    assert deadlines.due(date(2026, 12, 28), 10) == (date(2027, 1, 12), True)


def test_flags():
    on = date(2026, 3, 10)  # a Tuesday
    assert deadlines.flag(date(2026, 3, 9), on=on) == "overdue"
    assert deadlines.flag(date(2026, 3, 11), on=on) == "due_soon"
    assert deadlines.flag(date(2026, 3, 20), on=on) is None
    assert deadlines.flag(date(2026, 3, 9), answered_on=date(2026, 3, 12)) == "late"
    assert deadlines.flag(date(2026, 3, 9), answered_on=date(2026, 3, 9)) is None


def test_statistics_of_a_known_year(portal):
    box = make_box(portal)
    on_time, _c = make_petition(box, "answered")
    late, _c = make_petition(box, "closed")
    open_overdue, _c = make_petition(box, "assigned")
    rejected, _c = make_petition(box, "rejected")
    rated, _c = make_petition(box, "published")
    rated.satisfaction = "satisfied"
    due = date(2026, 3, 16)
    _dates(on_time, date(2026, 3, 2), due, date(2026, 3, 10))  # 6 working days
    _dates(late, date(2026, 3, 2), due, date(2026, 3, 20))  # 14 working days
    _dates(open_overdue, date(2026, 3, 2), due)
    _dates(rejected, date(2026, 3, 2), due)
    _dates(rated, date(2026, 3, 2), due, date(2026, 3, 5))  # 3 working days
    (row,) = stats.figures(2026, portal["zh-cn"]["dept"].UID(), on=date(2026, 6, 1))
    assert row["received"] == 5
    assert row["rejected"] == 1
    assert row["answered"] == 3
    assert row["answered_on_time"] == 2
    assert row["overdue"] == 2  # answered late, and open past its due date
    assert row["open"] == 1
    assert row["average_working_days"] == round((6 + 14 + 3) / 3, 1)
    assert row["satisfaction"]["satisfied"] == 1 and sum(row["satisfaction"].values()) == 1
    assert stats.figures(2025, on=date(2026, 6, 1)) == []


def test_alarm_of_consultations_near_three_months(portal):
    box = make_box(portal)
    old, _c = make_petition(box, "accepted")
    recent, _c = make_petition(box, "accepted")
    complaint, _c = make_petition(box, "accepted", category="complaint")
    answered, _c = make_petition(box, "answered")
    now = clock.today()
    _dates(old, now - timedelta(days=80))
    _dates(recent, now - timedelta(days=10))
    _dates(complaint, now - timedelta(days=100))
    _dates(answered, now - timedelta(days=100), replied=now - timedelta(days=20))
    listed = [e["tracking_number"] for e in stats.alarm()]
    assert listed == [old.tracking_number]


def test_worklists_and_stats_over_rest(functional_portal):
    box = make_box(functional_portal)
    waiting, _c = make_petition(box, "submitted")
    assigned, _c = make_petition(box, "assigned")
    _dates(assigned, clock.today() - timedelta(days=30))
    transaction.commit()
    site = functional_portal.absolute_url()
    headers = {"Accept": "application/json"}
    handler = requests.get(
        f"{site}/@petition-worklist", headers=headers, auth=auth("handler"), timeout=60
    ).json()
    assert [i["tracking_number"] for i in handler["items"]] == [waiting.tracking_number]
    assert {a["id"] for a in handler["items"][0]["actions"]} == {"accept", "reject"}
    responder = requests.get(
        f"{site}/@petition-worklist", headers=headers, auth=auth("responder"), timeout=60
    ).json()
    assert [i["tracking_number"] for i in responder["items"]] == [assigned.tracking_number]
    assert responder["items"][0]["flag"] == "overdue" and responder["overdue"] == 1
    member = requests.get(
        f"{site}/@petition-worklist", headers=headers, auth=auth("member"), timeout=60
    )
    assert member.json()["items"] == []
    anonymous = requests.get(f"{site}/@petition-worklist", headers=headers, timeout=60)
    assert anonymous.status_code == 401  # a worklist is a logged-in user's
    page = body(requests.get(f"{site}/@@petition-worklist", auth=auth("responder"), timeout=60))
    assert 'id="zhengwu-worklist-reminder"' in page and assigned.title in page

    # Two more consultations waiting at the department, one of them for 80 days
    # (the alarm starts at 75), and a complaint for 100 days (the alarm is for
    # consultations only).
    old, _c = make_petition(box, "assigned")
    complaint, _c = make_petition(box, "assigned", category="complaint")
    _dates(old, clock.today() - timedelta(days=80))
    _dates(complaint, clock.today() - timedelta(days=100))
    transaction.commit()

    public = requests.get(f"{site}/@petition-stats", headers=headers, timeout=60)
    assert public.status_code == 200
    rows = public.json()["items"]
    petitions = (waiting, assigned, old, complaint)
    received = Counter(p.received_date.year for p in petitions)
    assert {row["year"]: row["received"] for row in rows} == dict(received)
    assert sum(row["open"] for row in rows) == 4
    assert sum(row["answered"] for row in rows) == 0
    assert sum(row["overdue"] for row in rows) == 3  # all but the one just submitted
    assert (
        requests.get(
            f"{site}/@petition-stats", params={"year": "abc"}, headers=headers, timeout=60
        ).status_code
        == 400
    )
    page = body(requests.get(f"{site}/@@petition-stats", timeout=60))
    assert 'id="zhengwu-stats"' in page and 'id="zhengwu-petition-alarm"' not in page
    page = body(requests.get(f"{site}/@@petition-stats", auth=auth("siteadmin"), timeout=60))
    assert 'id="zhengwu-petition-alarm"' in page
    assert requests.get(f"{site}/@petition-alarm", headers=headers, timeout=60).status_code == 401
    alarm = requests.get(
        f"{site}/@petition-alarm", headers=headers, auth=auth("siteadmin"), timeout=60
    )
    assert alarm.status_code == 200
    data = alarm.json()
    assert data["items_total"] == 1
    (entry,) = data["items"]
    assert entry["tracking_number"] == old.tracking_number
    assert entry["days_open"] == 80 and entry["past_three_months"] is False
