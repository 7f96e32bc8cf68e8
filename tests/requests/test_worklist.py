"""The officers' worklist: what waits for them, soonest due first, with
the flags; nothing of another organ; nothing for users who cannot act."""

from datetime import date
from plone import api
from tests.helpers import auth
from tests.helpers import body
from tests.requests.helpers import apply
from tests.requests.helpers import make_catalog
from tests.requests.helpers import make_request
from tests.requests.helpers import move
from zhengwu import clock
from zhengwu.requests import worklist
from zope.globalrequest import getRequest
import requests
import transaction


def entries(userid, portal):
    with api.env.adopt_user(username=userid):
        return worklist.entries(portal, getRequest())


def test_soonest_due_first_with_flags(portal):
    catalog = make_catalog(portal)
    on = clock.today()
    late, _c = apply(catalog)
    with clock.fixed(date.fromordinal(on.toordinal() - 45)):
        move(late, "register")
    fresh, _c = make_request(catalog, "registered")
    new, _c = make_request(catalog, "received")
    waiting, _c = make_request(catalog, "awaiting_correction")
    paused, _c = make_request(catalog, "consulting")
    answered, _c = make_request(catalog, "answered")  # done: not listed
    other_catalog = make_catalog(portal, department="dept2")
    make_request(other_catalog, "received")
    items = entries("officer", portal)
    numbers = [i["tracking_number"] for i in items]
    assert numbers[0] == late.tracking_number
    assert {i["tracking_number"]: i["flag"] for i in items}[late.tracking_number] == "overdue"
    flags = {i["tracking_number"]: i["flag"] for i in items}
    assert flags[paused.tracking_number] == "paused"
    assert flags[waiting.tracking_number] == "awaiting_correction"
    assert flags[fresh.tracking_number] is None and flags[new.tracking_number] is None
    assert new.tracking_number in numbers
    assert answered.tracking_number not in numbers
    # Due dates ascending, then what has no running clock.
    dues = [i["due_date"] for i in items if i["due_date"]]
    assert dues == sorted(dues)
    assert all(i["due_date"] is None for i in items[len(dues) :])
    # The other organ's officer sees only theirs; others see nothing.
    assert len(entries("officer_other", portal)) == 1
    for userid in ("editor", "handler", "member", "siteadmin"):
        assert entries(userid, portal) == [], userid


def test_the_worklist_page_and_service(functional_portal):
    catalog = make_catalog(functional_portal)
    obj, _c = make_request(catalog, "registered")
    transaction.commit()
    site = functional_portal.absolute_url()
    data = requests.get(
        f"{site}/@disclosure-request-worklist",
        headers={"Accept": "application/json"},
        auth=auth("officer"),
        timeout=60,
    ).json()
    assert data["items_total"] == 1 and data["items"][0]["tracking_number"] == obj.tracking_number
    assert "applicant_name" not in data["items"][0]
    page = requests.get(f"{site}/@@disclosure-request-worklist", auth=auth("officer"), timeout=60)
    assert obj.tracking_number in body(page) and "workflow_action=answer" in body(page)
    anonymous = requests.get(
        f"{site}/@disclosure-request-worklist", headers={"Accept": "application/json"}, timeout=60
    )
    assert anonymous.status_code == 401  # as documented: a worklist is a user's
    assert anonymous.json()["error"]["type"] == "Unauthorized"
