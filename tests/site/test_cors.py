"""Cross-origin REST calls (zhengwu.cors): an allowed origin gets
plone.rest's CORS headers on preflights and actual requests, another origin
and an empty ``CORS_ALLOW_ORIGINS`` get none; a cross-origin write with the
login cookie still needs ``X-CSRF-TOKEN``."""

from plone import api
from tests.helpers import classic_login
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from zhengwu import cors
import pytest
import transaction


FRONTEND = "http://localhost:3000"
OTHER = "https://evil.example.com"
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def allow(monkeypatch):
    """``allow(value)``: CORS_ALLOW_ORIGINS as `zhengwu configure` writes it."""

    def set_origins(value):
        monkeypatch.setenv(cors.ENVIRONMENT, value)

    set_origins(f"{FRONTEND}, https://www.example.gov.cn")
    return set_origins


def preflight(session, path, origin, method="POST", headers="content-type,x-csrf-token"):
    return session.options(
        path,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": headers,
        },
    )


def cors_headers(response):
    return {k: v for k, v in response.headers.items() if k.lower().startswith("access-control-")}


def test_a_preflight_from_an_allowed_origin(allow, anon_request):
    response = preflight(anon_request, "/zh-cn", FRONTEND)
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == FRONTEND
    assert response.headers["Access-Control-Allow-Credentials"] == "true"
    assert response.headers["Access-Control-Allow-Methods"] == "POST"
    allowed = {
        h.strip().lower() for h in response.headers["Access-Control-Allow-Headers"].split(",")
    }
    assert {"authorization", "content-type", "accept", "x-csrf-token"} <= allowed
    assert "Origin" in response.headers["Vary"]


def test_an_actual_request_from_an_allowed_origin(allow, anon_request):
    response = anon_request.get("/@search", headers={"Origin": FRONTEND})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == FRONTEND
    assert response.headers["Access-Control-Allow-Credentials"] == "true"
    exposed = {h.strip() for h in response.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"Retry-After", "Location"} <= exposed
    assert "Origin" in response.headers["Vary"]
    # Without Origin too: a caching proxy keeps the two answers apart.
    plain = anon_request.get("/@search")
    assert cors_headers(plain) == {}
    assert "Origin" in plain.headers["Vary"]


def test_an_error_answer_carries_the_headers_too(allow, anon_request):
    """A front-end must read the error body: a product endpoint's 400."""
    response = anon_request.get("/@working-days", headers={"Origin": FRONTEND})
    assert response.status_code == 400
    assert response.headers["Access-Control-Allow-Origin"] == FRONTEND


def test_an_origin_with_the_default_port_is_the_same(allow, anon_request):
    allow("https://www.example.gov.cn:443")
    response = anon_request.get("/@search", headers={"Origin": "https://www.example.gov.cn"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://www.example.gov.cn"


def test_another_origin_gets_no_header(allow, anon_request):
    assert cors_headers(preflight(anon_request, "/zh-cn", OTHER)) == {}
    assert cors_headers(anon_request.get("/@search", headers={"Origin": OTHER})) == {}
    # Nor a header the policy does not list.
    assert cors_headers(preflight(anon_request, "/zh-cn", FRONTEND, headers="x-evil")) == {}


def test_empty_means_no_cors(allow, anon_request):
    allow("")
    assert cors_headers(preflight(anon_request, "/zh-cn", FRONTEND)) == {}
    response = anon_request.get("/@search", headers={"Origin": FRONTEND})
    assert cors_headers(response) == {}
    assert "Origin" not in response.headers.get("Vary", "")


def test_a_cross_origin_cookie_write_still_needs_the_token(allow, functional_portal):
    """CORS lets the allowed front-end read answers; it does not exempt a
    write authenticated by the login cookie from the CSRF token."""
    box = make_box(functional_portal)
    petition, _code = make_petition(box, "submitted")
    transaction.commit()
    site = functional_portal.absolute_url()
    session, login = classic_login(site, "handler")
    assert "__ac" in session.cookies
    url = f"{petition.absolute_url()}/@workflow/reject"
    headers = {**JSON, "Origin": FRONTEND}
    refused = session.post(url, headers=headers, json={"comment": "跨域"}, timeout=60)
    assert refused.status_code == 403
    assert refused.headers["Access-Control-Allow-Origin"] == FRONTEND
    transaction.begin()
    assert api.content.get_state(petition) == "submitted"

    token = session.get(f"{site}/@csrf-token", headers=headers, timeout=60)
    assert token.headers["Access-Control-Allow-Origin"] == FRONTEND
    done = session.post(
        url,
        headers={**headers, "X-CSRF-TOKEN": token.json()["token"]},
        json={"comment": "不属于本信箱受理范围"},
        timeout=60,
    )
    assert done.status_code == 200, done.text
    transaction.begin()
    assert api.content.get_state(petition) == "rejected"


@pytest.mark.parametrize(
    "value,origins",
    [
        ("", ()),
        ("http://localhost:3000", ("http://localhost:3000",)),
        (
            "HTTPS://WWW.Example.gov.cn:443 , http://a.example.com:8080 http://localhost:3000",
            ("https://www.example.gov.cn", "http://a.example.com:8080", "http://localhost:3000"),
        ),
        ("http://[::1]:3000", ("http://[::1]:3000",)),
    ],
)
def test_origins_are_read_as_browsers_write_them(value, origins):
    assert cors.parse_origins(value) == origins


@pytest.mark.parametrize(
    "value",
    [
        "*",
        "localhost:3000",
        "www.example.gov.cn",
        "https://www.example.gov.cn/",
        "https://www.example.gov.cn/app",
        "ftp://example.com",
        "https://user@example.com",
        "https://example.com:99999",
        "https://exa mple.com",
        "https://-bad-.example.com",
    ],
)
def test_a_bad_origin_is_named(value):
    with pytest.raises(ValueError, match="is not an origin"):
        cors.parse_origins(f"http://localhost:3000,{value}")
