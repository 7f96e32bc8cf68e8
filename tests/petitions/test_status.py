"""The writer follows the message with the code: the same 404 for a wrong
number and a wrong code, throttled after repeated failures; the rating is
given once, after the answer."""

from tests.helpers import body
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def status(site, number, code):
    return requests.get(
        f"{site}/@petition-status",
        params={"tracking_number": number, "query_code": code},
        headers=JSON,
        timeout=60,
    )


def rate(site, number, code, value):
    return requests.post(
        f"{site}/@petition-rating",
        json={"tracking_number": number, "query_code": code, "satisfaction": value},
        headers=JSON,
        timeout=60,
    )


def test_wrong_number_and_wrong_code_look_the_same(functional_portal):
    box = make_box(functional_portal)
    petition, code = make_petition(box)
    transaction.commit()
    site = functional_portal.absolute_url()
    wrong_code = status(site, petition.tracking_number, "ABCDEFGHJK")
    wrong_number = status(site, "LY20990101000000", code)
    assert wrong_code.status_code == wrong_number.status_code == 404
    assert wrong_code.json() == wrong_number.json()
    assert status(site, petition.tracking_number, code.lower()).status_code == 200
    assert status(site, petition.tracking_number, None).status_code == 400


def test_repeated_failures_are_throttled(functional_portal):
    box = make_box(functional_portal)
    petition, code = make_petition(box)
    transaction.commit()
    site = functional_portal.absolute_url()
    answers = [
        status(site, petition.tracking_number, f"WRONG{n:05d}").status_code for n in range(10)
    ]
    assert answers == [404] * 10
    assert status(site, petition.tracking_number, "WRONGAGAIN").status_code == 429
    # Even the right code waits: guessing is what the limit stops.
    assert status(site, petition.tracking_number, code).status_code == 429


def test_rating_once_after_the_answer(functional_portal):
    box = make_box(functional_portal)
    waiting, waiting_code = make_petition(box, "assigned")
    answered, code = make_petition(box, "answered")
    transaction.commit()
    site = functional_portal.absolute_url()
    assert rate(site, waiting.tracking_number, waiting_code, "satisfied").status_code == 409
    assert rate(site, answered.tracking_number, code, "super").status_code == 400
    assert rate(site, answered.tracking_number, "WRONGCODE1", "satisfied").status_code == 404
    assert rate(site, answered.tracking_number, code, "basically_satisfied").status_code == 200
    assert rate(site, answered.tracking_number, code, "satisfied").status_code == 409
    transaction.begin()
    assert answered.satisfaction == "basically_satisfied"


def test_status_page_and_rating_in_the_browser_forms(functional_portal):
    box = make_box(functional_portal)
    petition, code = make_petition(box, "answered")
    transaction.commit()
    url = f"{functional_portal.absolute_url()}/@@petition-status"
    page = requests.post(
        url, data={"tracking_number": petition.tracking_number, "query_code": code}, timeout=60
    )
    assert page.status_code == 200 and petition.reply in body(page)
    assert 'id="zhengwu-rating-form"' in body(page)
    rated = requests.post(
        url,
        data={
            "tracking_number": petition.tracking_number,
            "query_code": code,
            "satisfaction": "very_satisfied",
        },
        timeout=60,
    )
    assert 'id="zhengwu-status-rating"' in body(rated)
    wrong = requests.post(
        url, data={"tracking_number": petition.tracking_number, "query_code": "X"}, timeout=60
    )
    assert wrong.status_code == 404 and 'id="zhengwu-status-error"' in body(wrong)
