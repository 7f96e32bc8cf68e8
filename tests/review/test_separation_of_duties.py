"""Nobody approves their own work, and one person approves at most one level
of a review round — through the REST API and through the classic UI."""

from plone import api
from tests.helpers import auth
from tests.helpers import body
from tests.helpers import make_item
from zhengwu.review.guards import refusal_reason
import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def rest_transition(url, transition, userid, comment="同意"):
    return requests.post(
        f"{url}/@workflow/{transition}",
        json={"comment": comment},
        headers=JSON,
        auth=auth(userid),
        timeout=60,
    )


def ui_transition(url, transition, userid, comment="同意"):
    session = requests.Session()
    session.auth = auth(userid)
    form = session.get(
        f"{url}/@@zhengwu-transition", params={"workflow_action": transition}, timeout=60
    )
    token = re.search(r'name="_authenticator" value="([^"]+)"', form.text)
    data = {"workflow_action": transition, "comment": comment, "form.buttons.confirm": "confirm"}
    if token:
        data["_authenticator"] = token.group(1)
    response = session.post(f"{url}/@@zhengwu-transition", data=data, timeout=60)
    return form, response


def state_of(portal, item):
    transaction.begin()
    return api.content.get_state(portal.unrestrictedTraverse("/".join(item.getPhysicalPath())))


@pytest.fixture
def author_is_first_reviewer(functional_review_portal):
    """The author also holds FirstReviewer in the department."""
    from zhengwu.site.department_groups import department_groups

    dept = functional_review_portal["zh-cn"]["dept"]
    api.group.add_user(groupname=department_groups(dept)["first-reviewers"], username="author")
    transaction.commit()


def test_creator_cannot_approve_own_item_over_rest(
    functional_review_portal, item_in, author_is_first_reviewer
):
    item, url = item_in("pending_first")
    response = rest_transition(url, "approve_first", "author")
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "SeparationOfDuties"
    assert (
        "someone else" in response.json()["error"]["message"]
        or "他人" in response.json()["error"]["message"]
    )
    assert state_of(functional_review_portal, item) == "pending_first"


def test_creator_cannot_approve_own_item_in_the_classic_ui(
    functional_review_portal, item_in, author_is_first_reviewer
):
    item, url = item_in("pending_first")
    form, response = ui_transition(url, "approve_first", "author")
    assert "zhengwu-transition-refusal" in body(form)
    assert 'name="form.buttons.confirm"' not in body(form)
    assert state_of(functional_review_portal, item) == "pending_first"
    # and the workflow menu does not offer it
    menu = requests.get(f"{url}/@workflow", headers=JSON, auth=auth("author"), timeout=60).json()
    assert "approve_first" not in [t["@id"].rsplit("/", 1)[-1] for t in menu["transitions"]]


@pytest.fixture
def first_is_second_reviewer(functional_review_portal):
    from zhengwu.site.department_groups import department_groups

    dept = functional_review_portal["zh-cn"]["dept"]
    api.group.add_user(groupname=department_groups(dept)["second-reviewers"], username="first")
    transaction.commit()


def test_one_person_cannot_approve_two_levels_over_rest(
    functional_review_portal, item_in, first_is_second_reviewer
):
    item, url = item_in("pending_first")
    assert rest_transition(url, "approve_first", "first").status_code == 200
    response = rest_transition(url, "approve_second", "first")
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "SeparationOfDuties"
    assert state_of(functional_review_portal, item) == "pending_second"
    # another second reviewer may
    assert rest_transition(url, "approve_second", "second").status_code == 200
    assert state_of(functional_review_portal, item) == "pending_final"


def test_one_person_cannot_approve_two_levels_in_the_classic_ui(
    functional_review_portal, item_in, first_is_second_reviewer
):
    item, url = item_in("pending_first")
    _form, response = ui_transition(url, "approve_first", "first")
    assert response.status_code == 200, response.text[-3000:]
    assert state_of(functional_review_portal, item) == "pending_second"
    form, _response = ui_transition(url, "approve_second", "first")
    assert "zhengwu-transition-refusal" in body(form)
    assert state_of(functional_review_portal, item) == "pending_second"


def test_a_new_round_starts_after_rejection(review_portal):
    """After a rejection and a new submit, levels are counted afresh."""
    from zhengwu.site.department_groups import department_groups

    item = make_item(review_portal, "pending_second")
    dept = review_portal["zh-cn"]["dept"]
    api.group.add_user(
        groupname=department_groups(dept)["second-reviewers"], username="chain_first"
    )
    with api.env.adopt_user(username="chain_first"):
        assert refusal_reason(item, "approve_second") is not None
    with api.env.adopt_user(username="second"):
        api.content.transition(item, transition="reject", comment="数据有误，请核对")
    with api.env.adopt_user(username="author"):
        api.content.transition(item, transition="submit")
    with api.env.adopt_user(username="first"):
        api.content.transition(item, transition="approve_first")
    with api.env.adopt_user(username="chain_first"):
        assert refusal_reason(item, "approve_second") is None


def test_manager_is_no_exception_by_default(review_portal):
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    item = make_item(review_portal, "pending_first")
    api.user.grant_roles(username="author", roles=["Manager"])
    with api.env.adopt_user(username="author"):
        assert refusal_reason(item, "approve_first") is not None
        with pytest.raises(api.exc.InvalidParameterError):
            api.content.transition(item, transition="approve_first")
    api.portal.set_registry_record("zhengwu.review.manager_may_self_approve", True)
    with api.env.adopt_user(username="author"):
        api.content.transition(item, transition="approve_first")
    assert api.content.get_state(item) == "pending_second"
    setRoles(review_portal, TEST_USER_ID, ["Member"])


def test_submitter_counts_as_author(review_portal):
    """An editor who submits a colleague's draft cannot approve it either."""
    from zhengwu.site.department_groups import department_groups

    dept = review_portal["zh-cn"]["dept"]
    api.group.add_user(groupname=department_groups(dept)["first-reviewers"], username="editor")
    item = make_item(review_portal, "private")
    with api.env.adopt_user(username="editor"):
        api.content.transition(item, transition="submit")
        assert refusal_reason(item, "approve_first") is not None
