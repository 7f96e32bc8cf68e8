"""Who may do what to a disclosure request in each state of
zhengwu_request_workflow, for users holding their roles through department
groups: view it, read the applicant's personal fields, handle it (outcome,
reply), modify or delete it, move it along. Only the disclosure officers
of the organ it was addressed to (and Manager) handle it; administrators
read it; no role held on a folder above reaches it. Requests come only
through the public submission. These are checked in-process (checkPermission,
doActionFor); tests/requests/test_permissions_rest.py tries the same matrix
over HTTP."""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.helpers import auth
from tests.helpers import body
from tests.requests.helpers import APPLICATION
from tests.requests.helpers import make_catalog
from tests.requests.helpers import make_request
from tests.requests.helpers import move
from zhengwu import clock
from zhengwu.requests.events import WORKFLOW_ID
from zhengwu.site.department_groups import department_groups
import pytest
import requests
import transaction


VIEW = "View"
ACCESS = "Access contents information"
PERSONAL = "zhengwu: View disclosure request personal data"
HANDLE = "zhengwu: Handle disclosure requests"
MODIFY = "Modify portal content"
DELETE = "Delete objects"
EDIT_SUBMISSION = "zhengwu: Edit disclosure request submission"
LOCAL_ROLES = "Change local roles"
PERMISSIONS = (VIEW, ACCESS, PERSONAL, HANDLE, MODIFY, DELETE, EDIT_SUBMISSION, LOCAL_ROLES)

USERS = (
    "Anonymous",
    "member",
    "author",
    "editor",
    "handler",
    "officer",
    "officer2",
    "officer_other",
    "siteadmin",
)
OFFICERS = {"officer", "officer2"}
READERS = OFFICERS | {"siteadmin"}

# The states where the officers work on a request (the clock runs or is
# paused); elsewhere it waits for the applicant, or is done.
WORKING = ("registered", "consulting", "extended")
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
# state: the transitions out of it
EXITS = {
    "received": {"register"},
    "registered": {"request_correction", "consult", "extend", "answer"},
    "awaiting_correction": {"receive_correction", "withdraw"},
    "consulting": {"end_consultation"},
    "extended": {"consult", "answer"},
    "answered": {"archive"},
    "archived": set(),
    "withdrawn": {"archive"},
}


def expected(state, permission):
    """The users holding ``permission`` on a request in ``state``."""
    if permission in (VIEW, ACCESS, PERSONAL):
        return READERS
    if permission in (HANDLE, MODIFY):
        return OFFICERS if state in WORKING else set()
    return set()  # Delete, edit the submission, change local roles: Manager only


@contextmanager
def acting_as(userid):
    if userid == "Anonymous":
        previous = getSecurityManager()
        newSecurityManager(None, nobody)
        try:
            yield
        finally:
            setSecurityManager(previous)
    else:
        with api.env.adopt_user(username=userid):
            yield


@contextmanager
def as_manager():
    """A user with the Manager role (the guards read the user's roles)."""
    setRoles(api.portal.get(), TEST_USER_ID, ["Manager"])
    try:
        with api.env.adopt_user(username=TEST_USER_NAME):
            yield
    finally:
        setRoles(api.portal.get(), TEST_USER_ID, ["Member"])


def holds(userid, permission, obj):
    with acting_as(userid):
        return bool(getSecurityManager().checkPermission(permission, obj))


def transitions(userid, obj):
    wtool = api.portal.get_tool("portal_workflow")
    with acting_as(userid):
        return {t["id"] for t in wtool.getTransitionsFor(obj)}


def request_in(catalog, state):
    if state == "withdrawn":
        with clock.fixed(date(2026, 3, 2)):
            obj, _code = make_request(catalog, "awaiting_correction")
        with clock.fixed(date(2026, 3, 24)):  # the 15 working days to correct passed
            move(obj, "withdraw")
        assert api.content.get_state(obj) == "withdrawn"
        return obj
    return make_request(catalog, state)[0]


@pytest.fixture
def catalog(portal):
    """In the department's folder, where its groups hold their roles."""
    return make_catalog(portal, container=portal["zh-cn"]["dept"])


def test_the_matrix_states_every_state_of_the_workflow(portal):
    workflow = api.portal.get_tool("portal_workflow")[WORKFLOW_ID]
    assert set(workflow.states) == set(STATES)
    assert {s: set(workflow.states[s].transitions) for s in STATES} == EXITS
    assert not workflow.manager_bypass
    for state in STATES:
        managed = set(workflow.states[state].permissions)
        assert set(PERMISSIONS) <= managed, state
        for permission in PERMISSIONS:
            assert not workflow.states[state].getPermissionInfo(permission)["acquired"]


@pytest.mark.parametrize("state", STATES)
def test_request_permissions(catalog, state):
    obj = request_in(catalog, state)
    # The checks can say yes, and the department's roles reach the catalog.
    assert holds("Anonymous", VIEW, catalog) and holds("siteadmin", MODIFY, catalog)
    assert "Editor" in api.user.get_roles(username="editor", obj=catalog)
    wrong = []
    for permission in PERMISSIONS:
        for userid in USERS:
            if holds(userid, permission, obj) != (userid in expected(state, permission)):
                wrong.append((permission, userid))
    assert not wrong, (state, wrong)
    # Manager does everything (manager_bypass is off: the workflow says so).
    with as_manager():
        for permission in PERMISSIONS:
            assert getSecurityManager().checkPermission(permission, obj), permission


@pytest.mark.parametrize("state", STATES)
def test_only_the_organs_officers_move_it_along(catalog, state):
    obj = request_in(catalog, state)
    for userid in USERS:
        allowed = EXITS[state] if userid in OFFICERS else set()
        assert transitions(userid, obj) == allowed, (state, userid)
    wtool = api.portal.get_tool("portal_workflow")
    for userid in set(USERS) - OFFICERS:
        for transition in EXITS[state]:
            with acting_as(userid), pytest.raises(WorkflowException):
                wtool.doActionFor(obj, transition, comment="越权操作")
        assert api.content.get_state(obj) == state, userid


@pytest.mark.parametrize("state", STATES)
def test_manager_may_move_it_along(catalog, state):
    obj = request_in(catalog, state)
    wtool = api.portal.get_tool("portal_workflow")
    with as_manager():
        assert {t["id"] for t in wtool.getTransitionsFor(obj)} == EXITS[state]
        if state == "received":
            wtool.doActionFor(obj, "register")
            assert api.content.get_state(obj) == "registered"


def test_the_officers_write_the_answer_not_the_application(catalog):
    """The fields' own permissions: the outcome and reply are the officers'
    while they work on it; the applicant's fields are Manager's only."""
    from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
    from zhengwu.requests.request import IDisclosureRequest

    writes = IDisclosureRequest.queryTaggedValue(WRITE_PERMISSIONS_KEY)
    obj = request_in(catalog, "registered")
    for userid in USERS:
        for name in ("outcome", "reply", "reply_attachments"):
            may = holds(userid, _title(writes[name]), obj)
            assert may == (userid in OFFICERS), (name, userid)
        for name in ("applicant_name", "id_number", "phone", "requested_information"):
            assert not holds(userid, _title(writes[name]), obj), (name, userid)


def _title(permission_id):
    from zope.component import getUtility
    from zope.security.interfaces import IPermission

    return getUtility(IPermission, permission_id).title


def test_the_request_holds_only_its_organs_officers(catalog, portal):
    obj = request_in(catalog, "registered")
    assert obj.__ac_local_roles_block__
    group = department_groups(portal["zh-cn"]["dept"])["disclosure-officers"]
    holders = {p for p, roles in obj.get_local_roles() if "DisclosureOfficer" in roles}
    assert holders == {group}
    assert {p for p, _roles in obj.get_local_roles()} == {group}
    assert "DisclosureOfficer" in api.user.get_roles(username="officer", obj=obj)
    assert "DisclosureOfficer" not in api.user.get_roles(username="officer_other", obj=obj)


def test_a_catalog_in_another_departments_folder_lets_none_of_its_roles_in(portal):
    """dept2's disclosure officers hold their role on dept2's folder, and so
    on a catalog kept there; a request in it addressed to ``dept`` blocks
    them: only ``dept``'s officers handle it."""
    dept2 = portal["zh-cn"]["dept2"]
    catalog = make_catalog(portal, container=dept2, department="dept")
    assert "DisclosureOfficer" in api.user.get_roles(username="officer_other", obj=catalog)
    for state in ("received", "registered", "answered"):
        obj = request_in(catalog, state)
        assert "DisclosureOfficer" not in api.user.get_roles(username="officer_other", obj=obj)
        for permission in (VIEW, ACCESS, PERSONAL, HANDLE, MODIFY):
            for userid in ("officer_other", "responder2"):
                assert not holds(userid, permission, obj), (state, permission, userid)
        assert holds("officer", PERSONAL, obj) and holds("siteadmin", VIEW, obj)
        assert transitions("officer_other", obj) == set()
        assert transitions("officer", obj) == EXITS[state]
    with api.env.adopt_user(username="officer_other"):
        assert not api.content.find(context=catalog, portal_type="DisclosureRequest")
    with api.env.adopt_user(username="officer"):
        assert len(api.content.find(context=catalog, portal_type="DisclosureRequest")) == 3


def test_a_catalog_in_its_own_departments_folder_lets_no_other_role_in(portal):
    """Editors, reviewers and petition handlers of ``dept`` hold their roles
    on its folder: none of them reaches a request in a catalog kept there."""
    dept = portal["zh-cn"]["dept"]
    catalog = make_catalog(portal, container=dept)
    obj = request_in(catalog, "registered")
    for userid in ("author", "editor", "contributor", "first", "second", "final", "handler"):
        assert set(api.user.get_roles(username=userid, obj=dept)) - {"Member", "Authenticated"}
        for permission in (VIEW, PERSONAL, HANDLE, MODIFY, DELETE):
            assert not holds(userid, permission, obj), (permission, userid)
        assert transitions(userid, obj) == set(), userid


@pytest.mark.parametrize("userid", ["officer", "editor", "siteadmin", "member"])
def test_nobody_adds_a_request_through_the_content_api(catalog, userid):
    with api.env.adopt_user(username=userid):
        assert "DisclosureRequest" not in [t.getId() for t in catalog.allowedContentTypes()]
        with pytest.raises(Unauthorized):
            catalog.invokeFactory("DisclosureRequest", "ysq-bypass", title="绕过表单")
    assert "ysq-bypass" not in catalog.objectIds()


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def test_nobody_creates_requests_but_through_the_public_submission(functional_portal):
    catalog = make_catalog(functional_portal)
    transaction.commit()
    url = catalog.absolute_url()
    for userid in ("Anonymous", "member", "editor", "officer", "officer_other", "siteadmin"):
        response = requests.post(
            url,
            json={"@type": "DisclosureRequest", "id": "ysq-bypass", **APPLICATION},
            headers=JSON,
            auth=auth(userid),
            timeout=60,
        )
        assert response.status_code in (400, 401, 403), (userid, response.status_code)
        for form in ("++add++DisclosureRequest", "createObject?type_name=DisclosureRequest"):
            page = requests.get(
                f"{url}/{form}", auth=auth(userid), timeout=60, allow_redirects=False
            )
            assert page.status_code in (302, 401, 403, 404), (userid, form, page.status_code)
            assert "applicant_name" not in body(page), (userid, form)
        page = requests.get(f"{url}/++add++DisclosureRequest", auth=auth(userid), timeout=60)
        assert page.status_code == 404, (userid, page.status_code)
    transaction.begin()
    assert len(catalog.objectIds()) == 0
    # The public submission is the way in.
    created = requests.post(
        f"{url}/@disclosure-requests", json=APPLICATION, headers=JSON, timeout=60
    )
    assert created.status_code == 201, created.text
    transaction.begin()
    assert len(catalog.objectIds()) == 1


def test_nobody_copies_a_request_into_being(functional_portal):
    """A copy would be a request nobody submitted (and a second record of
    the applicant's data): pasting is refused too."""
    source = make_catalog(functional_portal)
    target = make_catalog(functional_portal)
    obj, _code = make_request(source, "registered")
    transaction.commit()
    for userid in ("officer", "siteadmin"):
        response = requests.post(
            f"{target.absolute_url()}/@copy",
            json={"source": obj.absolute_url()},
            headers=JSON,
            auth=auth(userid),
            timeout=60,
        )
        # (plone.restapi answers OFS's refusal to paste, a ValueError, with 500)
        assert response.status_code in (400, 401, 403, 500), (userid, response.status_code)
        assert "DisclosureRequest" not in body(response), userid
        transaction.begin()
        assert list(target.objectIds()) == [], userid
    transaction.begin()
    assert list(source.objectIds()) == [obj.getId()]
