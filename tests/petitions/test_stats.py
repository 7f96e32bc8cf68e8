"""Deadlines in working days, worklist flags, the statistics of a known
set of petitions, and the alarm of consultations nearing three months."""

from datetime import date
from datetime import timedelta
from plone import api
from tests.helpers import auth
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from zhengwu.petitions import deadlines
from zhengwu.petitions import stats
from zhengwu.workdays import add_working_days
from zhengwu.workdays.calendar import today
import requests
import transaction


def _dates(petition, received, due=None, replied=None):
    petition.received_date = received
    petition.due_date = due or add_working_days(received, 10).due_date
    if replied is not None:
        petition.replied_date = replied
    petition.reindexObject()


def test_due_date_counts_working_days_across_national_day(portal):
    received = date(2026, 9, 25)
    due_date, provisional = deadlines.due(received, 10)
    assert due_date == add_working_days(received, 10).due_date
    assert due_date >= date(2026, 10, 15) and not provisional  # the holiday week does not count
    late_december, provisional = deadlines.due(date(2026, 12, 28), 10)
    assert late_december.year == 2027 and provisional  # no official 2027 schedule yet


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
    now = today()
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
    _dates(assigned, today() - timedelta(days=30))
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
    assert (
        requests.get(f"{site}/@petition-worklist", headers=headers, timeout=60).json()["items"]
        == []
    )
    page = requests.get(f"{site}/@@petition-worklist", auth=auth("responder"), timeout=60).text
    assert 'id="zhengwu-worklist-reminder"' in page and assigned.title in page

    public = requests.get(f"{site}/@petition-stats", headers=headers, timeout=60)
    assert public.status_code == 200 and public.json()["items"][0]["received"] >= 2
    assert (
        requests.get(
            f"{site}/@petition-stats", params={"year": "abc"}, headers=headers, timeout=60
        ).status_code
        == 400
    )
    page = requests.get(f"{site}/@@petition-stats", timeout=60).text
    assert 'id="zhengwu-stats"' in page and 'id="zhengwu-petition-alarm"' not in page
    page = requests.get(f"{site}/@@petition-stats", auth=auth("siteadmin"), timeout=60).text
    assert 'id="zhengwu-petition-alarm"' in page
    assert requests.get(f"{site}/@petition-alarm", headers=headers, timeout=60).status_code == 401
    alarm = requests.get(
        f"{site}/@petition-alarm", headers=headers, auth=auth("siteadmin"), timeout=60
    )
    assert alarm.status_code == 200
    with api.env.adopt_roles(["Manager"]):
        assert alarm.json()["items_total"] >= 0
