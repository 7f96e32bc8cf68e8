"""Reasons are required to reject and withdraw; published content is frozen
and changes only through a working copy that passes the same three reviews."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.helpers import auth
from tests.helpers import body
from tests.helpers import make_item
import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.mark.parametrize(
    "state, transition, userid",
    [("pending_first", "reject", "first"), ("published", "withdraw", "final")],
)
def test_reason_required_over_rest(functional_review_portal, item_in, state, transition, userid):
    item, url = item_in(state)
    for comment in ("", "   "):
        response = requests.post(
            f"{url}/@workflow/{transition}",
            json={"comment": comment},
            headers=JSON,
            auth=auth(userid),
            timeout=60,
        )
        assert response.status_code == 400
        assert response.json()["error"]["type"] == "WorkflowException"
    transaction.begin()
    assert api.content.get_state(item) == state
    response = requests.post(
        f"{url}/@workflow/{transition}",
        json={"comment": "表述不准确"},
        headers=JSON,
        auth=auth(userid),
        timeout=60,
    )
    assert response.status_code == 200
    assert response.json()["comments"] == "表述不准确"


def test_reason_required_in_the_classic_ui(functional_review_portal, item_in):
    item, url = item_in("pending_first")
    session = requests.Session()
    session.auth = auth("first")
    form = session.get(
        f"{url}/@@zhengwu-transition", params={"workflow_action": "reject"}, timeout=60
    )
    token = re.search(r'name="_authenticator" value="([^"]+)"', form.text).group(1)
    response = session.post(
        f"{url}/@@zhengwu-transition",
        data={
            "workflow_action": "reject",
            "comment": "",
            "form.buttons.confirm": "confirm",
            "_authenticator": token,
        },
        timeout=60,
    )
    assert response.status_code == 200
    assert 'id="zhengwu-transition-error"' in body(response)
    transaction.begin()
    assert api.content.get_state(item) == "pending_first"


def test_reason_required_in_python(review_portal):
    item = make_item(review_portal, "pending_first")
    with api.env.adopt_user(username="first"), pytest.raises(WorkflowException):
        api.portal.get_tool("portal_workflow").doActionFor(item, "reject")


def test_published_is_frozen_for_everyone(review_portal):
    item = make_item(review_portal, "published")
    for userid in ("author", "editor", "final", "siteadmin"):
        assert not api.user.has_permission("Modify portal content", username=userid, obj=item)


def test_working_copy_passes_three_reviews_before_replacing_the_original(review_portal):
    from plone.app.iterate.interfaces import ICheckinCheckoutPolicy

    item = make_item(review_portal, "published")
    item_path = "/".join(item.getPhysicalPath())
    with api.env.adopt_user(username="editor"):
        copy = ICheckinCheckoutPolicy(item).checkout(item.aq_parent)
        assert api.content.get_state(copy) == "private"
        copy.title = "关于开展政务公开检查的通知（修订）"
        copy.reindexObject()
        api.content.transition(copy, transition="submit")
    # the original stays online, unchanged, while the copy is reviewed
    assert item.title == "关于开展政务公开检查的通知"
    assert api.content.get_state(item) == "published"
    for transition, userid in (("approve_first", "first"), ("approve_second", "second")):
        with api.env.adopt_user(username=userid):
            api.content.transition(copy, transition=transition, comment="同意")
        assert item.title == "关于开展政务公开检查的通知"
    copy_id = copy.getId()
    with api.env.adopt_user(username="final"):
        api.content.transition(copy, transition="publish", comment="签发")
    original = review_portal.unrestrictedTraverse(item_path)
    assert original.title == "关于开展政务公开检查的通知（修订）"
    assert api.content.get_state(original) == "published"
    assert copy_id not in original.aq_parent.objectIds()


def test_the_editor_of_a_working_copy_cannot_approve_it(review_portal):
    from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
    from zhengwu.review.guards import refusal_reason
    from zhengwu.site.department_groups import department_groups

    item = make_item(review_portal, "published")
    dept = review_portal["zh-cn"]["dept"]
    api.group.add_user(groupname=department_groups(dept)["first-reviewers"], username="editor")
    with api.env.adopt_user(username="editor"):
        copy = ICheckinCheckoutPolicy(item).checkout(item.aq_parent)
        api.content.transition(copy, transition="submit")
        assert refusal_reason(copy, "approve_first") is not None


def test_working_copy_over_rest(functional_review_portal, item_in):
    item, url = item_in("published")
    response = requests.post(f"{url}/@workingcopy", headers=JSON, auth=auth("editor"), timeout=60)
    assert response.status_code == 201, response.text
    copy_url = response.json()["@id"]
    assert (
        requests.patch(
            copy_url, json={"title": "修订稿"}, headers=JSON, auth=auth("editor"), timeout=60
        ).status_code
        == 204
    )
    assert (
        requests.post(
            f"{copy_url}/@workflow/submit", json={}, headers=JSON, auth=auth("editor"), timeout=60
        ).status_code
        == 200
    )
    for transition, userid in (("approve_first", "first"), ("approve_second", "second")):
        response = requests.post(
            f"{copy_url}/@workflow/{transition}",
            json={"comment": "同意"},
            headers=JSON,
            auth=auth(userid),
            timeout=60,
        )
        assert response.status_code == 200, response.text
        # Anonymous still reads the published original
        assert (
            requests.get(url, headers=JSON, timeout=60).json()["title"]
            == "关于开展政务公开检查的通知"
        )
    response = requests.post(
        f"{copy_url}/@workflow/publish",
        json={"comment": "签发"},
        headers=JSON,
        auth=auth("final"),
        timeout=60,
    )
    assert response.status_code < 500, response.text
    public = requests.get(url, headers=JSON, timeout=60).json()
    assert public["title"] == "修订稿"
    assert public["review_state"] == "published"
    assert requests.get(copy_url, headers=JSON, auth=auth("editor"), timeout=60).status_code == 404


def test_a_working_copy_is_cancelled_once_taken_back_from_review(review_portal):
    from AccessControl import Unauthorized
    from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
    from zExceptions import Unauthorized as ZUnauthorized

    item = make_item(review_portal, "published")
    with api.env.adopt_user(username="editor"):
        copy = ICheckinCheckoutPolicy(item).checkout(item.aq_parent)
        api.content.transition(copy, transition="submit")
        copy_id = copy.getId()
        savepoint = transaction.savepoint()
        with pytest.raises((Unauthorized, ZUnauthorized)):  # frozen while under review
            ICheckinCheckoutPolicy(copy).cancelCheckout()
        savepoint.rollback()  # as the failed request's transaction would be
    with api.env.adopt_user(username="first"):
        api.content.transition(copy, transition="reject", comment="不需要修改")
    with api.env.adopt_user(username="editor"):
        ICheckinCheckoutPolicy(copy).cancelCheckout()
    assert copy_id not in item.aq_parent.objectIds()
    assert api.content.get_state(item) == "published"
