"""Every test starts with fresh per-client limits (the server runs in this
process and every request comes from 127.0.0.1)."""

from zhengwu.submissions import throttle
import pytest


@pytest.fixture(autouse=True)
def fresh_limits():
    throttle.SUBMISSIONS.reset()
    throttle.LOOKUPS.reset()
    yield
    throttle.SUBMISSIONS.reset()
    throttle.LOOKUPS.reset()
