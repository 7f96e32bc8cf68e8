"""HEAD answers like GET (issue 14 item 10): uptime monitors use HEAD.

Real requests to the functional layer's WSGI server."""

from plone import api
from tests.helpers import make_item
from urllib.parse import urlsplit
import pytest
import socket
import transaction


@pytest.fixture
def news(functional_portal):
    item = make_item(functional_portal, "published", portal_type="News Item")
    transaction.commit()
    return item


@pytest.mark.parametrize("json", [False, True])
@pytest.mark.parametrize("path", ["", "/zh-cn", "/zh-cn/dept", "NEWS"])
def test_head_answers_like_get(request_factory, news, path, json):
    path = "/zh-cn/dept/" + news.getId() if path == "NEWS" else path
    session = request_factory(json=json)
    got = session.get(path, allow_redirects=False)
    head = session.head(path, allow_redirects=False)
    assert head.status_code == got.status_code, path
    assert head.content == b""
    if got.status_code == 302:  # the site root sends visitors to their language
        assert head.headers["Location"] == got.headers["Location"]
    else:
        assert got.status_code == 200
        assert head.headers["Content-Type"] == got.headers["Content-Type"]
        assert int(head.headers["Content-Length"]) > 0


def test_head_of_language_root_and_private_item(request_factory, functional_portal):
    anon = request_factory(json=False)
    assert anon.head("/zh-cn").status_code == 200
    draft = make_item(functional_portal, "private")
    transaction.commit()
    path = "/zh-cn/dept/" + draft.getId()
    # Security is GET's: a draft is not for anonymous visitors.
    assert (
        anon.head(path, allow_redirects=False).status_code
        == anon.get(path, allow_redirects=False).status_code
        != 200
    )
    assert request_factory("author", json=False).head(path).status_code == 200
    assert api.content.get_state(draft) == "private"


def test_webdav_clients_keep_zopes_head(request_factory):
    """A WebDAV client (a Depth header) still reaches Zope's own HEAD, whose
    answer for a folder without index_html is 404, as before."""
    anon = request_factory(json=False)
    assert anon.head("/zh-cn", headers={"Depth": "0"}).status_code == 404


def raw_head(portal_url, path):
    """The bytes a server sends for one HEAD on its own connection."""
    parts = urlsplit(portal_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        request = (
            f"HEAD {parts.path}{path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n"
        )
        sock.sendall(request.encode("ascii"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return data


@pytest.mark.parametrize("path", ["/zh-cn", "/no-such-page", "/zh-cn/@@site-health"])
def test_no_body_after_a_head_even_for_errors(functional_portal, path):
    """A 404 or a refusal rendered by an exception view is sent without its
    page too (a body after a HEAD desynchronises a kept-alive connection)."""
    transaction.commit()
    head, _sep, rest = raw_head(functional_portal.absolute_url(), path).partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 "), head[:80]
    assert rest == b"", (head.split(b"\r\n")[0], rest[:80])
