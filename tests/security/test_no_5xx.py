"""Finding 9 of issue 17: bad input from anyone answers 4xx, never 5xx.

Each reproduction below was a 500 (or 503) before the fix; ``test_none``
runs them all against the functional layer's real HTTP server and counts
the answers of 500 and more: none. The single tests name what each one
must answer.
"""

from base64 import b64encode
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.helpers import auth
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from tests.requests.helpers import make_catalog
import json
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
DEEP = "[" * 50_000 + "]" * 50_000
BOXES = json.dumps(
    {
        "criteria": [
            {
                "i": "portal_type",
                "o": "plone.app.querystring.operation.selection.any",
                "v": ["PetitionBox"],
            }
        ]
    }
)


@pytest.fixture
def site(functional_portal):
    portal = functional_portal
    box = make_box(portal, anonymous_submission=True)
    catalog = make_catalog(portal)
    petition, _code = make_petition(
        box,
        attachments=[{"data": "%PDF-1.4\n%%EOF\n", "filename": "a.pdf"}],
    )
    transaction.commit()
    return (
        portal.absolute_url(),
        box.absolute_url(),
        catalog.absolute_url(),
        petition.absolute_url(),
    )


def reproductions(site):
    """``(name, method, url, keywords for requests.request, status)`` of
    every 500 the attack found, with what each answers now."""
    root, box, catalog, petition = site
    admin = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    not_utf8 = "Basic " + b64encode("管理员:密码".encode("gbk")).decode()
    plain = {"Accept": "application/json", "Content-Type": "text/plain"}
    return [
        ("deep JSON @petitions", "POST", f"{box}/@petitions", {"data": DEEP, "headers": JSON}, 400),
        (
            "deep JSON @disclosure-requests",
            "POST",
            f"{catalog}/@disclosure-requests",
            {"data": DEEP, "headers": JSON},
            400,
        ),
        (
            "deep JSON @petition-rating",
            "POST",
            f"{root}/@petition-rating",
            {"data": DEEP, "headers": JSON},
            400,
        ),
        (
            "deep JSON @disclosure-request-correction",
            "POST",
            f"{root}/@disclosure-request-correction",
            {"data": DEEP, "headers": JSON},
            400,
        ),
        (
            "deep JSON as text/plain",
            "POST",
            f"{root}/@petition-rating",
            {"data": DEEP, "headers": plain},
            400,
        ),
        ("deep JSON @login", "POST", f"{root}/@login", {"data": DEEP, "headers": JSON}, 400),
        (
            "@search sort_limit=abc",
            "GET",
            f"{root}/@search",
            {"params": {"sort_limit": "abc"}, "headers": JSON},
            400,
        ),
        (
            "@search b_size=-1",
            "GET",
            f"{root}/@search",
            {"params": {"b_size": "-1"}, "headers": JSON},
            400,
        ),
        (
            "@@getVocabulary without attributes",
            "GET",
            f"{root}/@@getVocabulary",
            {"params": {"name": "plone.app.vocabularies.Catalog", "query": BOXES}, "auth": admin},
            200,
        ),
        (
            "@@getVocabulary with a word for a query",
            "GET",
            f"{root}/@@getVocabulary",
            {"params": {"name": "plone.app.vocabularies.Catalog", "query": "abc"}, "auth": admin},
            400,
        ),
        (
            "@@getVocabulary with a query it cannot read",
            "GET",
            f"{root}/@@getVocabulary",
            {
                "params": {"name": "plone.app.vocabularies.Catalog", "query": '{"criteria": 5}'},
                "auth": admin,
            },
            400,
        ),
        (
            "@@download/attachments",
            "GET",
            f"{petition}/@@download/attachments",
            {"auth": auth("handler")},
            404,
        ),
        (
            "@@display-file/attachments",
            "GET",
            f"{petition}/@@display-file/attachments",
            {"auth": auth("handler")},
            404,
        ),
        (
            "@@history as site administrator",
            "GET",
            f"{petition}/@@history",
            {"auth": auth("siteadmin")},
            404,
        ),
        ("Basic credentials not UTF-8", "GET", root, {"headers": {"Authorization": not_utf8}}, 200),
        (
            "Basic credentials not UTF-8, protected",
            "GET",
            f"{root}/@audit-log",
            {"headers": {"Authorization": not_utf8, "Accept": "application/json"}},
            401,
        ),
        (
            "Basic credentials no base64",
            "GET",
            root,
            {"headers": {"Authorization": "Basic !!!"}},
            200,
        ),
        (
            "@login with a JSON list",
            "POST",
            f"{root}/@login",
            {"data": "[1]", "headers": JSON},
            400,
        ),
        (
            "@login with a JSON string",
            "POST",
            f"{root}/@login",
            {"data": '"x"', "headers": JSON},
            400,
        ),
        (
            "control panel PATCH with a JSON list",
            "PATCH",
            f"{root}/@controlpanels/zhengwu-submissions",
            {"data": "[1]", "headers": JSON, "auth": admin},
            400,
        ),
        ("unknown HTTP method", "FLY", root, {}, 405),
        ("unknown HTTP method on a REST path", "FLY", f"{root}/@search", {"headers": JSON}, 405),
        (
            "multipart without a boundary",
            "POST",
            f"{box}/@petitions",
            {
                "data": b"x",
                "headers": {"Accept": "application/json", "Content-Type": "multipart/form-data"},
            },
            400,
        ),
        (
            "multipart without a boundary, classic",
            "POST",
            f"{root}/login_form",
            {"data": b"x", "headers": {"Content-Type": "multipart/form-data"}},
            400,
        ),
        (
            "JSON body over 2 MB",
            "POST",
            f"{root}/@petition-rating",
            {"data": '{"x": "' + "a" * (2 * 1024 * 1024) + '"}', "headers": JSON},
            413,
        ),
    ]


NAMES = [case[0] for case in reproductions(("r", "b", "c", "p"))]


@pytest.mark.parametrize("name", NAMES)
def test_each(site, name):
    _name, method, url, options, status = next(c for c in reproductions(site) if c[0] == name)
    response = requests.request(method, url, timeout=120, **options)
    assert response.status_code == status, response.text[:300]
    if name == "@@getVocabulary without attributes":
        results = response.json()["results"]
        assert results and all(item["UID"] and item["Title"] for item in results), results


def test_none(site):
    """The reproductions together: no answer of 500 or more."""
    answers = {}
    for name, method, url, options, _status in reproductions(site):
        answers[name] = requests.request(method, url, timeout=120, **options).status_code
    assert answers and not {name: s for name, s in answers.items() if s >= 500}, answers
