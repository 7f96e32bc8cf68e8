"""Regression tests from an attacker's review of the workflow (each was a
real hole before it was closed)."""

from plone import api
from tests.helpers import auth
from tests.helpers import body
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def fresh(obj):
    transaction.begin()
    return obj


@pytest.mark.parametrize("userid", ["Anonymous", "member", "editor", "first"])
def test_nobody_without_the_transition_changes_publication_dates(
    functional_review_portal, item_in, userid
):
    item, url = item_in("published")
    before = (item.effective(), item.expires())
    response = requests.post(
        f"{url}/@workflow/publish",
        json={"effective": "2099-01-01T00:00:00", "expires": "2000-01-01T00:00:00"},
        headers=JSON,
        auth=auth(userid),
        timeout=60,
    )
    assert 400 <= response.status_code < 500
    fresh(item)
    assert (item.effective(), item.expires()) == before


def test_sections_cannot_be_hidden_by_anonymous_date_changes(functional_review_portal):
    dept = functional_review_portal["zh-cn"]["dept"]
    before = dept.effective()
    response = requests.post(
        f"{dept.absolute_url()}/@workflow/retract",
        json={"effective": "2099-01-01T00:00:00", "expires": "2100-01-01T00:00:00"},
        headers=JSON,
        timeout=60,
    )
    assert 400 <= response.status_code < 500
    transaction.begin()
    assert dept.effective() == before


def test_a_reviewer_cannot_set_dates_while_approving(functional_review_portal, item_in):
    item, url = item_in("pending_first")
    response = requests.post(
        f"{url}/@workflow/approve_first",
        json={"comment": "同意", "effective": "2099-01-01T00:00:00"},
        headers=JSON,
        auth=auth("first"),
        timeout=60,
    )
    assert response.status_code == 403
    fresh(item)
    assert api.content.get_state(item) == "pending_first"


def test_an_editor_cannot_share_with_other_people(functional_review_portal, item_in):
    item, url = item_in("private")
    dept_url = functional_review_portal["zh-cn"]["dept"].absolute_url()
    for target, payload in (
        (
            dept_url,
            {
                "entries": [
                    {"id": "member", "type": "user", "roles": {"Editor": True, "Reader": True}}
                ]
            },
        ),
        (url, {"inherit": False}),
    ):
        response = requests.post(
            f"{target}/@sharing", json=payload, headers=JSON, auth=auth("editor"), timeout=60
        )
        assert response.status_code in (401, 403), target
    transaction.begin()
    assert "Editor" not in api.user.get_roles(
        username="member", obj=functional_review_portal["zh-cn"]["dept"]
    )


@pytest.mark.parametrize("state", ["pending_first", "published"])
def test_frozen_items_cannot_be_moved_away_and_deleted_with_a_folder(
    functional_review_portal, item_in, state
):
    item, url = item_in(state)
    dept_url = functional_review_portal["zh-cn"]["dept"].absolute_url()
    response = requests.post(
        dept_url,
        json={"@type": "Folder", "id": "trash", "title": "trash"},
        headers=JSON,
        auth=auth("editor"),
        timeout=60,
    )
    assert response.status_code == 201
    moved = requests.post(
        f"{dept_url}/trash/@move",
        json={"source": [url]},
        headers=JSON,
        auth=auth("editor"),
        timeout=60,
    )
    assert moved.status_code >= 400 or not [m for m in moved.json() if m.get("target")], moved.text
    assert requests.get(url, headers=JSON, auth=auth("siteadmin"), timeout=60).status_code == 200


@pytest.mark.parametrize("state", ["pending_second", "published"])
def test_deleting_a_folder_that_holds_a_frozen_item_is_refused(review_portal, state):
    from AccessControl import Unauthorized
    from tests.helpers import make_item

    dept = review_portal["zh-cn"]["dept"]
    with api.env.adopt_user(username="editor"):
        folder = api.content.create(container=dept, type="Folder", id="box", title="box")
    item = make_item(review_portal, state, container=folder)
    with api.env.adopt_user(username="editor"), pytest.raises(Unauthorized):
        api.content.delete(folder, check_linkintegrity=False)
    assert item.getId() in folder.objectIds()
    # a folder holding only drafts goes as usual
    with api.env.adopt_user(username="editor"):
        other = api.content.create(container=dept, type="Folder", id="drafts", title="drafts")
    make_item(review_portal, "private", container=other)
    with api.env.adopt_user(username="editor"):
        api.content.delete(other, check_linkintegrity=False)
    assert "drafts" not in dept.objectIds()


def test_renaming_a_published_item_is_refused_even_to_site_administrators(review_portal):
    from AccessControl import Unauthorized
    from tests.helpers import make_item

    item = make_item(review_portal, "published")
    with api.env.adopt_user(username="siteadmin"), pytest.raises(Unauthorized):
        api.content.rename(obj=item, new_id="renamed")


def test_non_text_comments_are_a_400(functional_review_portal, item_in):
    _item, url = item_in("private")
    for comment in ({"a": 1}, 123, ["x"]):
        response = requests.post(
            f"{url}/@workflow/submit",
            json={"comment": comment},
            headers=JSON,
            auth=auth("author"),
            timeout=60,
        )
        assert response.status_code == 400


def test_the_transition_form_survives_repeated_fields(functional_review_portal, item_in):
    import re

    _item, url = item_in("published")
    session = requests.Session()
    session.auth = auth("final")
    form = session.get(
        f"{url}/@@zhengwu-transition", params={"workflow_action": "withdraw"}, timeout=60
    )
    token = re.search(r'name="_authenticator" value="([^"]+)"', form.text).group(1)
    response = session.post(
        f"{url}/@@zhengwu-transition",
        data=[
            ("workflow_action", "withdraw"),
            ("comment", "a"),
            ("comment", "b"),
            ("form.buttons.confirm", "confirm"),
            ("_authenticator", token),
        ],
        timeout=60,
    )
    assert response.status_code == 200
    assert 'id="zhengwu-transition-error"' in body(response)
