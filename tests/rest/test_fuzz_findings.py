"""What the fuzzer (test_fuzz.py) found, fixed at the cause, one test each."""

from plone import api
from tests.helpers import auth
from tests.helpers import make_item
from tests.petitions.helpers import make_box
import requests
import transaction


def test_workflow_dates_refused_in_the_product_shape_and_nothing_kept(functional_portal):
    """plone.restapi answered ``{"type": "Bad Request"}`` with a Python
    message, and kept the dates it could read."""
    item = make_item(functional_portal, "private")
    effective = item.EffectiveDate()
    transaction.commit()
    response = requests.post(
        f"{item.absolute_url()}/@workflow/submit",
        json={"effective": "2026-07-01T10:00:00+08:00", "expires": "not a date"},
        headers={"Accept": "application/json"},
        auth=auth("author"),
        timeout=60,
    )
    assert response.status_code == 400, response.text[:500]
    error = response.json()["error"]
    assert error["type"] == "BadRequest" and error["field"] == "effective", error
    transaction.begin()
    assert api.content.get_state(item) == "private"
    assert item.EffectiveDate() == effective


def test_an_empty_key_is_no_field(functional_portal):
    """An unknown key ``""`` gave ``"field": ""``; a field is never empty."""
    box = make_box(functional_portal, anonymous_submission=True)
    transaction.commit()
    response = requests.post(
        f"{box.absolute_url()}/@petitions",
        json={"": 1},
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error.get("field") != ""
    assert all(entry["field"] != "" for entry in error["errors"])
    assert any(entry["field"] is None for entry in error["errors"])
