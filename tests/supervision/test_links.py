"""Link checking against a local HTTP server this test starts (never the
internet): 200, 301 → 200, 404, 500, a timeout, a refused connection; broken
internal links (resolveuid of a deleted item, a missing page, an
unpublished target) and a missing attachment, each with its page."""

from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.indexing import processQueue
from tests.helpers import make_item
from tests.helpers import PATH_TO
from zhengwu.supervision import links
from zope.annotation.interfaces import IAnnotations
import collections
import os
import pytest
import socket
import threading
import time


SLOW = 2.5  # seconds the /slow handler sleeps; the checker waits 0.5


class Handler(BaseHTTPRequestHandler):
    hits = collections.Counter()
    agents = []

    def _answer(self, with_body):
        Handler.hits[self.command, self.path] += 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        path = self.path.split("?")[0]
        if path == "/slow":
            time.sleep(SLOW)
        status, headers = {
            "/ok": (200, {}),
            "/slow": (200, {}),
            "/moved": (301, {"Location": "/ok"}),
            "/loop": (302, {"Location": "/loop"}),
            # to another loopback address, outside the allowed 127.0.0.1/32
            "/inward": (302, {"Location": f"http://127.0.0.2:{self.server.server_address[1]}/ok"}),
            "/missing": (404, {}),
            "/error": (500, {}),
        }.get(path, (404, {}))
        if path == "/nohead":
            status = 405 if self.command == "HEAD" else 200
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends


def publish(item):
    for transition, userid in PATH_TO["published"]:
        with api.env.adopt_user(username=userid):
            api.content.transition(item, transition=transition, comment="测试")
    return item


def page(portal, html, state="published", title="链接测试页"):
    item = make_item(portal, "private", title=title)
    item.text = RichTextValue(html, "text/html", "text/x-html-safe")
    if state == "published":
        publish(item)
    return item


@pytest.fixture
def fast(portal):
    api.portal.set_registry_record("zhengwu.supervision.links.timeout", 0.5)
    api.portal.set_registry_record("zhengwu.supervision.links.budget", 60)
    # The test server is on loopback, which the checker never asks unless told.
    api.portal.set_registry_record("zhengwu.supervision.links.reachable_networks", ["127.0.0.1/32"])
    Handler.hits.clear()
    Handler.agents.clear()
    return portal


def by_url(data):
    return {entry["url"]: entry for entry in data["broken"]}


def test_external_links_six_cases(fast, server):
    portal = fast
    refused = f"http://127.0.0.1:{closed_port()}/"
    html = (
        "".join(
            f'<p><a href="{url}">x</a></p>'
            for url in (
                f"{server}/ok",
                f"{server}/moved",
                f"{server}/missing",
                f"{server}/error",
                f"{server}/slow",
                refused,
                f"{server}/nohead",
                f"{server}/loop",
            )
        )
        + f'<img src="{server}/ok" alt="">'
    )
    item = page(portal, html)
    data = links.check_links(portal)
    broken = by_url(data)
    path = "/".join(item.getPhysicalPath())
    assert broken[f"{server}/missing"]["status"] == 404
    assert broken[f"{server}/error"]["status"] == 500
    assert broken[f"{server}/slow"]["status"] == "timeout"
    assert broken[refused]["status"] == "refused"
    assert broken[f"{server}/loop"]["status"] == "redirects"
    for entry in broken.values():
        assert entry["page_path"] == path
        assert entry["page_title"] == "链接测试页"
    # 200, 301 → 200 and a HEAD refused with 405 but answered to GET: not broken
    assert f"{server}/ok" not in broken
    assert f"{server}/moved" not in broken
    assert f"{server}/nohead" not in broken
    assert Handler.hits["GET", "/nohead"] == 1
    assert Handler.hits["HEAD", "/moved"] == 1 and Handler.hits["HEAD", "/ok"] >= 1
    assert data["external_count"] == 8
    assert all("Zhengwu-LinkChecker" in agent for agent in Handler.agents)
    # stored on the portal as plain data for the dashboard
    stored = IAnnotations(portal)[links.ANNOTATION_KEY]
    assert stored["checked"].endswith("+08:00")
    assert len(stored["broken"]) == stored["broken_count"] == 5


def test_results_are_remembered_between_runs(fast, server):
    portal = fast
    page(portal, f'<a href="{server}/ok">a</a><a href="{server}/missing">b</a>')
    links.check_links(portal)
    asked = sum(Handler.hits.values())
    assert asked >= 2
    again = links.check_links(portal)
    assert sum(Handler.hits.values()) == asked  # nobody asked twice within the interval
    assert f"{server}/missing" in by_url(again)
    api.portal.set_registry_record("zhengwu.supervision.links.recheck_hours", 0)
    try:
        links.check_links(portal)
    finally:
        api.portal.set_registry_record("zhengwu.supervision.links.recheck_hours", 24)
    assert sum(Handler.hits.values()) > asked


def test_budget_leaves_links_for_the_next_run(fast, server):
    portal = fast
    api.portal.set_registry_record("zhengwu.supervision.links.recheck_hours", 0)
    try:
        page(portal, "".join(f'<a href="{server}/slow?{n}">x</a>' for n in range(6)))
        data = links.check_links(portal, budget=0.2)
    finally:
        api.portal.set_registry_record("zhengwu.supervision.links.recheck_hours", 24)
    assert data["unchecked_count"] > 0


def test_internal_links(fast):
    portal = fast
    target = publish(make_item(portal, "private", title="已发布目标"))
    draft = make_item(portal, "private", title="草稿目标")
    gone = make_item(portal, "private", title="将被删除")
    gone_uid = gone.UID()
    api.content.delete(gone, check_linkintegrity=False)
    site = portal.absolute_url()
    html = (
        f'<a href="resolveuid/{target.UID()}">ok</a>'
        f'<a href="{site}/resolveuid/{gone_uid}">deleted</a>'
        f'<a href="{site}/zh-cn/dept/no-such-page">missing</a>'
        f'<a href="{site}/zh-cn/dept/{draft.getId()}/view">draft</a>'
        f'<a href="resolveUid/{draft.UID()}">draft by uid</a>'
        f'<a href="{target.getId()}">relative ok</a>'
        f'<a href="/{portal.getId()}/zh-cn/dept/{target.getId()}/@@images/image">view ok</a>'
        f'<a href="https://www.example.gov.cn/zh-cn/dept/gone-too">public address</a>'
        '<a href="mailto:office@example.gov.cn">mail</a><a href="#top">anchor</a>'
        '<a href="http://[broken/">malformed</a>'
    )
    api.portal.set_registry_record(
        "zhengwu.supervision.links.site_url", "https://www.example.gov.cn"
    )
    try:
        item = page(portal, html, title="内部链接页")
        hidden = page(portal, f'<a href="{site}/nowhere">x</a>', state="private")
        data = links.check_links(portal)
    finally:
        api.portal.set_registry_record("zhengwu.supervision.links.site_url", "")
    broken = by_url(data)
    assert broken[f"{site}/resolveuid/{gone_uid}"]["status"] == "not_found"
    assert broken[f"{site}/zh-cn/dept/no-such-page"]["status"] == "not_found"
    assert broken[f"{site}/zh-cn/dept/{draft.getId()}/view"]["status"] == "unpublished"
    assert broken[f"resolveUid/{draft.UID()}"]["status"] == "unpublished"
    assert broken["https://www.example.gov.cn/zh-cn/dept/gone-too"]["status"] == "not_found"
    assert broken["http://[broken/"]["status"] == "error"
    assert len(broken) == 6, broken
    path = "/".join(item.getPhysicalPath())
    assert {e["page_path"] for e in data["broken"]} == {path}
    assert {e["page_title"] for e in data["broken"]} == {"内部链接页"}
    assert f"{site}/nowhere" not in broken  # the page is not published
    assert data["external_count"] == 0
    assert hidden is not None


def test_missing_attachment(fast):
    portal = fast
    item = make_item(portal, "private", portal_type="File", title="附件")
    item.file = NamedBlobFile(b"%PDF-1.4 test", filename="report.pdf")
    publish(item)
    fine = make_item(portal, "private", portal_type="File", title="完好附件")
    fine.file = NamedBlobFile(b"%PDF-1.4 fine", filename="fine.pdf")
    publish(fine)
    processQueue()  # index now: the catalog reads the file's size
    blob = item.file._blob
    os.remove(blob._p_blob_uncommitted or blob.committed())
    data = links.check_links(portal)
    entries = [e for e in data["broken"] if e["status"] == "missing_file"]
    assert [(e["url"], e["page_path"], e["page_title"]) for e in entries] == [
        ("report.pdf", "/".join(item.getPhysicalPath()), "附件")
    ]
    assert data["attachment_count"] >= 2


def test_personal_fields_are_never_read(portal):
    """A petition's personal fields (read permission of their own) stay
    unread; its public text is read."""
    from tests.petitions.helpers import make_box
    from tests.petitions.helpers import make_petition
    from zhengwu.supervision.extract import item_links

    petition, _code = make_petition(
        make_box(portal),
        content="请参见 https://public.example.gov.cn/notice 的规定。",
        address="https://personal.example.com/home",
    )
    found, _files = item_links(petition)
    assert "https://public.example.gov.cn/notice" in found
    assert "https://personal.example.com/home" not in found


def test_internal_addresses_are_not_asked(fast, server):
    """A published link (an editor's, or a citizen's in a published message)
    must not make the server probe its own network: loopback, private and
    link-local addresses are reported without a request, redirects too."""
    portal = fast
    api.portal.set_registry_record("zhengwu.supervision.links.reachable_networks", [])
    inside = (
        f"{server}/ok",  # loopback, no longer allowed
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1:5432/",
    )
    first = page(portal, "".join(f'<a href="{url}">x</a>' for url in inside))
    broken = by_url(links.check_links(portal))
    for url in inside:
        assert broken[url]["status"] == "internal", url
    assert not Handler.hits  # nothing was asked

    # Allowed, the server is asked; its redirect to another internal address is not followed.
    api.portal.set_registry_record("zhengwu.supervision.links.reachable_networks", ["127.0.0.1/32"])
    first.text = RichTextValue("<p>（已删除链接）</p>", "text/html", "text/x-html-safe")
    Handler.hits.clear()
    page(portal, f'<a href="{server}/inward">x</a>')
    broken = by_url(links.check_links(portal))
    assert broken[f"{server}/inward"]["status"] == "internal"
    assert "127.0.0.2" in broken[f"{server}/inward"]["error"]
    assert Handler.hits["HEAD", "/inward"] >= 1
    assert not any(path == "/ok" for _method, path in Handler.hits)


def test_run_limits_are_bounded(portal):
    values = links.settings(budget=float("inf"), timeout=1e300)
    assert values["budget"] == links.LIMITS["budget"]
    assert values["timeout"] == links.LIMITS["timeout"]
