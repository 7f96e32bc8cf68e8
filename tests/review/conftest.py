"""Fixtures on the review layer: a department with one user per role."""

from tests.helpers import auth  # noqa: F401 (re-exported for the tests here)
from tests.helpers import make_item
import pytest
import transaction


@pytest.fixture
def review_portal(portal):
    return portal


@pytest.fixture
def functional_review_portal(functional_portal):
    return functional_portal


@pytest.fixture
def item_in(functional_review_portal):
    """item_in(state) -> (object, url), committed so the WSGI server sees it."""

    def make(state, portal_type="Document"):
        transaction.begin()  # see what the server committed meanwhile
        item = make_item(functional_review_portal, state, portal_type)
        transaction.commit()
        return item, item.absolute_url()

    return make
