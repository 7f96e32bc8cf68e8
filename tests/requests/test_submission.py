"""Bad input to the public application is a clear 400 naming the field,
and nothing is stored; each kind of applicant gives what identifies it;
robots and floods are stopped; the status and correction services answer
only the holder of the code."""

from tests.helpers import body
from tests.requests.helpers import APPLICATION
from tests.requests.helpers import make_catalog
from tests.requests.helpers import make_request
from tests.requests.helpers import move
from tests.requests.helpers import ORGANIZATION
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def catalog(functional_portal):
    catalog = make_catalog(functional_portal)
    transaction.commit()
    return catalog


def post(catalog, data):
    return requests.post(
        f"{catalog.absolute_url()}/@disclosure-requests", json=data, headers=JSON, timeout=60
    )


def stored(catalog):
    transaction.begin()
    return len(catalog.objectIds())


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"requested_information": " "}, "requested_information"),
        ({"requested_information": "长" * 5001}, "requested_information"),
        ({"delivery_form": "fax"}, "delivery_form"),
        ({"delivery_form": None}, "delivery_form"),
        ({"applicant_type": "robot"}, "applicant_type"),
        ({"applicant_name": ""}, "applicant_name"),
        ({"phone": "没有电话"}, "phone"),
        ({"email": "nobody"}, "email"),
        ({"id_type": None}, "id_type"),
        ({"id_number": None}, "id_number"),
        ({"id_type": "driving_licence"}, "id_type"),
        ({"id_number": "110105194912310021"}, "id_number"),  # wrong check character
        ({"id_number": "12345"}, "id_number"),
        ({"delivery_form": "email", "email": None}, "email"),
        ({"delivery_form": "post", "address": None}, "address"),
        ({"applicant_name": ["李", "秀英"]}, "applicant_name"),
        ({"favourite_colour": "red"}, "favourite_colour"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(catalog, changes, field):
    response = post(catalog, dict(APPLICATION, **changes))
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert field in [e["field"] for e in error["errors"]], error
    assert all(e["message"] for e in error["errors"])
    assert stored(catalog) == 0


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"organization_name": None}, "organization_name"),
        ({"credit_code": None}, "credit_code"),
        ({"credit_code": "91110000MA01ABCD1A"}, "credit_code"),  # check character
        ({"organization_type": None}, "organization_type"),
        ({"organization_type": "church"}, "organization_type"),
    ],
)
def test_an_organization_gives_its_name_code_and_kind(catalog, changes, field):
    response = post(catalog, dict(ORGANIZATION, **changes))
    assert response.status_code == 400, response.text
    assert field in [e["field"] for e in response.json()["error"]["errors"]]
    assert stored(catalog) == 0


def test_an_organization_applies_without_a_personal_identity_document(catalog):
    response = post(catalog, ORGANIZATION)
    assert response.status_code == 201, response.text
    transaction.begin()
    (obj,) = catalog.objectValues()
    assert obj.organization_name == "示例市明理律师事务所" and obj.id_number is None


def test_a_citizen_does_not_carry_organization_fields(catalog):
    response = post(catalog, dict(APPLICATION, organization_name="某公司", credit_code=None))
    assert response.status_code == 201, response.text
    transaction.begin()
    (obj,) = catalog.objectValues()
    assert obj.organization_name is None and obj.id_number == "11010519491231002X"


def test_a_filled_honeypot_and_a_flood(catalog):
    assert post(catalog, dict(APPLICATION, website="http://spam.example.com")).status_code == 400
    codes = [post(catalog, APPLICATION).status_code for _n in range(6)]
    assert codes == [201] * 4 + [429, 429]  # the honeypot counted as one
    assert stored(catalog) == 4


def test_a_catalog_without_organ_takes_no_request(functional_portal):
    catalog = make_catalog(functional_portal)
    catalog.organ = None
    transaction.commit()
    assert post(catalog, APPLICATION).status_code == 403
    assert stored(catalog) == 0


def test_the_public_form(catalog):
    page = requests.get(f"{catalog.absolute_url()}/@@disclosure-request-form", timeout=60)
    assert 'id="zhengwu-request-form"' in body(page) and 'name="website"' in body(page)
    form = dict(APPLICATION, **{"form.submitted": "1"})
    response = requests.post(
        f"{catalog.absolute_url()}/@@disclosure-request-form", data=form, timeout=60
    )
    assert response.status_code == 200
    assert 'id="zhengwu-tracking-number"' in body(response)
    bad = dict(form, id_number="110105194912310021")
    response = requests.post(
        f"{catalog.absolute_url()}/@@disclosure-request-form", data=bad, timeout=60
    )
    assert response.status_code == 400 and "is-invalid" in body(response)
    assert APPLICATION["requested_information"] in body(response)  # what was typed stays
    assert stored(catalog) == 1


def test_the_catalog_page_links_to_the_form(catalog):
    page = body(requests.get(catalog.absolute_url(), timeout=60))
    assert "@@disclosure-request-form" in page


def test_status_needs_the_code_and_is_throttled(catalog, functional_portal):
    obj, code = make_request(catalog, "registered")
    transaction.commit()
    site = functional_portal.absolute_url()
    number = obj.tracking_number
    right = requests.get(
        f"{site}/@disclosure-request-status",
        params={"tracking_number": number, "query_code": code},
        headers=JSON,
        timeout=60,
    )
    assert right.status_code == 200 and right.json()["due_date"]
    wrong_code = requests.get(
        f"{site}/@disclosure-request-status",
        params={"tracking_number": number, "query_code": "ABCDEFGHJK"},
        headers=JSON,
        timeout=60,
    )
    wrong_number = requests.get(
        f"{site}/@disclosure-request-status",
        params={"tracking_number": "YSQ20260101000000", "query_code": code},
        headers=JSON,
        timeout=60,
    )
    assert wrong_code.status_code == wrong_number.status_code == 404
    assert wrong_code.json() == wrong_number.json()
    # A petition's number with the right code is no request.
    codes = [
        requests.get(
            f"{site}/@disclosure-request-status",
            params={"tracking_number": number, "query_code": "WRONGWRONG"},
            headers=JSON,
            timeout=60,
        ).status_code
        for _n in range(10)
    ]
    assert codes[-1] == 429
    assert (
        requests.get(
            f"{site}/@disclosure-request-status",
            params={"tracking_number": number, "query_code": code},
            headers=JSON,
            timeout=60,
        ).status_code
        == 429
    )


def test_the_applicant_corrects_and_the_clock_restarts(catalog, functional_portal):
    obj, code = make_request(catalog, "registered")
    move(obj, "request_correction", comment="请写明文件的年份")
    transaction.commit()
    site = functional_portal.absolute_url()
    url = f"{site}/@disclosure-request-correction"
    ask = {"tracking_number": obj.tracking_number, "query_code": code}
    status = requests.get(
        f"{site}/@disclosure-request-status", params=ask, headers=JSON, timeout=60
    )
    assert status.json()["correction_requested"]["what"] == "请写明文件的年份"
    assert status.json()["can_correct"] is True
    empty = requests.post(url, json=dict(ask, correction=" "), headers=JSON, timeout=60)
    assert empty.status_code == 400 and empty.json()["error"]["field"] == "correction"
    wrong = requests.post(
        url, json=dict(ask, query_code="XXXXXXXXXX", correction="2025年"), headers=JSON, timeout=60
    )
    assert wrong.status_code == 404
    done = requests.post(url, json=dict(ask, correction="2025年度的文件"), headers=JSON, timeout=60)
    assert done.status_code == 200, done.text
    assert done.json()["review_state"]["token"] == "registered" and done.json()["due_date"]
    transaction.begin()
    assert obj.correction == "2025年度的文件" and obj.clock_start == obj.correction_received_date
    again = requests.post(url, json=dict(ask, correction="再补一句"), headers=JSON, timeout=60)
    assert again.status_code == 400
