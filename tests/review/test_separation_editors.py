"""Separation of duties counts who edited (issue 17, finding 2): a user in
both the editors' and the first reviewers' groups rewrites a colleague's
draft and then tries to approve it; an author removes themself from
``creators`` before approving. Both refused, over REST and in Python."""

from plone import api
from tests.helpers import auth
from tests.review.test_separation_of_duties import rest_transition
from tests.review.test_separation_of_duties import state_of
from zhengwu.review import editors
from zhengwu.review.guards import authors
from zhengwu.review.guards import history
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def patch(url, userid, data):
    return requests.patch(url, json=data, headers=JSON, auth=auth(userid), timeout=60)


@pytest.fixture
def editor_is_first_reviewer(functional_review_portal):
    from zhengwu.site.department_groups import department_groups

    dept = functional_review_portal["zh-cn"]["dept"]
    api.group.add_user(groupname=department_groups(dept)["first-reviewers"], username="editor")
    api.group.add_user(groupname=department_groups(dept)["first-reviewers"], username="author")
    transaction.commit()


def test_who_rewrote_a_draft_cannot_approve_it(
    functional_review_portal, item_in, editor_is_first_reviewer
):
    item, url = item_in("private")
    assert patch(url, "editor", {"text": "<p>改写后的正文</p>"}).status_code == 204
    transaction.begin()
    with api.env.adopt_user(username="author"):
        api.content.transition(item, transition="submit", comment="请审核")
    transaction.commit()
    response = rest_transition(url, "approve_first", "editor")
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "SeparationOfDuties"
    assert state_of(functional_review_portal, item) == "pending_first"
    # a reviewer who did not edit may
    assert rest_transition(url, "approve_first", "first").status_code == 200


def test_leaving_creators_does_not_make_a_co_author_a_reviewer(
    functional_review_portal, item_in, editor_is_first_reviewer
):
    item, url = item_in("private")
    transaction.begin()
    item.setCreators(("author", "editor"))  # written together
    transaction.commit()
    assert patch(url, "editor", {"creators": ["author"]}).status_code == 204
    transaction.begin()
    assert "editor" not in item.listCreators()
    with api.env.adopt_user(username="author"):
        api.content.transition(item, transition="submit", comment="请审核")
    transaction.commit()
    response = rest_transition(url, "approve_first", "editor")
    assert response.status_code == 403
    assert state_of(functional_review_portal, item) == "pending_first"


def test_the_workflow_s_own_changes_are_nobody_s_edit(review_portal):
    from tests.helpers import make_item

    item = make_item(review_portal, "published")
    assert editors.editors(item, history(item)) == set()
    assert not {"chain_first", "chain_second", "chain_final"} & authors(item)


def test_a_new_cycle_starts_after_publication(review_portal):
    from tests.helpers import make_item

    item = make_item(review_portal, "private")
    with api.env.adopt_user(username="editor"):
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        notify(ObjectModifiedEvent(item))
    assert "editor" in editors.editors(item, history(item))
    for transition, userid in [
        ("submit", "author"),
        ("approve_first", "chain_first"),
        ("approve_second", "chain_second"),
        ("publish", "chain_final"),
    ]:
        with api.env.adopt_user(username=userid):
            api.content.transition(item, transition=transition, comment="同意")
    assert "editor" not in editors.editors(item, history(item))
