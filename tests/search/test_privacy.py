"""Citizens' records in the site's search: a petition or a disclosure
request is found only by those who may see it (its handlers; a petition by
everyone once published), and no snippet, title or count ever shows a
personal field."""

from tests.helpers import body
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from tests.petitions.helpers import PERSONAL_VALUES
from tests.requests.helpers import make_catalog
from tests.requests.helpers import make_request
from tests.requests.helpers import PERSONAL_VALUES as APPLICANT_VALUES
import pytest
import transaction


WORD = "施工噪音"  # in the petitions' text (tests.petitions.helpers.MESSAGE)
REQUESTED = "老旧小区改造"  # in the requests' text (tests.requests.helpers.APPLICATION)


@pytest.fixture
def records(functional_portal):
    transaction.begin()
    box = make_box(functional_portal)
    accepted, _code = make_petition(box, "accepted", title="施工噪音扰民（未公开）")
    published, _code = make_petition(box, "published", title="施工噪音扰民（已公开）")
    catalog = make_catalog(functional_portal)
    record, _code = make_request(catalog, "registered")
    transaction.commit()
    return {"accepted": accepted, "published": published, "request": record}


def search(session, q, page=False):
    if page:
        response = session.get("zh-cn/@@search", params={"q": q})
    else:
        response = session.get("zh-cn/@site-search", params={"q": q})
    assert response.status_code == 200, response.text
    return body(response)


@pytest.mark.parametrize("page", [False, True])
def test_anonymous_finds_only_the_published_petition(records, request_factory, page):
    session = request_factory(json=not page)
    said = search(session, WORD, page)
    assert "施工噪音扰民（已公开）" in said
    assert "施工噪音扰民（未公开）" not in said
    assert records["accepted"].tracking_number not in said
    for value in PERSONAL_VALUES:
        assert value not in said


def test_anonymous_never_finds_a_disclosure_request(records, request_factory):
    for page in (False, True):
        said = search(request_factory(json=not page), REQUESTED, page)
        assert records["request"].tracking_number not in said
        for value in APPLICANT_VALUES:
            assert value not in said
    counts = request_factory().get("zh-cn/@site-search", params={"q": REQUESTED}).json()
    assert counts["items_total"] == 0
    assert counts["facets"]["type"] == []


def test_handlers_find_their_records_without_personal_fields(records, request_factory):
    said = search(request_factory("handler"), WORD)
    assert "施工噪音扰民（未公开）" in said
    for value in PERSONAL_VALUES:
        assert value not in said
    officer = request_factory("officer").get("zh-cn/@site-search", params={"q": REQUESTED})
    assert officer.status_code == 200
    found = officer.json()
    assert found["items_total"] == 1
    assert found["items"][0]["type"] == "interaction"
    for value in APPLICANT_VALUES:
        assert value not in body(officer)


def test_someone_elses_records_stay_hidden(records, request_factory):
    said = search(request_factory("officer_other"), REQUESTED)
    assert records["request"].tracking_number not in said
    said = search(request_factory("member"), WORD)
    assert "施工噪音扰民（未公开）" not in said
