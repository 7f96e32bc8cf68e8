"""Helpers shared by the test suites: items in every review state, and the
credentials of the test users (see zhengwu.testing.REVIEW_USERS)."""

from plone import api
from zhengwu.testing import TEST_PASSWORD
import itertools
import json


# The transitions that bring a new item to each state, and who performs them.
PATH_TO = {
    "private": [],
    "pending_first": [("submit", "author")],
    "pending_second": [("submit", "author"), ("approve_first", "chain_first")],
    "pending_final": [
        ("submit", "author"),
        ("approve_first", "chain_first"),
        ("approve_second", "chain_second"),
    ],
    "published": [
        ("submit", "author"),
        ("approve_first", "chain_first"),
        ("approve_second", "chain_second"),
        ("publish", "chain_final"),
    ],
}
PATH_TO["withdrawn"] = PATH_TO["published"] + [("withdraw", "chain_final")]

_ids = itertools.count(1)


def make_item(
    portal, state, portal_type="Document", title="关于开展政务公开检查的通知", container=None
):
    """A new item written by ``author`` in the test department (or in
    ``container``), moved to ``state``."""
    dept = container if container is not None else portal["zh-cn"]["dept"]
    with api.env.adopt_user(username="author"):
        item = api.content.create(
            container=dept, type=portal_type, id=f"item-{next(_ids)}", title=title
        )
    for transition, userid in PATH_TO[state]:
        with api.env.adopt_user(username=userid):
            api.content.transition(item, transition=transition, comment="测试")
    assert api.content.get_state(item) == state
    return item


def auth(userid):
    return None if userid == "Anonymous" else (userid, TEST_PASSWORD)


def body(response):
    """What a response says, as text a test can search: JSON decoded (the
    REST API escapes every non-ASCII character, so ``"中文" in response.text``
    can never be true of JSON), anything else as sent. Every containment
    check on a response goes through this (tests/test_lint.py)."""
    if "json" in response.headers.get("Content-Type", ""):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.text
