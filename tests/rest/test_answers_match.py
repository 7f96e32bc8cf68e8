"""Answers with content — lists with entries, a status with a reply, a
request's clock — match the document's schemas. The fuzzer
(test_fuzz.py) meets mostly empty lists and unknown codes; these are the
answers a front-end lives on."""

from tests.disclosure.helpers import make_catalog as make_disclosure_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from tests.helpers import auth
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from tests.requests.helpers import make_catalog as make_request_catalog
from tests.requests.helpers import make_request
import pytest
import requests
import schemathesis
import transaction


@pytest.fixture
def scene(functional_portal):
    portal = functional_portal
    catalog = make_disclosure_catalog(portal)
    make_disclosure_item(catalog, "published")
    dept = portal["zh-cn"]["dept"]
    make_guide(dept, "published")
    box = make_box(portal)
    answered, answered_code = make_petition(box, "answered")
    make_petition(box, "submitted")
    make_petition(box, "assigned")
    request, request_code = make_request(make_request_catalog(portal), "registered")
    transaction.commit()
    root = portal.absolute_url()
    served = requests.get(f"{root}/@openapi", headers={"Accept": "application/json"}, timeout=60)
    return {
        "root": root,
        "schema": schemathesis.openapi.from_dict(served.json()),
        "catalog": catalog.absolute_url(),
        "dept": dept.absolute_url(),
        "petition": {"tracking_number": answered.tracking_number, "query_code": answered_code},
        "request": {"tracking_number": request.tracking_number, "query_code": request_code},
    }


def check(scene, path, method, url, user=None, **options):
    response = requests.request(
        method,
        url,
        headers={"Accept": "application/json"},
        auth=auth(user or "Anonymous"),
        timeout=60,
        **options,
    )
    assert response.status_code < 300, response.text[:500]
    scene["schema"][path][method].validate_response(response)
    return response.json()


def test_lists_with_entries(scene):
    found = check(
        scene, "/{catalog}/@disclosure-catalog", "GET", f"{scene['catalog']}/@disclosure-catalog"
    )
    assert found["items_total"] == 1 and found["facets"]["genre"]
    guides = check(scene, "/{folder}/@service-guides", "GET", f"{scene['dept']}/@service-guides")
    assert guides["items_total"] == 1
    report = check(
        scene,
        "/{folder}/@service-guide-report",
        "GET",
        f"{scene['dept']}/@service-guide-report",
        "siteadmin",
    )
    assert report["items_total"] >= 1


def test_worklists_with_entries(scene):
    root = scene["root"]
    handler = check(scene, "/@petition-worklist", "GET", f"{root}/@petition-worklist", "handler")
    responder = check(
        scene, "/@petition-worklist", "GET", f"{root}/@petition-worklist", "responder"
    )
    assert handler["items"] and responder["items"]
    officer = check(
        scene,
        "/@disclosure-request-worklist",
        "GET",
        f"{root}/@disclosure-request-worklist",
        "officer",
    )
    assert officer["items"]


def test_statuses_and_a_rating(scene):
    root = scene["root"]
    status = check(
        scene, "/@petition-status", "GET", f"{root}/@petition-status", params=scene["petition"]
    )
    assert status["reply"] and status["can_rate"]
    rated = check(
        scene,
        "/@petition-rating",
        "POST",
        f"{root}/@petition-rating",
        json={**scene["petition"], "satisfaction": "satisfied"},
    )
    assert rated["satisfaction"]["token"] == "satisfied"
    request = check(
        scene,
        "/@disclosure-request-status",
        "GET",
        f"{root}/@disclosure-request-status",
        params=scene["request"],
    )
    assert request["due_date"]


def test_reports_and_the_audit_log(scene):
    root = scene["root"]
    stats = check(scene, "/@petition-stats", "GET", f"{root}/@petition-stats")
    assert stats["items"]
    check(scene, "/@disclosure-annual-report", "GET", f"{root}/@disclosure-annual-report")
    log = check(scene, "/@audit-log", "GET", f"{root}/@audit-log", "siteadmin")
    assert log["items_total"] > 0
