"""pytest fixtures from the plone.app.testing layers (pytest-plone)."""

from functools import partialmethod
from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.restapi.testing import RelativeSession
from pytest_plone import fixtures_factory
from zhengwu import clock
from zhengwu.submissions import throttle
from zhengwu.testing import TEST_PASSWORD
from zhengwu.testing import ZHENGWU_DEMO_FUNCTIONAL_TESTING
from zhengwu.testing import ZHENGWU_DEMO_INTEGRATION_TESTING
from zhengwu.testing import ZHENGWU_FUNCTIONAL_TESTING
from zhengwu.testing import ZHENGWU_INTEGRATION_TESTING
from zhengwu.workdays import calendar
import os
import pytest


# The product's clock (zhengwu.clock) during the tests: fixed, so that no test
# depends on the day it runs. ZHENGWU_TEST_NOW runs the whole suite on another
# day, e.g. ZHENGWU_TEST_NOW="2027-12-31T23:30+08:00" make test.
TEST_NOW = os.environ.get("ZHENGWU_TEST_NOW") or "2026-06-15T10:00+08:00"


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (ZHENGWU_FUNCTIONAL_TESTING, "functional"),
            (ZHENGWU_INTEGRATION_TESTING, "integration"),
        )
    )
)


# The demo's layers, set up per class of tests that asks for them and torn
# down after it (keep_session=False): tests elsewhere never see the demo.
# Both live here, in one call, because zope.pytestlayer makes each layer's
# fixture once: made in a test module, the shared demo base would be
# invisible to every other folder.
globals().update(
    fixtures_factory(
        (
            (ZHENGWU_DEMO_INTEGRATION_TESTING, "demo_integration"),
            (ZHENGWU_DEMO_FUNCTIONAL_TESTING, "demo_functional"),
        ),
        keep_session=False,
    )
)


def pytest_configure(config):
    clock.fix(TEST_NOW)


# The folders whose tests start processes, browsers or builds: marked, so that
# `pytest -m "not slow"` (make test-quick) leaves them out.
SLOW_FOLDERS = {
    "browser": "browser",
    "storage": "storage",
    "faults": "storage",
    "packaging": "slow",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        folder = item.path.relative_to(config.rootpath).parts[1:2]
        marker = SLOW_FOLDERS.get(folder[0]) if folder else None
        if marker:
            item.add_marker(getattr(pytest.mark, marker))
            item.add_marker(pytest.mark.slow)


def pytest_report_header(config):
    return f"zhengwu clock: {clock.now():%Y-%m-%d %H:%M} China time (ZHENGWU_TEST_NOW)"


@pytest.fixture
def set_clock():
    """``set_clock(when)`` moves the product's clock for one test."""
    yield clock.fix
    clock.fix(TEST_NOW)


@pytest.fixture(autouse=True)
def fresh_limits():
    """Every test starts with fresh per-client limits: the server runs in
    this process and every request comes from 127.0.0.1."""
    from zhengwu.review import lockout

    throttle.SUBMISSIONS.reset()
    throttle.LOOKUPS.reset()
    lockout.reset()
    yield
    throttle.SUBMISSIONS.reset()
    throttle.LOOKUPS.reset()
    lockout.reset()


@pytest.fixture
def calendar_until_2026(monkeypatch):
    """The chinese-calendar package knows the years up to 2026 and no later,
    as the pinned version does: tests of a year without an official schedule
    (2027) keep meaning that when the pin is raised."""
    known = calendar._package_years()
    assert {2025, 2026} <= known
    monkeypatch.setattr(
        calendar, "_package_years", lambda: frozenset(y for y in known if y <= 2026)
    )


@pytest.fixture
def portal_url(functional_portal):
    return functional_portal.absolute_url()


def pytest_terminal_summary(terminalreporter):
    artifacts = Path(__file__).resolve().parents[1] / "test-artifacts"
    if artifacts.exists():
        terminalreporter.write_line(f"Test artifacts (screenshots): {artifacts}")


class SiteSession(RelativeSession):
    """Requests to the test site: paths relative to the portal, a timeout on
    every call (a stuck server fails the test instead of hanging the run)."""

    request = partialmethod(RelativeSession.request, timeout=60)


@pytest.fixture
def request_factory(functional_portal):
    """``request_factory(userid=None, json=True)``: a session on the test
    site as one of the test users (zhengwu.testing.REVIEW_USERS), as the
    site owner (``"Manager"``) or anonymous (None), asking for JSON unless
    ``json=False``; as kitconcept.intranet's ``manager_request``. One
    session per user and kind for the test: asking again gives the same."""
    sessions = {}

    def factory(userid=None, json=True):
        if (userid, json) in sessions:
            return sessions[userid, json]
        session = SiteSession(functional_portal.absolute_url())
        if json:
            session.headers["Accept"] = "application/json"
        if userid == "Manager":
            session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        elif userid not in (None, "Anonymous"):
            session.auth = (userid, TEST_PASSWORD)
        sessions[userid, json] = session
        return session

    yield factory
    for session in sessions.values():
        session.close()


@pytest.fixture
def anon_request(request_factory):
    return request_factory()


@pytest.fixture
def manager_request(request_factory):
    return request_factory("Manager")
