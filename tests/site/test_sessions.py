"""Logging out ends the session on the server (issue 17, finding 6): a
copy of the login cookie or of the token taken before logout is refused
after it."""

from tests.helpers import classic_login
from zhengwu.testing import TEST_PASSWORD
import requests


JSON = {"Accept": "application/json"}


def me(site, headers=None, **options):
    return requests.get(
        f"{site}/@users/handler", headers={**JSON, **(headers or {})}, timeout=60, **options
    )


def test_a_copied_cookie_dies_with_logout(functional_portal):
    site = functional_portal.absolute_url()
    browser, _response = classic_login(site, "handler")
    stolen = browser.cookies.get("__ac")
    assert stolen
    assert me(site, cookies={"__ac": stolen}).status_code == 200
    browser.get(f"{site}/logout", timeout=60)
    assert "__ac" not in browser.cookies
    assert me(site, cookies={"__ac": stolen}).status_code == 401


def test_a_copied_token_dies_with_logout(functional_portal):
    site = functional_portal.absolute_url()
    token = requests.post(
        f"{site}/@login",
        json={"login": "handler", "password": TEST_PASSWORD},
        headers=JSON,
        timeout=60,
    ).json()["token"]
    bearer = {"Authorization": f"Bearer {token}", **JSON}
    assert me(site, headers=bearer).status_code == 200
    assert requests.post(f"{site}/@logout", headers=bearer, timeout=60).status_code == 204
    assert me(site, headers=bearer).status_code == 401


def test_logging_out_elsewhere_does_not_end_another_user_s_session(functional_portal):
    site = functional_portal.absolute_url()
    handler, _response = classic_login(site, "handler")
    other, _response = classic_login(site, "responder")
    other.get(f"{site}/logout", timeout=60)
    assert me(site, cookies={"__ac": handler.cookies.get("__ac")}).status_code == 200
