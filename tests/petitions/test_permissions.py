"""Who may do what to a petition in each state, attempted over REST as
users holding their roles through department groups: read it, read its
personal fields, change its handling (category), write the reply."""

from tests.helpers import auth
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
import json
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
USERS = ("Anonymous", "member", "author", "handler", "responder", "responder2", "siteadmin")

# state: (may view, may read personal fields, may change the category, may write the reply)
MATRIX = {
    "submitted": ({"handler", "siteadmin"}, {"handler"}, {"handler"}, set()),
    "accepted": ({"handler", "siteadmin"}, {"handler"}, {"handler"}, set()),
    "rejected": ({"handler", "siteadmin"}, {"handler"}, set(), set()),
    "assigned": (
        {"handler", "responder", "siteadmin"},
        {"handler", "responder"},
        set(),
        {"responder"},
    ),
    "reply_pending": (
        {"handler", "responder", "siteadmin"},
        {"handler", "responder"},
        set(),
        set(),
    ),
    "answered": ({"handler", "responder", "siteadmin"}, {"handler", "responder"}, set(), set()),
    "published": (set(USERS), {"handler", "responder"}, set(), set()),
    "closed": ({"handler", "responder", "siteadmin"}, {"handler", "responder"}, set(), set()),
}


@pytest.mark.parametrize("state", list(MATRIX))
def test_petition_permissions(functional_portal, state):
    box = make_box(functional_portal)
    petition, _code = make_petition(box, state)
    transaction.commit()
    url = petition.absolute_url()
    viewers, personal, handlers, repliers = MATRIX[state]
    for userid in USERS:
        response = requests.get(url, headers=JSON, auth=auth(userid), timeout=60)
        assert (response.status_code == 200) == (userid in viewers), (state, userid)
        if response.status_code == 200:
            text = json.dumps(response.json(), ensure_ascii=False)
            assert ("13812345678" in text) == (userid in personal), (state, userid)
            assert ("张三丰" in text) == (userid in personal), (state, userid)
        else:
            assert "13812345678" not in response.text
        requests.patch(
            url, json={"category": "complaint"}, headers=JSON, auth=auth(userid), timeout=60
        )
        requests.patch(
            url, json={"reply": f"{userid} 的答复"}, headers=JSON, auth=auth(userid), timeout=60
        )
        transaction.begin()
        assert (petition.category == "complaint") == (userid in handlers), (state, userid)
        assert (petition.reply == f"{userid} 的答复") == (userid in repliers), (state, userid)
        petition.category = "consultation"
        petition.reply = "原答复"
        transaction.commit()


def test_nobody_creates_petitions_but_through_the_box(functional_portal):
    box = make_box(functional_portal)
    transaction.commit()
    for userid in ("Anonymous", "member", "author", "handler", "siteadmin"):
        response = requests.post(
            box.absolute_url(),
            json={"@type": "Petition", "title": "绕过表单", "content": "x", "category": "help"},
            headers=JSON,
            auth=auth(userid),
            timeout=60,
        )
        assert response.status_code in (400, 401, 403), userid
        page = requests.get(
            f"{box.absolute_url()}/++add++Petition",
            auth=auth(userid),
            timeout=60,
            allow_redirects=False,
        )
        assert page.status_code in (302, 401, 403, 404), userid
    transaction.begin()
    assert len(box.objectIds()) == 0


def test_responders_of_another_department_never_see_it(functional_portal):
    box = make_box(functional_portal)
    other = functional_portal["zh-cn"]["dept2"].UID()
    petition, _code = make_petition(box, "assigned", department=other)
    transaction.commit()
    url = petition.absolute_url()
    assert requests.get(url, headers=JSON, auth=auth("responder2"), timeout=60).status_code == 200
    assert requests.get(url, headers=JSON, auth=auth("responder"), timeout=60).status_code == 401


def test_a_box_in_a_department_folder_lets_no_department_role_in(functional_portal):
    """The department's groups hold roles on its folder; a box kept there
    blocks them: its editors, reviewers and responders see no message until
    one is assigned to them, and then only that one."""
    dept = functional_portal["zh-cn"]["dept"]
    box = make_box(functional_portal, container=dept)
    waiting, _c = make_petition(box, "accepted")
    elsewhere, _c = make_petition(
        box, "assigned", department=functional_portal["zh-cn"]["dept2"].UID()
    )
    theirs, _c = make_petition(box, "assigned")
    transaction.commit()
    for userid in ("author", "editor", "first", "second", "final", "responder", "contributor"):
        for petition in (waiting, elsewhere):
            response = requests.get(
                petition.absolute_url(), headers=JSON, auth=auth(userid), timeout=60
            )
            assert response.status_code == 401, (userid, petition.getId())
    assert (
        requests.get(
            theirs.absolute_url(), headers=JSON, auth=auth("responder"), timeout=60
        ).status_code
        == 200
    )
    assert (
        requests.get(
            theirs.absolute_url(), headers=JSON, auth=auth("author"), timeout=60
        ).status_code
        == 401
    )
    assert (
        requests.get(
            waiting.absolute_url(), headers=JSON, auth=auth("handler"), timeout=60
        ).status_code
        == 200
    )
