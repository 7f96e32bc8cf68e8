"""The security headers of every answer (issue 17, *Headers*): pages, REST
answers, error pages and file downloads carry ``nosniff``, the
Content-Security-Policy, the Referrer-Policy and the Permissions-Policy;
cookies set over HTTPS are ``Secure``."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from tests.helpers import auth
from zhengwu.testing import TEST_PASSWORD
import pytest
import requests
import transaction


HEADERS = (
    "X-Content-Type-Options",
    "Content-Security-Policy",
    "Referrer-Policy",
    "Permissions-Policy",
)


def check(response):
    missing = [h for h in HEADERS if not response.headers.get(h)]
    assert not missing, (response.status_code, response.url, missing)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    permissions = response.headers["Permissions-Policy"]
    assert all(f"{p}=()" in permissions for p in ("camera", "microphone", "geolocation"))


@pytest.mark.parametrize(
    "path, user, accept, status",
    [
        ("", None, None, 200),
        ("zh-cn", None, None, 200),
        ("", None, "application/json", 200),
        ("@search", None, "application/json", 200),
        ("no-such-page", None, None, 404),
        ("@audit-log", None, "application/json", 401),
        ("zh-cn/dept", "editor", None, 200),
        ("@@overview-controlpanel", "siteadmin", None, 200),
    ],
)
def test_every_answer_carries_them(portal_url, path, user, accept, status):
    headers = {"Accept": accept} if accept else {}
    response = requests.get(
        f"{portal_url}/{path}", headers=headers, auth=auth(user or "Anonymous"), timeout=60
    )
    assert response.status_code == status, response.text[:200]
    check(response)


def test_a_file_download_carries_them(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(
            container=functional_portal,
            type="File",
            id="report",
            file=NamedBlobFile(b"%PDF-1.4\n%%EOF\n", filename="report.pdf"),
        )
    transaction.commit()
    response = requests.get(
        f"{item.absolute_url()}/@@download/file",
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=60,
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    check(response)


def login_form(portal_url, base):
    """The classic login through ``base`` (the site's address as a proxy
    gives it); the session's cookies."""
    session = requests.Session()
    response = session.post(
        f"{base}/login",
        data={
            "__ac_name": "editor",
            "__ac_password": TEST_PASSWORD,
            "buttons.login": "Log in",
            "came_from": "",
        },
        allow_redirects=False,
        timeout=60,
    )
    return response


def test_cookies_are_secure_over_https(functional_portal):
    app = functional_portal.aq_parent
    if "virtual_hosting" not in app.objectIds():  # as a production instance has
        app.manage_addProduct["SiteAccess"].manage_addVirtualHostMonster("virtual_hosting")
        transaction.commit()
    root = functional_portal.absolute_url()
    server = root.rsplit("/plone", 1)[0]
    over_https = f"{server}/VirtualHostBase/https/www.example.gov.cn:443/plone/VirtualHostRoot"
    response = login_form(root, over_https)
    cookies = response.headers.get("Set-Cookie", "")
    assert "__ac=" in cookies, (response.status_code, cookies, response.text[:300])
    assert "; Secure" in cookies or "; secure" in cookies, cookies
    check(response)
    # over plain HTTP (a development machine) the cookie cannot be Secure
    plain = login_form(root, root).headers.get("Set-Cookie", "")
    assert "__ac=" in plain and "secure" not in plain.lower(), plain
