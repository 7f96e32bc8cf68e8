"""The applicant's personal data (names, identity document, phone, email,
address, proof of identity) reaches the organ's disclosure officers and
the administrators only: every other user, on every channel, finds none
of it, and nobody finds a request by it. The holder of the query code
reads the answer, its letter and its files, not the personal fields.

The catalog sits in the department's folder, where its editors, petition
handlers and reviewers hold local roles, so that an inherited role would
show."""

from plone import api
from plone.namedfile.file import NamedBlobFile
from tests.helpers import auth
from tests.helpers import body
from tests.requests.helpers import apply
from tests.requests.helpers import docx_text
from tests.requests.helpers import make_catalog
from tests.requests.helpers import move
from tests.requests.helpers import ORGANIZATION
from tests.requests.helpers import PERSONAL_VALUES
from zhengwu import clock
import base64
import gzip
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}
# The organization applicant's own personal fields.
ORGANIZATION_VALUES = tuple(
    ORGANIZATION[name] for name in ("applicant_name", "phone", "credit_code", "organization_name")
)
SECRETS = PERSONAL_VALUES + ORGANIZATION_VALUES
# Proof of identity: the scan "contains" the ID number, so a leaked file shows.
ID_SCAN = b"\xff\xd8\xff\xe0 scan of 11010519491231002X"
ID_SCAN_NAME = "身份证正面.jpg"
REPLY_FILE = b"%PDF-1.4 provided information"
REPLY_FILE_NAME = "资金安排表.pdf"
REPLY = "现将老旧小区改造项目资金安排表提供给您。"

OUTSIDERS = ("Anonymous", "member", "author", "editor", "handler", "officer_other")
INSIDERS = ("officer", "officer2", "siteadmin")


def get(url, userid="Anonymous", **kwargs):
    kwargs.setdefault("timeout", 60)
    return requests.get(url, auth=auth(userid), **kwargs)


def assert_private(text, where=""):
    for value in SECRETS:
        assert value not in text, (where, value)


@pytest.fixture
def scene(functional_portal):
    """A catalog of ``dept`` in ``dept``'s own folder; a citizen's request,
    with a scan of the identity card, answered with a file; an
    organization's request, just received. Sitemap and feeds on."""
    portal = functional_portal
    catalog = make_catalog(portal, container=portal["zh-cn"]["dept"])
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.enable_sitemap", True)
        from plone.base.interfaces.syndication import IFeedSettings

        IFeedSettings(catalog).enabled = True
    scan = {
        "data": base64.b64encode(ID_SCAN).decode(),
        "encoding": "base64",
        "filename": ID_SCAN_NAME,
        "content-type": "image/jpeg",
    }
    answered, code = apply(catalog, attachments=[scan])
    move(answered, "register")
    move(
        answered,
        "answer",
        outcome="disclosed",
        reply=REPLY,
        reply_attachments=[NamedBlobFile(data=REPLY_FILE, filename=REPLY_FILE_NAME)],
    )
    received, org_code = apply(catalog, **ORGANIZATION)
    transaction.commit()
    assert answered.attachments[0].filename == ID_SCAN_NAME
    return catalog, answered, code, received, org_code


def channels(portal, catalog, obj, code, userid):
    """{name: response} of every way ``userid`` might read something."""
    site = portal.absolute_url()
    url = obj.absolute_url()
    year = clock.today().year
    found = {"tracking_number": obj.tracking_number, "query_code": code}
    return {
        "catalog page": get(catalog.absolute_url(), userid),
        "catalog rest": get(catalog.absolute_url(), userid, headers=JSON),
        "search fullobjects": get(
            f"{site}/@search",
            userid,
            params={"portal_type": "DisclosureRequest", "fullobjects": 1},
            headers=JSON,
        ),
        "search all metadata": get(
            f"{site}/@search",
            userid,
            params={"portal_type": "DisclosureRequest", "metadata_fields": "_all"},
            headers=JSON,
        ),
        "search in the catalog": get(
            f"{catalog.absolute_url()}/@search",
            userid,
            params={"metadata_fields": "_all", "fullobjects": 1},
            headers=JSON,
        ),
        "status": get(f"{site}/@disclosure-request-status", userid, params=found, headers=JSON),
        "status page": requests.post(
            f"{site}/@@disclosure-request-status", data=found, auth=auth(userid), timeout=60
        ),
        "annual report": get(
            f"{site}/@disclosure-annual-report", userid, params={"year": year}, headers=JSON
        ),
        "rss": get(f"{catalog.absolute_url()}/RSS", userid),
        "atom": get(f"{catalog.absolute_url()}/atom.xml", userid),
        "worklist": get(f"{site}/@disclosure-request-worklist", userid, headers=JSON),
        "worklist page": get(f"{site}/@@disclosure-request-worklist", userid),
        "history": get(f"{url}/@history", userid, headers=JSON),
        "workflow": get(f"{url}/@workflow", userid, headers=JSON),
    }


@pytest.mark.parametrize("userid", OUTSIDERS)
def test_every_channel_keeps_it_from_outsiders(scene, functional_portal, userid):
    catalog, answered, code, received, _org_code = scene
    responses = channels(functional_portal, catalog, answered, code, userid)
    for name, response in responses.items():
        text = body(response)
        assert_private(text, name)
        if name in ("history", "workflow"):
            # as for a number never given (issue 17, finding 5)
            assert response.status_code == 404, (name, response.status_code)
        elif name == "worklist" and userid == "Anonymous":
            assert response.status_code == 401  # a worklist is a logged-in user's
        else:
            assert response.status_code == 200, (name, response.status_code)
        # Their tracking numbers appear only where the code holder asked.
        if name not in ("status", "status page"):
            assert received.tracking_number not in text, name
            assert answered.tracking_number not in text, name
    assert responses["search fullobjects"].json()["items_total"] == 0
    if userid != "Anonymous":
        assert responses["worklist"].json()["items_total"] == 0
    # The code holder reads the answer (and the answer only).
    status = responses["status"].json()
    assert status["reply"] == REPLY
    assert [f["filename"] for f in status["files"]] == [REPLY_FILE_NAME]
    assert REPLY in body(responses["status page"])
    report = responses["annual report"].json()["requests"]
    assert {row["id"]: row["cells"]["total"] for row in report["rows"]}["new"] >= 1
    # The request itself, each way.
    for obj in (answered, received):
        for headers in ({}, JSON):
            response = get(obj.absolute_url(), userid, headers=headers, allow_redirects=False)
            assert response.status_code == 404, (obj.getId(), headers)
            assert_private(body(response), obj.getId())
            assert obj.tracking_number not in body(response), (obj.getId(), headers)


@pytest.mark.parametrize("userid", INSIDERS)
def test_officers_and_administrators_read_it(scene, functional_portal, userid):
    """They read the personal fields on the request; the channels that
    serve the public or the catalog's metadata stay without them."""
    catalog, answered, code, received, _org_code = scene
    for obj, values in ((answered, PERSONAL_VALUES), (received, ORGANIZATION_VALUES)):
        rest = body(get(obj.absolute_url(), userid, headers=JSON))
        for value in values:
            assert value in rest, (obj.getId(), value)
        page = get(obj.absolute_url(), userid)
        assert page.status_code == 200
        assert values[0] in body(page)
    responses = channels(functional_portal, catalog, answered, code, userid)
    for name in (
        "catalog page",
        "search all metadata",
        "status",
        "status page",
        "annual report",
        "rss",
        "atom",
        "worklist",
        "workflow",
    ):
        assert responses[name].status_code == 200, name
        assert_private(body(responses[name]), name)
    # @history needs CMFEditions' permission, which officers lack (they
    # read the history on the request's page): whatever it answers is private.
    assert_private(body(responses["history"]), "history")
    found = responses["search all metadata"].json()
    assert {i["tracking_number"] for i in found["items"]} == {
        answered.tracking_number,
        received.tracking_number,
    }


def test_annual_report_page_counts_without_naming(scene, functional_portal):
    site = functional_portal.absolute_url()
    for userid in ("Anonymous", "officer_other", "officer"):
        page = get(
            f"{site}/@@disclosure-annual-report", userid, params={"year": clock.today().year}
        )
        assert page.status_code == 200, (userid, page.status_code)
        assert_private(body(page), userid)


def test_sitemap_lists_no_request(scene, functional_portal):
    _catalog, answered, _code, received, _org_code = scene
    site = functional_portal.absolute_url()
    sitemap = get(f"{site}/sitemap.xml.gz", params={"page": 1})
    assert sitemap.status_code == 200
    entries = gzip.decompress(sitemap.content).decode("utf-8")
    assert_private(entries)
    assert answered.absolute_url() not in entries
    assert received.absolute_url() not in entries


@pytest.mark.parametrize("term", [*SECRETS, "lixiuying", "明理律师事务所"])
def test_nobody_finds_a_request_by_personal_data(scene, functional_portal, term):
    _catalog, answered, _code, received, _org_code = scene
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.unrestrictedSearchResults(SearchableText=term)
    # Not even the officers, who may read the request.
    for userid in ("officer", "siteadmin", "Anonymous"):
        found = get(
            f"{functional_portal.absolute_url()}/@search",
            userid,
            params={"SearchableText": term},
            headers=JSON,
        ).json()
        assert found["items_total"] == 0, userid
    for obj in (answered, received):
        assert catalog.unrestrictedSearchResults(SearchableText=obj.tracking_number)


def test_full_text_holds_no_personal_field(scene):
    """The SearchableText the officers search in is the tracking number and
    the information requested, nothing of the applicant."""
    _catalog, answered, _code, received, _org_code = scene
    catalog = api.portal.get_tool("portal_catalog")
    for obj in (answered, received):
        (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
        data = catalog.getIndexDataForRID(brain.getRID())
        assert_private(" ".join(str(v) for v in data["SearchableText"]))
        assert obj.tracking_number.lower() in " ".join(data["SearchableText"]).lower()


def test_catalog_metadata_holds_no_personal_field(scene):
    _catalog, answered, _code, received, _org_code = scene
    catalog = api.portal.get_tool("portal_catalog")
    for obj in (answered, received):
        (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
        metadata = " ".join(str(v) for v in catalog.getMetadataForRID(brain.getRID()).values())
        assert_private(metadata, "metadata")
        index_data = " ".join(str(v) for v in catalog.getIndexDataForRID(brain.getRID()).values())
        assert_private(index_data, "index data")
        assert brain.Title == obj.tracking_number and not brain.Description


def test_query_code_is_stored_hashed(scene):
    _catalog, answered, code, _received, _org_code = scene
    assert code not in str(answered.__dict__)
    assert answered.query_code_hash.startswith("pbkdf2_sha256$")


PATHS = (
    "/@@plone_context_state/object_title",
    "/@@plone_context_state/workflow_state",
    "/@@plone_context_state/current_page_url",
    "/@@disclosure-request-view",
    "/getId",
    "/Title",
    "/@@request-letter?kind=answer",
    f"/@@attachment/0/{ID_SCAN_NAME}",
    f"/@@reply-attachments/0/{REPLY_FILE_NAME}",
    "/@@download/attachments",
    "/@@images/attachments",
    "/@@display-file/attachments",
    "/disclosure-request-view/attachments",
    "/attachments",
    "/applicant_name",
    "/id_number",
)


@pytest.mark.parametrize("userid", OUTSIDERS)
def test_no_view_reads_a_request_its_reader_may_not_see(scene, userid):
    _catalog, answered, _code, received, _org_code = scene
    for obj in (answered, received):
        for path in PATHS:
            response = get(obj.absolute_url() + path, userid, allow_redirects=False)
            assert response.status_code == 404, (path, response.status_code)
            assert obj.tracking_number not in response.text.replace(obj.absolute_url(), ""), path
            assert ID_SCAN not in response.content and REPLY_FILE not in response.content, path
            assert_private(body(response), path)


@pytest.mark.parametrize("userid", INSIDERS)
def test_the_officers_views_of_a_request(scene, userid):
    _catalog, answered, _code, _received, _org_code = scene
    url = answered.absolute_url()
    title = get(f"{url}/@@plone_context_state/object_title", userid)
    assert title.status_code == 200 and answered.tracking_number in body(title)
    letter = get(f"{url}/@@request-letter", userid, params={"kind": "answer"})
    assert letter.status_code == 200 and letter.content[:2] == b"PK"


@pytest.mark.parametrize("userid", INSIDERS)
def test_proof_of_identity_for_officers_and_administrators(scene, userid):
    _catalog, answered, _code, _received, _org_code = scene
    scan = get(f"{answered.absolute_url()}/@@attachment/0/{ID_SCAN_NAME}", userid)
    assert scan.status_code == 200 and scan.content == ID_SCAN
    files = get(answered.absolute_url(), userid, headers=JSON).json()["attachments"]
    assert [f["filename"] for f in files] == [ID_SCAN_NAME]
    assert get(files[0]["download"], userid).content == ID_SCAN
    reply = get(f"{answered.absolute_url()}/@@reply-attachments/0/{REPLY_FILE_NAME}", userid)
    assert reply.status_code == 200 and reply.content == REPLY_FILE


def test_proof_of_identity_never_reaches_the_code_holder(scene, functional_portal):
    """The download with the code serves the answer's letter and files:
    never the proof of identity, whatever it is asked for."""
    _catalog, answered, code, _received, _org_code = scene
    url = f"{functional_portal.absolute_url()}/@@disclosure-request-download"
    found = {"tracking_number": answered.tracking_number, "query_code": code}
    provided = get(url, params=dict(found, file="0"))
    assert provided.status_code == 200 and provided.content == REPLY_FILE
    for extra in (
        {"file": "1"},
        {"file": "-1"},
        {"file": "x"},
        {"letter": "identity"},
        {"letter": "correction"},
        {"field": "attachments"},
    ):
        response = get(url, params=dict(found, **extra))
        assert ID_SCAN not in response.content, extra
        # (file=-1 is Python's last file: the answer's file, nothing else)
        assert response.status_code in (400, 404) or response.content == REPLY_FILE, extra
    for params in (
        {"tracking_number": answered.tracking_number, "file": "0"},
        {"tracking_number": answered.tracking_number, "query_code": "AAAAAAAAAA", "file": "0"},
    ):
        response = get(url, params=params)
        assert response.status_code == 404 and REPLY_FILE not in response.content


def test_the_answer_letter_names_the_applicant_and_nothing_more(scene, functional_portal):
    """The letter is addressed to the applicant by name (as the uniform
    format has it); it carries no other personal field."""
    _catalog, answered, code, _received, _org_code = scene
    letter = get(
        f"{functional_portal.absolute_url()}/@@disclosure-request-download",
        params={
            "tracking_number": answered.tracking_number,
            "query_code": code,
            "letter": "answer",
        },
    )
    assert letter.status_code == 200
    text = docx_text(letter.content)
    assert "李秀英" in text and REPLY in text
    for value in PERSONAL_VALUES[1:]:
        assert value not in text, value
