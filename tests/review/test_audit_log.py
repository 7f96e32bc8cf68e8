"""Every transition, check-in, role or group change, login failure and
deletion is in the audit log with its actor; Site Administrators read it
(control panel, REST, CSV) and nobody changes it."""

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from plone import api
from tests.helpers import auth
from tests.helpers import body
from tests.helpers import make_item
from zhengwu.review.audit_log import AuditLog
from zhengwu.review.audit_log import IAuditLog
from zhengwu.testing import TEST_PASSWORD
from zope.component import getUtility
import csv
import io
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def entries(**filters):
    return list(getUtility(IAuditLog).search(**filters))


def test_every_transition_is_recorded_with_its_actor(review_portal):
    item = make_item(review_portal, "withdrawn")
    path = "/".join(item.getPhysicalPath())
    recorded = [(e["action"], e["actor"], e["state"]) for e in reversed(entries(path=path))]
    assert recorded == [
        ("submit", "author", "pending_first"),
        ("approve_first", "chain_first", "pending_second"),
        ("approve_second", "chain_second", "pending_final"),
        ("publish", "chain_final", "published"),
        ("withdraw", "chain_final", "withdrawn"),
    ]
    assert entries(path=path, action="withdraw")[0]["comment"] == "测试"


def test_checkin_and_checkout_are_recorded(review_portal):
    from plone.app.iterate.interfaces import ICheckinCheckoutPolicy

    item = make_item(review_portal, "published")
    path = "/".join(item.getPhysicalPath())
    with api.env.adopt_user(username="editor"):
        copy = ICheckinCheckoutPolicy(item).checkout(item.aq_parent)
        api.content.transition(copy, transition="submit")
    for transition, userid in (
        ("approve_first", "first"),
        ("approve_second", "second"),
        ("publish", "final"),
    ):
        with api.env.adopt_user(username=userid):
            api.content.transition(copy, transition=transition, comment="同意")
    actions = [(e["action"], e["actor"]) for e in entries(path=path)]
    assert ("checkout", "editor") in actions
    assert ("checkin", "final") in actions


def test_role_and_group_changes_are_recorded(review_portal):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(review_portal, TEST_USER_ID, ["Manager"])
    login(review_portal, TEST_USER_NAME)
    api.group.create(groupname="audit-test-group")
    api.group.add_user(groupname="audit-test-group", username="member")
    api.group.remove_user(groupname="audit-test-group", username="member")
    api.user.grant_roles(username="member", roles=["Site Administrator"])
    api.group.delete(groupname="audit-test-group")
    actions = {(e["action"], e["path"], e["actor"]) for e in entries(actor=TEST_USER_ID)}
    assert ("group_created", "group:audit-test-group", TEST_USER_ID) in actions
    assert ("group_add_member", "group:audit-test-group", TEST_USER_ID) in actions
    assert ("group_remove_member", "group:audit-test-group", TEST_USER_ID) in actions
    assert ("group_deleted", "group:audit-test-group", TEST_USER_ID) in actions
    assert any(a == "roles_assigned" and p == "principal:member" for a, p, _ in actions)
    setRoles(review_portal, TEST_USER_ID, ["Member"])


def test_sharing_changes_are_recorded(functional_review_portal, item_in):
    _item, url = item_in("private")
    response = requests.post(
        f"{url}/@sharing",
        json={"entries": [{"id": "member", "type": "user", "roles": {"Reader": True}}]},
        headers=JSON,
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    found = [e for e in entries(action="local_roles") if e["actor"] == "siteadmin"]
    assert found and "member: Reader" in found[0]["comment"]


def test_deletion_is_recorded(review_portal):
    item = make_item(review_portal, "private")
    path = "/".join(item.getPhysicalPath())
    with api.env.adopt_user(username="author"):
        api.content.delete(item)
    assert [(e["action"], e["actor"]) for e in entries(path=path)][0] == ("delete", "author")


def test_failed_logins_are_recorded(functional_review_portal):
    site = functional_review_portal.absolute_url()
    response = requests.post(
        f"{site}/@login", json={"login": "author", "password": "wrong"}, headers=JSON, timeout=60
    )
    assert response.status_code == 401

    def classic_login(login, password, **extra):
        return requests.post(
            f"{site}/zh-cn/login",
            data={"__ac_name": login, "__ac_password": password, "buttons.login": "登录", **extra},
            timeout=60,
        )

    classic_login("editor", "wrong")
    classic_login("final", TEST_PASSWORD)  # succeeds: not a failure
    classic_login("x" * 5000, "wrong")  # recorded, but not 5000 characters of it
    # forged widget names make no entries
    requests.post(
        f"{site}/zh-cn/login",
        data={"form.widgets.login": "forged", "form.buttons.login": "1"},
        timeout=60,
    )
    transaction.begin()
    failed = [e["comment"] for e in entries(action="login_failed")]
    assert {"author", "editor"} <= set(failed)
    assert "final" not in failed
    assert "forged" not in failed
    assert max(len(c) for c in failed) <= 100


def test_rest_endpoint_filters_and_csv(functional_review_portal, item_in):
    item, _url = item_in("published")
    site = functional_review_portal.absolute_url()
    response = requests.get(
        f"{site}/@audit-log",
        params={"actor": "chain_final", "action": "publish"},
        headers=JSON,
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert items and all(e["actor"] == "chain_final" and e["action"] == "publish" for e in items)
    assert items[0]["path"] == "/".join(item.getPhysicalPath())
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    assert (
        requests.get(
            f"{site}/@audit-log",
            params={"since": tomorrow},
            headers=JSON,
            auth=auth("siteadmin"),
            timeout=60,
        ).json()["items"]
        == []
    )
    response = requests.get(
        f"{site}/@audit-log",
        params={"action": "publish"},
        headers={"Accept": "text/csv"},
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.headers["Content-Type"].startswith("text/csv"), response.text[:500]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows and rows[0]["action"] == "publish"


@pytest.mark.parametrize(
    "params, field",
    [
        ({"since": "yesterday"}, "since"),
        ({"actor": ["a", "b"]}, "actor"),
        ({"b_start": "99999999999999999999999"}, "b_start"),
        ({"b_size": "-1"}, "b_size"),
        ({"until:list": "2026-01-01"}, "until"),
    ],
)
def test_bad_filter_is_a_400_naming_it(functional_review_portal, params, field):
    site = functional_review_portal.absolute_url()
    response = requests.get(
        f"{site}/@audit-log", params=params, headers=JSON, auth=auth("siteadmin"), timeout=60
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field
    if field != "b_size":  # the page has a fixed page size
        page = requests.get(
            f"{site}/@@zhengwu-audit-log", params=params, auth=auth("siteadmin"), timeout=60
        )
        assert page.status_code == 200
        assert "alert-danger" in body(page)


def test_only_site_administrators_read_it(functional_review_portal):
    site = functional_review_portal.absolute_url()
    for userid in ("Anonymous", "member", "editor", "final"):
        assert (
            requests.get(
                f"{site}/@audit-log", headers=JSON, auth=auth(userid), timeout=60
            ).status_code
            == 401
        )
        assert requests.get(
            f"{site}/@@zhengwu-audit-log", auth=auth(userid), timeout=60, allow_redirects=False
        ).status_code in (302, 401, 403)
    page = requests.get(
        f"{site}/@@zhengwu-audit-log",
        params={"action": "submit"},
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert page.status_code == 200
    assert 'id="zhengwu-audit-table"' in body(page)


def test_nobody_can_change_it_over_the_web(functional_review_portal):
    site = functional_review_portal.absolute_url()
    for method in ("POST", "PATCH", "DELETE"):
        response = requests.request(
            method, f"{site}/@audit-log", json={}, headers=JSON, auth=auth("siteadmin"), timeout=60
        )
        assert response.status_code in (401, 403, 404, 405)


def test_appending_is_one_insertion():
    """The log is a BTree: appending never rewrites the entries before it."""
    log = AuditLog()
    for n in range(1000):
        log.append("u", "submit", path=f"/p/{n}")
    assert len(log) == 1000
    assert [e["path"] for e in log.search()][:3] == ["/p/999", "/p/998", "/p/997"]
    assert len(list(log.search(path="/p/5"))) == 1


def test_csv_neutralises_formulas():
    from zhengwu.review.audit_query import csv_rows

    rows = list(
        csv.reader(
            io.StringIO(
                "".join(
                    csv_rows(iter([{"title": "=HYPERLINK(1)", "comment": "+1", "actor": "a"}]))
                ).lstrip("\ufeff")
            )
        )
    )
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["title"] == "'=HYPERLINK(1)"
    assert record["comment"] == "'+1"
    assert record["actor"] == "a"
