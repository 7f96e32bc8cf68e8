"""pytest fixtures from the plone.app.testing layers (pytest-plone)."""

from pytest_plone import fixtures_factory
from zhengwu.testing import ZHENGWU_FUNCTIONAL_TESTING
from zhengwu.testing import ZHENGWU_INTEGRATION_TESTING
import pytest


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (ZHENGWU_FUNCTIONAL_TESTING, "functional"),
            (ZHENGWU_INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def portal_url(functional_portal):
    return functional_portal.absolute_url()


def pytest_terminal_summary(terminalreporter):
    from pathlib import Path

    artifacts = Path(__file__).resolve().parents[1] / "test-artifacts"
    if artifacts.exists():
        terminalreporter.write_line(f"Test artifacts (screenshots): {artifacts}")
