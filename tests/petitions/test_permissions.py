"""Who may do what to a petition in each state of zhengwu_petition_workflow,
attempted over HTTP (plone.restapi) by users holding their roles through
department groups, and by Manager: read it (and its personal fields),
PATCH it (the handling, the reply, the submitter's own fields), move it
along with every transition of the workflow, DELETE it. Each cell checks
the status, what the answer says (its state; no personal field unless
allowed) and what happened to the stored petition.

The tables are written out by hand from DESIGN.md section 4 and
docs/petitions.md; they are not read from the workflow definition."""

from tests.helpers import assert_absent
from tests.helpers import assert_allowed_move
from tests.helpers import assert_delete
from tests.helpers import assert_refused_moves
from tests.helpers import auth
from tests.helpers import body
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from tests.petitions.helpers import MESSAGE
from tests.petitions.helpers import PERSONAL_VALUES
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
USERS = (
    "Anonymous",
    "member",
    "author",
    "siteadmin",
    "handler",
    "responder",
    "responder2",
    "Manager",
)
PERSONAL_KEYS = {"submitter_name", "phone", "email", "id_number", "address", "attachments"}
STATES = (
    "submitted",
    "accepted",
    "rejected",
    "assigned",
    "reply_pending",
    "answered",
    "published",
    "closed",
)
TRANSITIONS = (
    "accept",
    "reject",
    "assign",
    "submit_reply",
    "approve_reply",
    "return_reply",
    "publish",
    "close",
)

HANDLERS = {"handler", "Manager"}
STAFF = {"siteadmin", "handler", "Manager"}
ASSIGNED = {"siteadmin", "handler", "responder", "Manager"}

# state: (who reads it, who reads the personal fields)
READ = {
    "submitted": (STAFF, HANDLERS),
    "accepted": (STAFF, HANDLERS),
    "rejected": (STAFF, HANDLERS),
    "assigned": (ASSIGNED, {"handler", "responder", "Manager"}),
    "reply_pending": (ASSIGNED, {"handler", "responder", "Manager"}),
    "answered": (ASSIGNED, {"handler", "responder", "Manager"}),
    "published": (set(USERS), {"handler", "responder", "Manager"}),
    "closed": (ASSIGNED, {"handler", "responder", "Manager"}),
}
# state: (whose PATCH is accepted (204), who changes the category, the
# reply, the submitter's phone); a field one may not write is left alone
NOBODY = (set(), set(), set(), set())
WRITE = {
    "submitted": (HANDLERS, HANDLERS, set(), {"Manager"}),
    "accepted": (HANDLERS, HANDLERS, set(), {"Manager"}),
    "rejected": NOBODY,
    "assigned": ({"responder", "Manager"}, set(), {"responder", "Manager"}, {"Manager"}),
    "reply_pending": NOBODY,
    "answered": NOBODY,
    "published": NOBODY,
    "closed": NOBODY,
}
# state: {transition: (the state it leads to, who may perform it)}; every
# other transition is refused to everyone in that state
MOVES = {
    "submitted": {"accept": ("accepted", HANDLERS), "reject": ("rejected", HANDLERS)},
    "accepted": {"assign": ("assigned", HANDLERS), "reject": ("rejected", HANDLERS)},
    "rejected": {},
    "assigned": {"submit_reply": ("reply_pending", {"responder", "Manager"})},
    "reply_pending": {
        "approve_reply": ("answered", HANDLERS),
        "return_reply": ("assigned", HANDLERS),
    },
    "answered": {"publish": ("published", HANDLERS), "close": ("closed", HANDLERS)},
    "published": {},
    "closed": {},
}
# Nobody deletes a citizen's message but Manager, in any state.
DELETERS = {"Manager"}

CATEGORY, REPLY, PHONE = "consultation", "原答复", MESSAGE["phone"]


def refused(userid, state):
    """What a refusal answers: 404 to whoever may not see the petition (as
    for a number never given: issue 17, finding 5); a transition refused to
    someone who sees it is a 400 (plone.restapi's "invalid transition")."""
    return 404 if userid not in READ[state][0] else 400


def hidden(userid, state):
    """401 to whoever sees the petition but may not do this; 404 to whoever
    may not see it."""
    return 401 if userid in READ[state][0] else 404


def prepared(box, state):
    """A petition in ``state`` on which every way out could be taken: only
    who tries decides."""
    petition, _code = make_petition(box, state)
    petition.assigned_department = box.department
    petition.reply = REPLY
    assert petition.publish_consent
    return petition


@pytest.mark.parametrize("state", STATES)
def test_petition_matrix_over_rest(functional_portal, request_factory, state):
    box = make_box(functional_portal, container=functional_portal["zh-cn"]["dept"])
    petition = prepared(box, state)
    fresh = {
        (transition, userid): prepared(box, state)
        for transition, (_target, allowed) in MOVES[state].items()
        for userid in sorted(allowed)
    }
    transaction.commit()
    url = petition.absolute_url()
    readers, personal = READ[state]
    patchers, handlers, repliers, correctors = WRITE[state]
    for userid in USERS:
        cell = (state, userid)
        session = request_factory(userid)
        # GET
        response = session.request("GET", url)
        if userid in readers:
            assert response.status_code == 200, cell
            data = response.json()
            assert data["review_state"] == state, cell
            shown = PERSONAL_KEYS & set(data)
            assert shown == (PERSONAL_KEYS if userid in personal else set()), cell
            text = body(response)
            for value in PERSONAL_VALUES:
                assert (value in text) == (userid in personal), (*cell, value)
        else:
            assert response.status_code == 404, cell
            assert_absent(response, PERSONAL_VALUES, *cell)
        # PATCH: the handling, the reply, the submitter's own field
        response = session.request(
            "PATCH",
            url,
            json={"category": "complaint", "reply": f"{userid} 的答复", "phone": "13987654321"},
        )
        assert response.status_code == (204 if userid in patchers else hidden(userid, state)), cell
        assert_absent(response, PERSONAL_VALUES, *cell)
        transaction.begin()
        assert (petition.category == "complaint") == (userid in handlers), cell
        assert (petition.reply == f"{userid} 的答复") == (userid in repliers), cell
        assert (petition.phone == "13987654321") == (userid in correctors), cell
        petition.category, petition.reply, petition.phone = CATEGORY, REPLY, PHONE
        transaction.commit()
        # Transitions, on this petition those refused to the user; DELETE
        refused_moves = [t for t in TRANSITIONS if userid not in MOVES[state].get(t, ((), ()))[1]]
        assert_refused_moves(
            session, petition, state, refused_moves, refused(userid, state), PERSONAL_VALUES, *cell
        )
        if userid not in DELETERS:
            assert_delete(
                session, petition, False, PERSONAL_VALUES, *cell, refused=hidden(userid, state)
            )
    # The transitions allowed, each on a petition of its own.
    for (transition, userid), other in fresh.items():
        target = MOVES[state][transition][0]
        assert_allowed_move(
            request_factory(userid), other, transition, target, PERSONAL_VALUES, state, userid
        )
    # DELETE, allowed (the last thing done to the petition).
    for userid in DELETERS:
        assert_delete(request_factory(userid), petition, True, PERSONAL_VALUES, state, userid)


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
    assert requests.get(url, headers=JSON, auth=auth("responder"), timeout=60).status_code == 404


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
            assert response.status_code == 404, (userid, petition.getId())
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
        == 404
    )
    assert (
        requests.get(
            waiting.absolute_url(), headers=JSON, auth=auth("handler"), timeout=60
        ).status_code
        == 200
    )
