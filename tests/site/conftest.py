"""The demo's layer (``ZHENGWU_DEMO_INTEGRATION_TESTING``, its fixture made in
tests/conftest.py) for the tests that read the demo.

Not kept for the session (``keep_session=False``): zope.pytestlayer sets it
up for the first test of a class that asks for it and tears it down after
the last one, so the demo is applied once per class of tests, and tests
anywhere else never see it (its database is stacked on the review fixture's
and dropped). A test function outside a class would set it up and tear it
down around itself: keep its users in one class.
"""

from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
import pytest


@pytest.fixture
def demo_portal(demo_integration):
    """The portal with the demo, a Manager logged in; each test's changes
    are rolled back as in any integration test."""
    portal = demo_integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal
