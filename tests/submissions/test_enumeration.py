"""A citizen's record is not told from a number that was never given
(issue 17, finding 5): whoever may not see a petition or a disclosure
request gets, at its URL and below it, the very answer a missing number
gets — the same status and the same body, in HTML and in JSON — so tracking
numbers cannot be enumerated by walking URLs."""

from tests.helpers import auth
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from tests.requests.helpers import make_catalog
from tests.requests.helpers import make_request
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}
# Below the record: views, a view's attribute, a REST endpoint, a file.
BELOW = [
    "",
    "/view",
    "/edit",
    "/@@plone_context_state/object_title",
    "/@history",
    "/@workflow",
    "/@@images/attachments",
    "/@@attachment/0/x.pdf",
    "/@@download/attachments",
]
# Who may not see these records: nobody, a member, another department's responder.
STRANGERS = [None, "member", "responder2"]


def missing_twin(obj):
    """An id of the same form as ``obj``'s that no record has: the digits
    reversed, checked to be free."""
    container = obj.aq_parent
    stem = obj.getId().rstrip("0123456789")
    digits = obj.getId()[len(stem) :]
    for candidate in (digits[::-1], "9" * len(digits), "1" * len(digits)):
        if stem + candidate not in container.objectIds():
            return stem + candidate
    raise AssertionError("no free id")


@pytest.fixture
def records(functional_portal):
    box = make_box(functional_portal)
    petition, _ = make_petition(box, "accepted")
    catalog = make_catalog(functional_portal)
    request, _ = make_request(catalog, "received")
    transaction.commit()
    return {"petition": petition, "request": request}


def answer(url, userid, json):
    headers = dict(JSON) if json else {}
    credentials = auth(userid) if userid else None
    return requests.get(url, headers=headers, auth=credentials, allow_redirects=False, timeout=60)


def comparable(response, *ids):
    """What a visitor learns from a response, with the ids it asked for
    written the same."""
    text = response.text
    for id_ in ids:
        text = text.replace(id_, "RECORD")
    location = response.headers.get("Location", "")
    for id_ in ids:
        location = location.replace(id_, "RECORD")
    headers = {name: response.headers.get(name) for name in ("Cache-Control", "Content-Type")}
    return response.status_code, location, headers, text


@pytest.mark.parametrize("kind", ["petition", "request"])
@pytest.mark.parametrize("json", [False, True], ids=["html", "json"])
@pytest.mark.parametrize("userid", STRANGERS, ids=lambda u: u or "anonymous")
def test_a_record_answers_as_a_missing_number(records, kind, json, userid):
    record = records[kind]
    real = record.getId()
    fake = missing_twin(record)
    container = record.aq_parent.absolute_url()
    for below in BELOW:
        existing = answer(f"{container}/{real}{below}", userid, json)
        missing = answer(f"{container}/{fake}{below}", userid, json)
        assert existing.status_code == 404, (below, existing.status_code)
        assert comparable(existing, real, fake) == comparable(missing, real, fake), below


@pytest.mark.parametrize("kind", ["petition", "request"])
def test_those_handling_it_still_see_it(records, kind):
    record = records[kind]
    reader = "handler" if kind == "petition" else "officer"
    for json in (False, True):
        response = answer(record.absolute_url(), reader, json)
        assert response.status_code == 200, (json, response.status_code)
