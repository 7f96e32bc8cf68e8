"""Helpers shared by the test suites: items in every review state, and the
credentials of the test users (see zhengwu.testing.REVIEW_USERS)."""

from plone import api
from zhengwu.testing import TEST_PASSWORD
import itertools
import json
import transaction


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


def classic_login(site, login, password=TEST_PASSWORD):
    """Log in through the classic form as a browser does: ``(session,
    response)``, the session holding the ``__ac`` cookie when it worked."""
    import requests

    session = requests.Session()
    response = session.post(
        f"{site}/zh-cn/login",
        data={"__ac_name": login, "__ac_password": password, "buttons.login": "登录"},
        timeout=60,
    )
    return session, response


def body(response):
    """What a response says, as text a test can search: JSON decoded (the
    REST API escapes every non-ASCII character, so ``"中文" in response.text``
    can never be true of JSON), anything else as sent. Every containment
    check on a response goes through this (tests/test_lint.py)."""
    if "json" in response.headers.get("Content-Type", ""):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.text


# The REST permission matrices of citizens' records (petitions, disclosure
# requests): the attempts and the checks both workflows share.


def assert_absent(response, values, *where):
    """None of ``values`` (personal data) in what ``response`` says."""
    text = body(response)
    for value in values:
        assert value not in text, (*where, value)


def _steps(obj):
    return sum(len(entries) for entries in obj.workflow_history.values())


def assert_refused_moves(session, obj, state, transitions, status, values, *where):
    """Each of ``transitions`` posted to ``obj`` (in ``state``) is refused
    with ``status``: no new state in the answer, no personal value, state and
    history as they were."""
    steps = _steps(obj)
    for transition in transitions:
        cell = (*where, transition)
        response = session.post(
            f"{obj.absolute_url()}/@workflow/{transition}", json={"comment": "越权操作"}
        )
        assert response.status_code == status, cell
        assert "review_state" not in response.json(), cell
        assert_absent(response, values, *cell)
        transaction.begin()
        assert api.content.get_state(obj) == state, cell
        assert _steps(obj) == steps, cell


def assert_allowed_move(session, obj, transition, target, values, *where):
    """``transition`` on ``obj`` succeeds: ``target`` in the answer and
    stored, one more history entry, no personal value in the answer."""
    steps = _steps(obj)
    response = session.post(
        f"{obj.absolute_url()}/@workflow/{transition}", json={"comment": "处理意见"}
    )
    assert response.status_code == 200, (*where, response.status_code, body(response))
    assert response.json()["review_state"] == target, where
    assert_absent(response, values, *where)
    transaction.begin()
    assert api.content.get_state(obj) == target, where
    assert _steps(obj) == steps + 1, where


def assert_delete(session, obj, allowed, values, *where, refused=401):
    """DELETE of ``obj``: 204 and gone when ``allowed``, else ``refused``
    (401; 404 for a citizen's record its user may not see) with no personal
    value and ``obj`` still in its container."""
    container, name = obj.aq_parent, obj.getId()
    response = session.delete(obj.absolute_url())
    assert response.status_code == (204 if allowed else refused), where
    if not allowed:
        assert_absent(response, values, *where)
    transaction.begin()
    assert (name in container.objectIds()) == (not allowed), where
