"""Sessions end after 30 minutes without use and 8 hours after the login,
however active (issue 17, 等保 level 3), for the login cookie and for the
tokens of ``@login``: afterwards a REST call answers 401 and the classic UI
asks for a login. The session clock (``session_lifetime.now``) is moved by
the test instead of waiting."""

from plone import api
from tests.helpers import classic_login
from zhengwu.security import session_lifetime
from zhengwu.testing import TEST_PASSWORD
import pytest
import requests
import time
import transaction


JSON = {"Accept": "application/json"}
MINUTE = 60
HOUR = 60 * MINUTE


@pytest.fixture
def moment(monkeypatch):
    """``moment(seconds)`` moves the session clock to that many seconds
    after the test's start."""
    start = time.time()
    now = [start]
    monkeypatch.setattr(session_lifetime, "now", lambda: now[0])

    def move(seconds):
        now[0] = start + seconds

    return move


def me(site, headers=None, **options):
    headers = {**JSON, **(headers or {})}
    return requests.get(f"{site}/@users/handler", headers=headers, timeout=60, **options)


def cookie_me(site, browser):
    """A REST call with the browser's cookie (kept up to date by it)."""
    response = browser.get(f"{site}/@users/handler", headers=JSON, timeout=60)
    return response.status_code


def test_an_idle_cookie_ends_after_30_minutes(functional_portal, moment):
    site = functional_portal.absolute_url()
    moment(0)
    browser, _response = classic_login(site, "handler")
    first = browser.cookies.get("__ac")
    moment(29 * MINUTE)
    assert cookie_me(site, browser) == 200
    # the use re-issued the cookie: 29 minutes more from here
    assert browser.cookies.get("__ac") != first
    moment(58 * MINUTE)
    assert cookie_me(site, browser) == 200
    # a copy of the first cookie, unused since the login, has ended
    assert me(site, cookies={"__ac": first}).status_code == 401
    moment(89 * MINUTE)
    assert cookie_me(site, browser) == 401


def test_the_classic_ui_asks_for_a_login_after_the_timeout(functional_portal, moment):
    site = functional_portal.absolute_url()
    moment(0)
    browser, _response = classic_login(site, "handler")
    assert browser.get(f"{site}/@@personal-information", timeout=60).url.endswith(
        "personal-information"
    )
    moment(31 * MINUTE)
    page = browser.get(f"{site}/@@personal-information", timeout=60)
    assert page.url.split("?")[0].endswith("/login"), page.url


def test_a_cookie_ends_8_hours_after_the_login_however_active(functional_portal, moment):
    site = functional_portal.absolute_url()
    moment(0)
    browser, _response = classic_login(site, "handler")
    for minutes in range(20, 8 * 60, 20):
        moment(minutes * MINUTE)
        assert cookie_me(site, browser) == 200, minutes
    moment(8 * HOUR + MINUTE)
    assert cookie_me(site, browser) == 401


def test_the_cookie_s_limits_are_settings(functional_portal, moment):
    api.portal.set_registry_record("zhengwu.security.session_idle_minutes", 5)
    transaction.commit()
    site = functional_portal.absolute_url()
    moment(0)
    browser, _response = classic_login(site, "handler")
    moment(6 * MINUTE)
    assert cookie_me(site, browser) == 401


def rest_login(site):
    answer = requests.post(
        f"{site}/@login",
        json={"login": "handler", "password": TEST_PASSWORD},
        headers=JSON,
        timeout=60,
    )
    assert answer.status_code == 200
    return answer.json()["token"]


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_an_idle_token_ends_after_30_minutes(functional_portal, moment):
    site = functional_portal.absolute_url()
    moment(0)
    token = rest_login(site)
    moment(29 * MINUTE)
    assert me(site, headers=bearer(token)).status_code == 200
    moment(58 * MINUTE)
    assert me(site, headers=bearer(token)).status_code == 200
    moment(89 * MINUTE)
    assert me(site, headers=bearer(token)).status_code == 401


def test_a_token_ends_8_hours_after_the_login_renewed_or_not(functional_portal, moment):
    site = functional_portal.absolute_url()
    moment(0)
    token = rest_login(site)
    for minutes in range(20, 8 * 60, 20):
        moment(minutes * MINUTE)
        if minutes == 4 * 60:
            renewed = requests.post(
                f"{site}/@login-renew", headers={**JSON, **bearer(token)}, timeout=60
            )
            assert renewed.status_code == 200
            token = renewed.json()["token"]
        assert me(site, headers=bearer(token)).status_code == 200, minutes
    moment(8 * HOUR + MINUTE)
    # the renewed token keeps the login time of the first
    assert me(site, headers=bearer(token)).status_code == 401


def test_a_token_renewed_at_once_is_a_new_token(functional_portal):
    """Renewed within the second of the login, the token has claims of its
    own: plone.restapi deletes the old token after issuing the new one."""
    site = functional_portal.absolute_url()
    token = rest_login(site)
    renewed = requests.post(f"{site}/@login-renew", headers={**JSON, **bearer(token)}, timeout=60)
    assert renewed.json()["token"] != token
    assert me(site, headers=bearer(renewed.json()["token"])).status_code == 200
    assert me(site, headers=bearer(token)).status_code == 401
