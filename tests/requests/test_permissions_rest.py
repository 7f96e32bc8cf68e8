"""Who may do what to a disclosure request in each state of
zhengwu_request_workflow, attempted over HTTP (plone.restapi) by users
holding their roles through department groups, and by Manager: read it
(and the applicant's personal fields), PATCH it (the answer, the
applicant's own fields), move it along with every transition of the
workflow, DELETE it. Each cell checks the status, what the answer says (its
state; no personal field unless allowed) and what happened to the stored
request. tests/requests/test_permissions.py checks the same permissions
in-process.

The tables are written out by hand from DESIGN.md section 4 and
docs/requests.md; they are not read from the workflow definition."""

from datetime import date
from datetime import timedelta
from plone import api
from tests.helpers import assert_absent
from tests.helpers import assert_allowed_move
from tests.helpers import assert_delete
from tests.helpers import assert_refused_moves
from tests.helpers import body
from tests.requests.helpers import APPLICATION
from tests.requests.helpers import make_catalog
from tests.requests.helpers import make_request
from tests.requests.helpers import move
from tests.requests.helpers import PERSONAL_VALUES
from zhengwu import clock
import pytest
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
USERS = (
    "Anonymous",
    "member",
    "editor",
    "handler",
    "siteadmin",
    "officer",
    "officer_other",
    "Manager",
)
PERSONAL_KEYS = {
    "applicant_name",
    "id_type",
    "id_number",
    "organization_name",
    "credit_code",
    "phone",
    "email",
    "address",
    "attachments",
}
STATES = (
    "received",
    "registered",
    "awaiting_correction",
    "consulting",
    "extended",
    "answered",
    "archived",
    "withdrawn",
)
TRANSITIONS = (
    "register",
    "request_correction",
    "receive_correction",
    "consult",
    "end_consultation",
    "extend",
    "answer",
    "archive",
    "withdraw",
)

# Every state: the organ's officers, Site Administrators and Manager read
# it, personal fields included; nobody else sees it.
READERS = {"officer", "siteadmin", "Manager"}
OFFICERS = {"officer", "Manager"}
# state: (whose PATCH is accepted (204), who changes the reply, the
# applicant's phone); a field one may not write is left alone
WRITE = {
    "received": ({"Manager"}, {"Manager"}, {"Manager"}),
    "registered": (OFFICERS, OFFICERS, {"Manager"}),
    "awaiting_correction": ({"Manager"}, {"Manager"}, {"Manager"}),
    "consulting": (OFFICERS, OFFICERS, {"Manager"}),
    "extended": (OFFICERS, OFFICERS, {"Manager"}),
    "answered": ({"Manager"}, {"Manager"}, {"Manager"}),
    "archived": ({"Manager"}, {"Manager"}, {"Manager"}),
    "withdrawn": ({"Manager"}, {"Manager"}, {"Manager"}),
}
# state: {transition: (the state it leads to, who may perform it)}; every
# other transition is refused to everyone in that state
MOVES = {
    "received": {"register": ("registered", OFFICERS)},
    "registered": {
        "request_correction": ("awaiting_correction", OFFICERS),
        "consult": ("consulting", OFFICERS),
        "extend": ("extended", OFFICERS),
        "answer": ("answered", OFFICERS),
    },
    "awaiting_correction": {
        "receive_correction": ("registered", OFFICERS),
        "withdraw": ("withdrawn", OFFICERS),
    },
    "consulting": {"end_consultation": ("registered", OFFICERS)},
    "extended": {"consult": ("consulting", OFFICERS), "answer": ("answered", OFFICERS)},
    "answered": {"archive": ("archived", OFFICERS)},
    "archived": {},
    "withdrawn": {"archive": ("archived", OFFICERS)},
}
# Nobody deletes an applicant's request but Manager, in any state.
DELETERS = {"Manager"}
# How long after the requests are made the attempts are: a request waiting
# for its correction may be withdrawn only once the applicant's 15 working
# days have passed (45 days cover them across any holiday).
LATER = {"awaiting_correction": timedelta(days=45)}

REPLY, PHONE = "现将相关信息提供给您。", APPLICATION["phone"]


def refused(userid):
    """What a refused transition answers: 404 to whoever may not see the
    request (as for a number never given: issue 17, finding 5); 400
    (plone.restapi's "invalid transition") to a reader."""
    return 404 if userid not in READERS else 400


def hidden(userid):
    """401 to a reader who may not do this; 404 to whoever may not see it."""
    return 401 if userid in READERS else 404


def prepared(catalog, state):
    """A request in ``state`` on which every way out could be taken: only
    who tries decides (the answer's outcome is chosen)."""
    if state == "withdrawn":
        with clock.fixed(date(2026, 3, 2)):
            obj, _code = make_request(catalog, "awaiting_correction")
        with clock.fixed(date(2026, 3, 24)):  # the 15 working days to correct passed
            move(obj, "withdraw")
    else:
        obj, _code = make_request(catalog, state)
    if state in ("registered", "extended"):
        obj.outcome, obj.reply = "disclosed", REPLY
    assert api.content.get_state(obj) == state
    return obj


@pytest.mark.parametrize("state", STATES)
def test_request_matrix_over_rest(functional_portal, request_factory, state):
    # In the department's folder, where its groups hold their roles.
    catalog = make_catalog(functional_portal, container=functional_portal["zh-cn"]["dept"])
    obj = prepared(catalog, state)
    fresh = {
        (transition, userid): prepared(catalog, state)
        for transition, (_target, allowed) in MOVES[state].items()
        for userid in sorted(allowed)
    }
    transaction.commit()
    url = obj.absolute_url()
    patchers, repliers, correctors = WRITE[state]
    reply = obj.reply
    with clock.fixed(clock.now() + LATER.get(state, timedelta(0))):
        for userid in USERS:
            cell = (state, userid)
            session = request_factory(userid)
            # GET
            response = session.request("GET", url)
            if userid in READERS:
                assert response.status_code == 200, cell
                data = response.json()
                assert data["review_state"] == state, cell
                assert PERSONAL_KEYS <= set(data), cell
                text = body(response)
                for value in PERSONAL_VALUES:
                    assert value in text, (*cell, value)
            else:
                assert response.status_code == 404, cell
                assert_absent(response, PERSONAL_VALUES, *cell)
            # PATCH: the answer, the applicant's own field
            response = session.request(
                "PATCH", url, json={"reply": f"{userid} 的答复", "phone": "13987654321"}
            )
            assert response.status_code == (204 if userid in patchers else hidden(userid)), cell
            assert_absent(response, PERSONAL_VALUES, *cell)
            transaction.begin()
            assert (obj.reply == f"{userid} 的答复") == (userid in repliers), cell
            assert (obj.phone == "13987654321") == (userid in correctors), cell
            obj.reply, obj.phone = reply, PHONE
            transaction.commit()
            # Transitions, on this request those refused to the user; DELETE
            refused_moves = [
                t for t in TRANSITIONS if userid not in MOVES[state].get(t, ((), ()))[1]
            ]
            assert_refused_moves(
                session, obj, state, refused_moves, refused(userid), PERSONAL_VALUES, *cell
            )
            if userid not in DELETERS:
                assert_delete(session, obj, False, PERSONAL_VALUES, *cell, refused=hidden(userid))
        # The transitions allowed, each on a request of its own.
        for (transition, userid), other in fresh.items():
            target = MOVES[state][transition][0]
            assert_allowed_move(
                request_factory(userid), other, transition, target, PERSONAL_VALUES, state, userid
            )
        # DELETE, allowed (the last thing done to the request).
        for userid in DELETERS:
            assert_delete(request_factory(userid), obj, True, PERSONAL_VALUES, state, userid)
