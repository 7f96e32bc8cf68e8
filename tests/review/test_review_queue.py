"""待我审核: each reviewer sees what waits for their level in their department."""

from plone import api
from tests.helpers import auth
from tests.helpers import body
from tests.helpers import make_item
from zhengwu.review.review_queue import review_queue
import requests


def titles(userid):
    with api.env.adopt_user(username=userid):
        actionable, _blocked = review_queue()
    return sorted(entry["url"].rsplit("/", 1)[-1] for entry in actionable)


def test_each_level_sees_its_own_items(review_portal):
    first = make_item(review_portal, "pending_first")
    second = make_item(review_portal, "pending_second")
    final = make_item(review_portal, "pending_final")
    make_item(review_portal, "published")
    assert titles("first") == [first.getId()]
    assert titles("second") == [second.getId()]
    assert titles("final") == [final.getId()]
    assert titles("editor") == []
    assert titles("member") == []


def test_reviewers_of_another_department_see_nothing(review_portal):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME
    from zhengwu.site.department_groups import department_groups

    make_item(review_portal, "pending_first")
    setRoles(review_portal, TEST_USER_ID, ["Manager"])
    login(review_portal, TEST_USER_NAME)
    other = api.content.create(
        container=review_portal["zh-cn"],
        type="Department",
        id="other",
        title="另一局",
        organization_code="11999900MB0000020J",
    )
    api.user.create(username="otherfirst", email="o@example.gov.cn", password="secret-for-tests-1")
    api.group.add_user(groupname=department_groups(other)["first-reviewers"], username="otherfirst")
    setRoles(review_portal, TEST_USER_ID, ["Member"])
    assert titles("otherfirst") == []


def test_own_items_are_listed_apart_with_the_reason(review_portal):
    from zhengwu.site.department_groups import department_groups

    dept = review_portal["zh-cn"]["dept"]
    api.group.add_user(groupname=department_groups(dept)["first-reviewers"], username="author")
    item = make_item(review_portal, "pending_first")
    with api.env.adopt_user(username="author"):
        actionable, blocked = review_queue()
    assert item.getId() not in [e["url"].rsplit("/", 1)[-1] for e in actionable]
    assert [e["url"].rsplit("/", 1)[-1] for e in blocked] == [item.getId()]
    assert blocked[0]["reason"]


def test_queue_page(functional_review_portal, item_in):
    item, _url = item_in("pending_first")
    site = functional_review_portal.absolute_url()
    page = requests.get(f"{site}/zh-cn/@@review-queue", auth=auth("first"), timeout=60)
    assert page.status_code == 200
    assert item.absolute_url() in body(page)
    assert "workflow_action=approve_first" in body(page)
    assert requests.get(
        f"{site}/zh-cn/@@review-queue", timeout=60, allow_redirects=False
    ).status_code in (302, 401)
