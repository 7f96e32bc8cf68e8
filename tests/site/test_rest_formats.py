"""Dates and times in REST answers: domain dates as ``YYYY-MM-DD``, times
as ISO 8601 with their offset (Beijing time, ``+08:00``, or UTC's
``+00:00``), never a naive time."""

from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
import re
import transaction


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$")


def test_a_disclosure_item(functional_portal, anon_request):
    catalog = make_catalog(functional_portal)
    item = make_disclosure_item(catalog, "published")
    transaction.commit()
    data = anon_request.get(item.absolute_url()).json()
    for name in ("written_date", "publication_date"):
        assert DATE.match(data[name]), (name, data[name])
    for name in ("created", "modified"):
        assert TIME.match(data[name]) and data[name].endswith("+08:00"), (name, data[name])
    listing = anon_request.get(f"{catalog.absolute_url()}/@disclosure-catalog").json()
    entry = listing["items"][0]
    assert DATE.match(entry["written_date"]) and DATE.match(entry["publication_date"])


def test_a_petitions_status(functional_portal, anon_request):
    box = make_box(functional_portal)
    petition, code = make_petition(box, "accepted")
    transaction.commit()
    data = anon_request.get(
        "/@petition-status",
        params={"tracking_number": petition.tracking_number, "query_code": code},
    ).json()
    dates = {k: v for k, v in data.items() if k.endswith("_date") and v}
    assert dates, data
    assert all(DATE.match(v) for v in dates.values()), dates


def test_the_audit_log(functional_portal, request_factory):
    make_disclosure_item(make_catalog(functional_portal), "pending_first")
    transaction.commit()
    entries = request_factory("siteadmin").get("/@audit-log").json()["items"]
    assert entries
    assert all(TIME.match(e["time"]) for e in entries), entries[:3]
