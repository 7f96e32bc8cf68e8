"""deploy/varnish/zhengwu.vcl against a scripted backend: a real varnishd
(with the configuration `python -m zhengwu.instance.stack` renders) in front
of a small HTTP server whose answers carry the headers under test. Fast
(no Zope), but it starts varnishd: marked slow."""

from .conftest import free_ports
from .conftest import require_programs
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from zhengwu.instance import stack as stack_module
import collections
import json
import os
import pytest
import requests
import shutil
import signal
import subprocess
import threading
import time


pytestmark = [pytest.mark.slow]

# path → the response headers the backend answers with
ANSWERS = {
    "/public": {"Cache-Control": "max-age=0, s-maxage=3600, must-revalidate"},
    "/browser-only": {"Cache-Control": "max-age=60"},
    "/private": {"Cache-Control": "private, max-age=60"},
    "/no-store": {"Cache-Control": "no-store"},
    "/no-cache": {"Cache-Control": "no-cache, s-maxage=60"},
    "/no-header": {"Expires": "Sat, 1 Jan 2000 00:00:00 GMT"},
    "/zero": {"Cache-Control": "max-age=0, must-revalidate"},
    "/set-cookie": {"Cache-Control": "s-maxage=3600", "Set-Cookie": "x=1; Path=/"},
}


class Backend(BaseHTTPRequestHandler):
    hits = collections.Counter()
    seen = []

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        if path == "/haproxy-health":
            return self._answer(200, {}, b"ok")
        type(self).hits[path] += 1
        type(self).seen.append({"path": self.path, **dict(self.headers.items())})
        headers = dict(ANSWERS.get(path, ANSWERS["/public"]))
        if "application/json" in self.headers.get("Accept", ""):
            headers["Content-Type"] = "application/json"
            body = json.dumps({"path": path, "n": type(self).hits[path]}).encode()
        else:
            headers["Content-Type"] = "text/html; charset=utf-8"
            body = f"<p>{path} {type(self).hits[path]}</p>".encode()
        return self._answer(200, headers, body)

    do_POST = do_GET  # noqa: N815

    def _answer(self, status, headers, body):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


class Varnish:
    def __init__(self, folder, backend_port, port, purgers):
        self.folder = folder
        stack_module.render(
            folder,
            ["127.0.0.1:1"],
            ("127.0.0.1", backend_port),
            "127.0.0.1:1",
            purgers,
            folder / "haproxy.sock",
        )
        self.url = f"http://localhost:{port}"
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        command = [varnishd, "-F", "-n", str(folder / "varnish"), "-a", f"127.0.0.1:{port}"]
        if not stack_module._jail_possible(folder):
            command += ["-j", "none"]
        command += ["-f", str(folder / "zhengwu.vcl"), "-p", f"vcl_path={folder}"]
        command += ["-s", "malloc,32m"]
        self.log = open(folder / "varnishd.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603
            command, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(f"{self.url}/haproxy-health", timeout=2)
                break
            except requests.ConnectionError:
                assert self.process.poll() is None, (folder / "varnishd.log").read_text()
                assert time.monotonic() < deadline, "varnishd did not start"
                time.sleep(0.2)

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(30)
        self.log.close()


@pytest.fixture(scope="module")
def backend():
    require_programs()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Backend)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


@pytest.fixture(scope="module")
def varnish(backend, tmp_path_factory):
    (port,) = free_ports(1)
    proxy = Varnish(tmp_path_factory.mktemp("vcl"), backend, port, ["127.0.0.1", "::1"])
    yield proxy
    proxy.stop()


def fetch(varnish, path, **kwargs):
    Backend.seen.clear()
    response = requests.get(f"{varnish.url}{path}", timeout=30, **kwargs)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("path", ["/public", "/browser-only"])
def test_a_response_with_a_lifetime_is_cached(varnish, path):
    first = fetch(varnish, path)
    second = fetch(varnish, path)
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("MISS", "HIT")
    assert second.text == first.text
    assert "Age" in second.headers
    assert Backend.hits[path] == 1


@pytest.mark.parametrize(
    "path", ["/private", "/no-store", "/no-cache", "/no-header", "/zero", "/set-cookie"]
)
def test_what_plone_keeps_out_of_shared_caches_is_never_stored(varnish, path):
    for _ in range(3):
        response = fetch(varnish, path)
        assert response.headers["X-Cache"] == "MISS"
    assert Backend.hits[path] == 3


def test_logged_in_and_non_get_requests_pass_with_their_cookies(varnish):
    fetch(varnish, "/public-2")
    assert fetch(varnish, "/public-2").headers["X-Cache"] == "HIT"
    response = fetch(varnish, "/public-2", cookies={"__ac": "ticket", "_ga": "1"})
    assert response.headers["X-Cache"] == "MISS"
    assert "__ac=ticket" in Backend.seen[-1]["Cookie"]
    response = fetch(varnish, "/public-2", cookies={"auth_token": "jwt"})
    assert response.headers["X-Cache"] == "MISS"
    response = fetch(varnish, "/public-2", auth=("someone", "secret"))
    assert response.headers["X-Cache"] == "MISS"
    assert Backend.seen[-1]["Authorization"].startswith("Basic ")
    response = fetch(varnish, "/public-2", cookies={"statusmessages": "abc"})
    assert response.headers["X-Cache"] == "MISS"
    Backend.seen.clear()
    response = requests.post(f"{varnish.url}/public-2", data={"a": "1"}, timeout=30)
    assert response.headers["X-Cache"] == "MISS"
    assert Backend.seen[-1]["path"] == "/public-2"


def test_anonymous_requests_lose_other_cookies(varnish):
    fetch(varnish, "/public-3", cookies={"_ga": "GA1.1"})
    assert "Cookie" not in Backend.seen[-1]
    response = fetch(varnish, "/public-3", cookies={"I18N_LANGUAGE": "en"})
    assert response.headers["X-Cache"] == "HIT"


def test_json_and_html_of_one_url_are_two_variants(varnish):
    html = fetch(varnish, "/item", headers={"Accept": "text/html,application/xhtml+xml,*/*"})
    data = fetch(varnish, "/item", headers={"Accept": "application/json"})
    assert data.headers["Content-Type"] == "application/json"
    assert data.json()["path"] == "/item"
    assert Backend.seen[-1]["Accept"] == "application/json"
    again = fetch(varnish, "/item", headers={"Accept": "text/html"})
    assert again.headers["X-Cache"] == "HIT"
    assert again.text == html.text
    data_again = fetch(varnish, "/item", headers={"Accept": "application/json, text/plain"})
    assert data_again.headers["X-Cache"] == "HIT"
    assert data_again.json() == data.json()
    assert "Accept" in data.headers["Vary"].split(", ")


def test_text_is_compressed_for_clients_that_ask(varnish):
    fetch(varnish, "/gz")
    response = requests.get(
        f"{varnish.url}/gz", headers={"Accept-Encoding": "gzip"}, timeout=30, stream=True
    )
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    plain = requests.get(f"{varnish.url}/gz", headers={"Accept-Encoding": "identity"}, timeout=30)
    assert "Content-Encoding" not in plain.headers
    assert plain.text.startswith("<p>/gz")


def test_the_backend_sees_the_client_in_x_forwarded_for(varnish):
    fetch(varnish, "/xff-1", headers={"X-Forwarded-For": "203.0.113.9"})
    # Varnish appends the address it saw: the last entry is the real peer,
    # the forged one before it (the Zope processes take the last untrusted).
    assert Backend.seen[-1]["X-Forwarded-For"] == "203.0.113.9, 127.0.0.1"
    fetch(varnish, "/xff-2")
    assert Backend.seen[-1]["X-Forwarded-For"] == "127.0.0.1"


def test_purge_from_an_allowed_address_empties_every_variant_and_query(varnish):
    for path in ("/news", "/news?b_start=10"):
        fetch(varnish, path)
        fetch(varnish, path, headers={"Accept": "application/json"})
        assert fetch(varnish, path).headers["X-Cache"] == "HIT"
    # Plone names its proxy by an address of its own: another Host header.
    purge = requests.request(
        "PURGE", f"{varnish.url}/news", headers={"Host": "varnish.internal"}, timeout=30
    )
    assert purge.status_code == 200
    for path in ("/news", "/news?b_start=10"):
        assert fetch(varnish, path).headers["X-Cache"] == "MISS"
        assert fetch(varnish, path, headers={"Accept": "application/json"}).headers["X-Cache"] == (
            "MISS"
        )


def test_purge_and_ban_from_another_address_are_refused(backend, tmp_path):
    (port,) = free_ports(1)
    # The ACL names only an address this machine is not: the test's request
    # comes from 127.0.0.1, as a stranger's would from elsewhere.
    proxy = Varnish(tmp_path, backend, port, ["192.0.2.10", "198.51.100.0/24"])
    try:
        assert '198.51.100.0"/24;' in (tmp_path / "zhengwu-backends.vcl").read_text()
        fetch(proxy, "/kept")
        for method in ("PURGE", "BAN"):
            refused = requests.request(method, f"{proxy.url}/kept", timeout=30)
            assert refused.status_code == 405
        assert fetch(proxy, "/kept").headers["X-Cache"] == "HIT"
    finally:
        proxy.stop()
