"""Cross-site request forgery through the REST API (issue 17, finding 1).

A REST write authenticated by the login cookie needs plone.protect's token
in ``X-CSRF-TOKEN``; header credentials (JWT, Basic) and Anonymous do not.
The attack is replayed as the browser sends it: the ``__ac`` cookie,
``Accept: application/json`` and ``Content-Type: text/plain`` (a "simple"
request that needs no CORS preflight).
"""

from plone import api
from tests.helpers import classic_login
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from zhengwu.testing import TEST_PASSWORD
import pytest
import requests
import transaction


FORGED = {"Accept": "application/json", "Content-Type": "text/plain"}
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def cookie_session(site, userid):
    session, response = classic_login(site, userid)
    assert response.ok and "__ac" in session.cookies, "the classic login must set the cookie"
    return session


@pytest.fixture
def petition(functional_portal):
    box = make_box(functional_portal)
    petition, _code = make_petition(box, "submitted")
    transaction.commit()
    return petition


def state_of(obj):
    transaction.begin()
    return api.content.get_state(obj)


def test_a_forged_transition_changes_nothing(functional_portal, petition):
    site = functional_portal.absolute_url()
    handler = cookie_session(site, "handler")
    response = handler.post(
        f"{petition.absolute_url()}/@workflow/reject",
        headers=FORGED,
        data='{"comment": "forged"}',
        timeout=60,
    )
    assert response.status_code == 403
    assert "X-CSRF-TOKEN" in response.json()["message"]
    assert state_of(petition) == "submitted"


def test_the_token_lets_the_cookie_write(functional_portal, petition):
    site = functional_portal.absolute_url()
    handler = cookie_session(site, "handler")
    answer = handler.get(f"{site}/@csrf-token", headers=JSON, timeout=60)
    assert answer.status_code == 200
    assert "no-store" in answer.headers["Cache-Control"]
    token = answer.json()["token"]
    response = handler.post(
        f"{petition.absolute_url()}/@workflow/reject",
        headers={**JSON, "X-CSRF-TOKEN": token},
        json={"comment": "不属于本信箱受理范围"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    assert state_of(petition) == "rejected"


def test_a_wrong_token_is_refused(functional_portal, petition):
    site = functional_portal.absolute_url()
    handler = cookie_session(site, "handler")
    response = handler.post(
        f"{petition.absolute_url()}/@workflow/reject",
        headers={**JSON, "X-CSRF-TOKEN": "0" * 40},
        json={"comment": "x"},
        timeout=60,
    )
    assert response.status_code == 403
    assert state_of(petition) == "submitted"


@pytest.mark.parametrize("method", ["PATCH", "DELETE"])
def test_patch_and_delete_need_the_token_too(functional_portal, method):
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(
            container=functional_portal["zh-cn"],
            type="Document",
            id="forgery-target",
            title="原标题",
        )
    transaction.commit()
    session = cookie_session(functional_portal.absolute_url(), "siteadmin")
    response = session.request(
        method, page.absolute_url(), headers=FORGED, data='{"title": "被篡改"}', timeout=60
    )
    assert response.status_code == 403
    transaction.begin()
    assert functional_portal["zh-cn"]["forgery-target"].title == "原标题"


def test_a_forged_sharing_grant_changes_nothing(functional_portal):
    folder = functional_portal["zh-cn"]
    session = cookie_session(functional_portal.absolute_url(), "siteadmin")
    response = session.post(
        f"{folder.absolute_url()}/@sharing",
        headers=FORGED,
        data='{"entries": [{"id": "handler", "type": "user", "roles": {"Editor": true}}]}',
        timeout=60,
    )
    assert response.status_code == 403
    transaction.begin()
    assert "Editor" not in (folder.get_local_roles_for_userid("handler") or ())


def test_header_credentials_need_no_token(functional_portal, petition):
    response = requests.post(
        f"{petition.absolute_url()}/@workflow/reject",
        headers=JSON,
        json={"comment": "不属于本信箱受理范围"},
        auth=("handler", TEST_PASSWORD),
        timeout=60,
    )
    assert response.status_code == 200, response.text
    assert state_of(petition) == "rejected"


def test_reading_needs_no_token(functional_portal, petition):
    handler = cookie_session(functional_portal.absolute_url(), "handler")
    response = handler.get(petition.absolute_url(), headers=JSON, timeout=60)
    assert response.status_code == 200
