"""Password guessing is stopped on every login route (issue 17, finding 3):
five wrong passwords lock the account — the right one is refused too —
until the window has passed; an address guessing many accounts is locked
out; every failure is audited with the address, but nobody floods the log."""

from tests.helpers import body
from tests.helpers import classic_login
from tests.review.test_audit_log import entries
from zhengwu.review import lockout
from zhengwu.testing import TEST_PASSWORD
import pytest
import requests
import time
import transaction


JSON = {"Accept": "application/json"}


def rest_login(site, login, password):
    return requests.post(
        f"{site}/@login", json={"login": login, "password": password}, headers=JSON, timeout=60
    )


def basic(site, login, password):
    return requests.get(f"{site}/@users/{login}", headers=JSON, auth=(login, password), timeout=60)


@pytest.fixture
def later():
    """Move the lockout's clock past the window (15 minutes)."""

    def move(minutes=16):
        for limiter in (lockout.ACCOUNTS, lockout.ADDRESSES):
            limiter.clock = lambda shift=minutes * 60: time.monotonic() + shift

    yield move
    for limiter in (lockout.ACCOUNTS, lockout.ADDRESSES):
        limiter.clock = time.monotonic


def test_rest_login_locks_after_five_failures(functional_portal, later):
    site = functional_portal.absolute_url()
    for _ in range(5):
        assert rest_login(site, "handler", "wrong").status_code == 401
    locked = rest_login(site, "handler", TEST_PASSWORD)
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 0
    assert locked.json()["error"]["type"] == "TooManyRequests"
    transaction.begin()
    assert [e["comment"] for e in entries(action="login_locked")] == ["handler"]
    later()
    assert rest_login(site, "handler", TEST_PASSWORD).status_code == 200


def test_the_classic_form_locks_too(functional_portal, later):
    site = functional_portal.absolute_url()
    for _ in range(5):
        classic_login(site, "responder", "wrong")
    session, response = classic_login(site, "responder", TEST_PASSWORD)
    assert "__ac" not in session.cookies
    assert "分钟" in body(response) or "minutes" in body(response)
    later()
    session, _response = classic_login(site, "responder", TEST_PASSWORD)
    assert "__ac" in session.cookies


def test_basic_auth_locks_and_is_audited(functional_portal, later):
    site = functional_portal.absolute_url()
    for _ in range(5):
        assert basic(site, "officer", "wrong").status_code == 401
    assert basic(site, "officer", TEST_PASSWORD).status_code == 401
    transaction.begin()
    failed = entries(action="login_failed")
    assert [e["comment"] for e in failed].count("officer") == 5
    assert {e["address"] for e in failed} == {"127.0.0.1"}
    later()
    assert basic(site, "officer", TEST_PASSWORD).status_code == 200


def test_a_success_clears_the_account_s_count(functional_portal):
    site = functional_portal.absolute_url()
    for _ in range(4):
        rest_login(site, "handler2", "wrong")
    assert rest_login(site, "handler2", TEST_PASSWORD).status_code == 200
    for _ in range(4):
        rest_login(site, "handler2", "wrong")
    assert rest_login(site, "handler2", TEST_PASSWORD).status_code == 200


def test_an_address_guessing_many_accounts_is_locked_out(functional_portal):
    site = functional_portal.absolute_url()
    for n in range(21):
        rest_login(site, f"nobody{n}", "wrong")
    assert rest_login(site, "editor", TEST_PASSWORD).status_code == 429


def test_nobody_floods_the_audit_log(functional_portal):
    site = functional_portal.absolute_url()
    transaction.begin()
    before = len(entries(action="login_failed"))
    for n in range(40):
        rest_login(site, f"flood{n}", "wrong")
    transaction.begin()
    assert len(entries(action="login_failed")) - before == 20
    assert len(entries(action="login_locked")) >= 1
