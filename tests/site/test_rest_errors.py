"""Every product REST endpoint answers errors in one shape (docs/rest-api.md,
``zhengwu.rest``): ``{"error": {"type", "message", "field"?, "errors"?}}``
and nothing else; 401, 403, 404 and 429 carry their own types, 429 a
numeric ``Retry-After``.

The endpoints are found in the component registry, as plone.rest
registered them, so a new endpoint without a bad request below fails here.
"""

from pathlib import Path
from plone import api
from tests.helpers import auth
from tests.helpers import make_item
from tests.participation.consultation_helpers import make_consultation
from tests.participation.interview_helpers import make_interview
from tests.participation.survey_helpers import make_survey
from tests.petitions.helpers import make_box
from tests.requests.helpers import make_catalog
from zhengwu.rest import AnswersRefusals
from zhengwu.submissions import throttle
from zope.component import getGlobalSiteManager
import pytest
import requests
import transaction
import yaml


ROOT = Path(__file__).resolve().parents[2]
ERROR_KEYS = {"type", "message", "field", "errors"}

# One bad request per endpoint and method: (path, user, params or JSON
# body, status). Paths start at the site root; {catalog}, {box}, {item}
# and {consultation} are made by the fixture. None: the endpoint refuses nothing (no
# parameters, no body, public).
BAD_REQUESTS = {
    ("@disclosure-catalog", "GET"): ("{catalog}/@disclosure-catalog", None, {"year": "x"}, 400),
    ("@index-number", "GET"): ("@index-number/11999900MB0000010H/1999-99999", None, {}, 404),
    ("@service-guides", "GET"): ("zh-cn/dept/@service-guides", None, {"theme": "flying"}, 400),
    ("@site-search", "GET"): (
        "zh-cn/@site-search",
        None,
        {"q": "公开", "since": "2026-13-01"},
        400,
    ),
    ("@service-guides", "POST"): ("zh-cn/dept/@service-guides", "siteadmin", [1], 400),
    ("@service-guide-report", "GET"): (
        "zh-cn/dept/@service-guide-report",
        "siteadmin",
        {"b_size": "0"},
        400,
    ),
    ("@petitions", "POST"): ("{box}/@petitions", None, {"title": 1}, 400),
    ("@petition-status", "GET"): ("@petition-status", None, {"tracking_number": "LY1"}, 400),
    ("@petition-rating", "POST"): ("@petition-rating", None, {"query_code": 5}, 400),
    ("@petition-stats", "GET"): ("@petition-stats", None, {"year": "1999"}, 400),
    ("@petition-alarm", "GET"): ("@petition-alarm", "siteadmin", {"b_start": "-1"}, 400),
    ("@petition-worklist", "GET"): ("@petition-worklist", "handler", {"b_size": "x"}, 400),
    ("@disclosure-requests", "POST"): ("{catalog}/@disclosure-requests", None, "[1]", 400),
    ("@disclosure-request-status", "GET"): ("@disclosure-request-status", None, {}, 400),
    ("@disclosure-request-correction", "POST"): (
        "@disclosure-request-correction",
        None,
        "{not json",
        400,
    ),
    ("@disclosure-request-worklist", "GET"): (
        "@disclosure-request-worklist",
        "officer",
        {"b_size": "100000"},
        400,
    ),
    ("@disclosure-annual-report", "GET"): ("@disclosure-annual-report", None, {"organ": "x"}, 400),
    ("@working-days", "GET"): ("@working-days", None, {"start": "2026-02-30", "days": "1"}, 400),
    ("@audit-log", "GET"): ("@audit-log", "siteadmin", {"since": "yesterday"}, 400),
    ("@workflow", "POST"): ("{item}/@workflow/submit", "author", {"comment": 1}, 400),
    ("@prepublish-checks", "GET"): (
        "{item}/@prepublish-checks",
        "author",
        {"transition": "fly"},
        400,
    ),
    ("@login", "POST"): ("@login", None, {}, 400),
    ("@site-identity", "GET"): None,
    ("@csrf-token", "GET"): None,
    ("@openapi", "GET"): None,
    ("@website-annual-report", "GET"): ("@website-annual-report", "siteadmin", {"year": "x"}, 400),
    ("@supervision-run", "POST"): ("@supervision-run", "siteadmin", {"task": "fly"}, 400),
    ("@site-health", "GET"): ("@site-health", "editor", {}, 401),
    ("@two-factor-reset", "POST"): (
        "@two-factor-reset",
        "siteadmin",
        {"userid": "handler", "reason": "x"},
        401,
    ),
    # plone.restapi's, with the password rules (zhengwu.security.services.users)
    ("@users", "POST"): (
        "@users",
        "siteadmin",
        {"username": "newbie", "email": "newbie@example.gov.cn", "password": "short"},
        400,
    ),
    ("@users", "PATCH"): ("@users/member", "member", {"password": "short"}, 400),
    ("@survey-answer", "POST"): ("{survey}/@survey-answer", None, {"satisfaction": "飞"}, 400),
    ("@survey-summary", "GET"): ("{survey}/@survey-summary", None, {}, 401),
    ("@interviews", "GET"): ("@interviews", None, {"phase": "soon"}, 400),
    ("@interview-questions", "POST"): ("{interview}/@interview-questions", None, {"text": 1}, 400),
    ("@interview-questions", "GET"): (
        "{interview}/@interview-questions",
        None,
        {"all": ["1", "1"]},
        400,
    ),
    ("@consultations", "GET"): ("@consultations", None, {"year": "x"}, 400),
    ("@opinions", "GET"): ("{consultation}/@opinions", None, {"b_size": "0"}, 400),
    ("@opinions", "POST"): ("{consultation}/@opinions", None, {"text": 1}, 400),
}


def service_registrations():
    """``(name, factory)`` of every plone.rest service: a named adapter
    ``<METHOD>_<media type>_@name`` whose factory subclasses the class the
    ZCML names. The test layers stack registries: each is read."""
    seen, registries = set(), [getGlobalSiteManager()]
    while registries:
        registry = registries.pop()
        if id(registry) in seen:
            continue
        seen.add(id(registry))
        registries.extend(registry.__bases__)
        for registration in registry.registeredAdapters():
            name = registration.name or ""
            if "_@" in name and isinstance(registration.factory, type):
                yield name, registration.factory


def product_services():
    """{(name, method)} of the services whose factory is Zhengwu's."""
    return {
        (name[name.index("_@") + 1 :], factory.method)
        for name, factory in service_registrations()
        if factory.__bases__[0].__module__.startswith("zhengwu.")
    }


def documented_services():
    spec = yaml.safe_load((ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8"))
    return {
        segment
        for path in spec["paths"]
        for segment in path.split("/")
        # plone.restapi's @controlpanels; @@views are Plone's pages, no services
        if segment.startswith("@") and not segment.startswith("@@") and segment != "@controlpanels"
    }


def check_shape(response):
    """The error body, checked key by key: ``error`` and nothing else."""
    assert response.headers["Content-Type"].startswith("application/json"), response.text[:300]
    data = response.json()
    assert set(data) == {"error"}, data
    error = data["error"]
    assert set(error) <= ERROR_KEYS and {"type", "message"} <= set(error), error
    assert isinstance(error["type"], str) and error["type"], error
    assert isinstance(error["message"], str) and error["message"].strip(), error
    if "field" in error:
        assert isinstance(error["field"], str) and error["field"], error
    if "errors" in error:
        assert isinstance(error["errors"], list) and error["errors"], error
        for entry in error["errors"]:
            assert set(entry) == {"field", "message"} and entry["message"], entry
    return error


@pytest.fixture
def site(functional_portal):
    """The site, a published catalog, an open mailbox and a private item."""
    portal = functional_portal
    places = {
        "catalog": make_catalog(portal),
        "box": make_box(portal, anonymous_submission=True),
        "item": make_item(portal, "private"),
        "survey": make_survey(portal),
        "interview": make_interview(portal),
        "consultation": make_consultation(portal),
    }
    transaction.commit()
    root = portal.absolute_url()
    paths = {k: obj.absolute_url()[len(root) + 1 :] for k, obj in places.items()}
    return root, paths, places


@pytest.fixture(autouse=True)
def fresh_limits():
    """Per-client limits untouched by other tests, and reset for the next."""
    throttle.SUBMISSIONS.reset()
    throttle.LOOKUPS.reset()
    yield
    throttle.SUBMISSIONS.reset()
    throttle.LOOKUPS.reset()


def call(method, url, user=None, data=None):
    """One JSON request: ``data`` as query parameters of a GET, as the body
    of a POST (a str is sent as it is: a body that is no JSON object)."""
    options = {"headers": {"Accept": "application/json"}, "auth": auth(user or "Anonymous")}
    if method == "GET":
        options["params"] = data
    elif isinstance(data, str):
        options["data"] = data
        options["headers"]["Content-Type"] = "application/json"
    else:
        options["json"] = data
    return requests.request(method, url, timeout=60, **options)


def test_the_walk_finds_every_endpoint(functional_portal):
    found = product_services()
    names = {name for name, _method in found}
    assert names == documented_services(), names ^ documented_services()
    missing = found - set(BAD_REQUESTS)
    assert not missing, f"give these endpoints a bad request in BAD_REQUESTS: {missing}"
    assert set(BAD_REQUESTS) <= found, set(BAD_REQUESTS) - found


def test_every_endpoint_answers_through_zhengwu_rest(functional_portal):
    """All but @login, plone.restapi's own with an audit record added."""
    for name, factory in service_registrations():
        if factory.__bases__[0].__module__.startswith("zhengwu.") and "@login" not in name:
            assert issubclass(factory, AnswersRefusals), name


@pytest.mark.parametrize("service", sorted(BAD_REQUESTS), ids="{0[1]} {0[0]}".format)
def test_a_bad_request_answers_the_shared_shape(site, service):
    case = BAD_REQUESTS[service]
    if case is None:
        pytest.skip(f"{service[0]} takes no parameters and refuses no one")
    root, paths, _places = site
    path, user, data, status = case
    response = call(service[1], f"{root}/{path.format(**paths)}", user, data)
    assert response.status_code == status, response.text[:500]
    error = check_shape(response)
    if service[0] != "@login":  # plone.restapi's own types ("Missing credentials")
        assert error["type"] == {400: "BadRequest", 401: "Unauthorized", 404: "NotFound"}[status], (
            error
        )


def test_field_errors_list_every_field(site):
    root, paths, _places = site
    response = call("POST", f"{root}/{paths['box']}/@petitions", None, {"title": "", "x": 1})
    assert response.status_code == 400
    error = check_shape(response)
    fields = [e["field"] for e in error["errors"]]
    assert "title" in fields and "x" in fields
    assert error["field"] == fields[0] and error["message"] == error["errors"][0]["message"]


@pytest.mark.parametrize(
    "path",
    [
        "@index-number/11999900MB0000010H/2026-99999",
        "@petition-status?tracking_number=LY20260101000000&query_code=ABCDEFGHJK",
        "@disclosure-request-status?tracking_number=YSQ20260101000000&query_code=ABCDEFGHJK",
    ],
)
def test_not_found_has_its_own_type(site, path):
    root, _paths, _places = site
    response = call("GET", f"{root}/{path}")
    assert response.status_code == 404
    assert check_shape(response)["type"] == "NotFound"


def test_too_many_wrong_codes_is_429_with_retry_after(site):
    root, _paths, _places = site
    limit = api.portal.get_registry_record("zhengwu.submissions.failed_lookups_per_window")
    params = {"tracking_number": "LY20260101000000", "query_code": "ABCDEFGHJK"}
    for _attempt in range(limit):
        assert call("GET", f"{root}/@petition-status", None, params).status_code == 404
    for name in ("@petition-status", "@disclosure-request-status"):
        response = call("GET", f"{root}/{name}", None, params)
        assert response.status_code == 429
        assert check_shape(response)["type"] == "TooManyRequests"
        window = api.portal.get_registry_record("zhengwu.submissions.window_minutes") * 60
        assert 0 < int(response.headers["Retry-After"]) <= window


def test_too_many_submissions_is_429_with_retry_after(site):
    root, paths, _places = site
    limit = api.portal.get_registry_record("zhengwu.submissions.submissions_per_window")
    for _submission in range(limit):
        throttle.SUBMISSIONS.hit("127.0.0.1")  # the server runs in this process
    response = call("POST", f"{root}/{paths['box']}/@petitions", None, {})
    assert response.status_code == 429
    assert check_shape(response)["type"] == "TooManyRequests"
    assert int(response.headers["Retry-After"]) > 0


@pytest.mark.parametrize("user", ["Anonymous", "member"])
def test_an_endpoint_refused_by_its_permission_is_401_in_the_shape(site, user):
    root, _paths, _places = site
    response = call("GET", f"{root}/@audit-log", user)
    assert response.status_code == 401
    assert check_shape(response)["type"] == "Unauthorized"


def test_plone_restapi_keeps_its_own_401(site):
    """Only product endpoints answer in the product's shape."""
    root, _paths, _places = site
    response = call("GET", f"{root}/@users")
    assert response.status_code == 401
    assert response.json()["type"] == "Unauthorized"


def test_a_closed_mailbox_is_403_with_the_reason(site):
    closed = make_box(api.portal.get(), anonymous_submission=False)
    transaction.commit()
    response = call("POST", f"{closed.absolute_url()}/@petitions", None, {})
    assert response.status_code == 403
    error = check_shape(response)
    assert error["type"] == "Forbidden" and error["message"]
