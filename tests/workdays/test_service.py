"""GET /@working-days, and administrators entering next year's schedule."""

from plone import api
from tests.helpers import auth
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}


def ask(site, **params):
    return requests.get(f"{site}/@working-days", params=params, headers=JSON, timeout=60)


def test_anonymous_asks_for_a_deadline(functional_portal):
    response = ask(functional_portal.absolute_url(), start="2026-09-25", days="20")
    assert response.status_code == 200
    body = response.json()
    assert body["due_date"] == "2026-10-29"
    assert body["provisional"] is False


@pytest.mark.parametrize(
    "params, field",
    [
        ({"start": "2026-13-01", "days": "5"}, "start"),
        ({"start": "", "days": "5"}, "start"),
        ({"start": "2026-01-05", "days": "-3"}, "days"),
        ({"start": "2026-01-05", "days": "many"}, "days"),
        ({"start": "2026-01-05", "days": "99999"}, "days"),
        ({"start": "9999-12-30", "days": "10"}, "start"),
        ({"start": ["2026-01-05", "2026-01-06"], "days": "5"}, "start"),
        ({"start": "2026-01-05", "days": ["1", "2"]}, "days"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(functional_portal, params, field):
    response = ask(functional_portal.absolute_url(), **params)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field


def test_an_entered_schedule_makes_2027_official(functional_portal, calendar_until_2026):
    site = functional_portal.absolute_url()
    assert ask(site, start="2026-12-31", days="5").json()["provisional"] is True
    api.portal.set_registry_record("zhengwu.workdays.holidays", ["2027-01-01..2027-01-04"])
    api.portal.set_registry_record("zhengwu.workdays.workdays", ["2027-01-09"])
    transaction.commit()
    body = ask(site, start="2026-12-31", days="5").json()
    assert body == {**body, "due_date": "2027-01-09", "provisional": False}


def test_the_control_panel_refuses_bad_lines(functional_portal):
    site = functional_portal.absolute_url()
    response = requests.patch(
        f"{site}/@controlpanels/zhengwu-workdays",
        json={"holidays": ["2027-02-30"]},
        headers={**JSON, "Content-Type": "application/json"},
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 400
    response = requests.patch(
        f"{site}/@controlpanels/zhengwu-workdays",
        json={"holidays": ["2027-10-01..2027-10-07"], "workdays": ["2027-09-26"]},
        headers={**JSON, "Content-Type": "application/json"},
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert api.portal.get_registry_record("zhengwu.workdays.holidays") == ["2027-10-01..2027-10-07"]


def test_the_control_panel_page_is_for_administrators(functional_portal):
    site = functional_portal.absolute_url()
    assert (
        requests.get(f"{site}/@@zhengwu-workdays", auth=auth("siteadmin"), timeout=60).status_code
        == 200
    )
    assert requests.get(
        f"{site}/@@zhengwu-workdays", auth=auth("editor"), timeout=60, allow_redirects=False
    ).status_code in (302, 401, 403)
