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
    """What a refused transition answers: 401 to whoever may not see the
    request; 400 (plone.restapi's "invalid transition") to a reader."""
    return 401 if userid not in READERS else 400


def assert_no_personal_data(response, *where):
    text = body(response)
    for value in PERSONAL_VALUES:
        assert value not in text, (*where, value)


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


def history(obj):
    return len(obj.workflow_history["zhengwu_request_workflow"])


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
    steps = history(obj)
    with clock.fixed(clock.now() + LATER.get(state, timedelta(0))):
        for userid in USERS:
            cell = (state, userid)
            # GET
            response = request_factory(userid).request("GET", url)
            if userid in READERS:
                assert response.status_code == 200, cell
                data = response.json()
                assert data["review_state"] == state, cell
                assert PERSONAL_KEYS <= set(data), cell
                text = body(response)
                for value in PERSONAL_VALUES:
                    assert value in text, (*cell, value)
            else:
                assert response.status_code == 401, cell
                assert_no_personal_data(response, *cell)
            # PATCH: the answer, the applicant's own field
            response = request_factory(userid).request(
                "PATCH", url, json={"reply": f"{userid} 的答复", "phone": "13987654321"}
            )
            assert response.status_code == (204 if userid in patchers else 401), cell
            assert_no_personal_data(response, *cell)
            transaction.begin()
            assert (obj.reply == f"{userid} 的答复") == (userid in repliers), cell
            assert (obj.phone == "13987654321") == (userid in correctors), cell
            obj.reply, obj.phone = reply, PHONE
            transaction.commit()
            # Transitions, on this request those refused to the user
            for transition in TRANSITIONS:
                if userid in MOVES[state].get(transition, ((), ()))[1]:
                    continue
                response = request_factory(userid).request(
                    "POST", f"{url}/@workflow/{transition}", json={"comment": "越权操作"}
                )
                assert response.status_code == refused(userid), (*cell, transition)
                assert "review_state" not in response.json(), (*cell, transition)
                assert_no_personal_data(response, *cell, transition)
                transaction.begin()
                assert api.content.get_state(obj) == state, (*cell, transition)
                assert history(obj) == steps, (*cell, transition)
            # DELETE, refused
            if userid not in DELETERS:
                response = request_factory(userid).request("DELETE", url)
                assert response.status_code == 401, cell
                assert_no_personal_data(response, *cell)
                transaction.begin()
                assert obj.getId() in catalog.objectIds(), cell
        # The transitions allowed, each on a request of its own.
        for (transition, userid), other in fresh.items():
            cell = (state, userid, transition)
            target = MOVES[state][transition][0]
            response = request_factory(userid).request(
                "POST",
                f"{other.absolute_url()}/@workflow/{transition}",
                json={"comment": "处理意见"},
            )
            assert response.status_code == 200, (*cell, response.status_code, body(response))
            assert response.json()["review_state"] == target, cell
            assert_no_personal_data(response, *cell)
            transaction.begin()
            assert api.content.get_state(other) == target, cell
            assert history(other) == steps + 1, cell
        # DELETE, allowed (the last thing done to the request).
        for userid in DELETERS:
            response = request_factory(userid).request("DELETE", url)
            assert response.status_code == 204, (state, userid)
            transaction.begin()
            assert obj.getId() not in catalog.objectIds(), (state, userid)
