"""What the fault tests share: a mailbox made over REST, a crowd of citizens
submitting messages, HAProxy in front of the Zope processes, and a census of
what the database holds afterwards.

The servers, instances and databases are tests/storage/conftest.py's.
"""

from ..petitions.helpers import MESSAGE
from ..storage.conftest import ADMIN_PASSWORD
from ..storage.conftest import free_port
from pathlib import Path
import dataclasses
import json
import os
import pytest
import requests
import shutil
import subprocess
import threading
import time


HERE = Path(__file__).parent
JSON = {"Accept": "application/json"}
ADMIN = ("admin", ADMIN_PASSWORD)
BOX = "/Plone/zh-cn/box"
THREADS = 4  # waitress's threads per process (instance/zope.ini)


def setup_mailbox(url):
    """A department and its public mailbox ``BOX``; the per-client limit
    raised for the run (every citizen of the test comes from 127.0.0.1)."""

    def call(method, path, **body):
        response = requests.request(
            method, f"{url}{path}", json=body, headers=JSON, auth=ADMIN, timeout=120
        )
        assert response.status_code < 300, (path, response.status_code, response.text)
        return response.json() if response.content else None

    dept = call(
        "POST",
        "/Plone/zh-cn",
        **{
            "@type": "Department",
            "id": "dept",
            "title": "故障测试局",
            "organization_code": "11999900MB0000010H",
        },
    )
    call("POST", "/Plone/zh-cn/dept/@workflow/publish")
    call(
        "POST",
        "/Plone/zh-cn",
        **{"@type": "PetitionBox", "id": "box", "title": "局长信箱", "department": dept["UID"]},
    )
    call("POST", f"{BOX}/@workflow/publish")
    call("PATCH", "/Plone/@registry", **{"zhengwu.submissions.submissions_per_window": 10_000})


def census(url):
    """``[(tracking_number, title)]`` of every message stored in the box,
    as the catalog has them (asked over REST as the administrator)."""
    found, start = [], 0
    while True:
        response = requests.get(
            f"{url}{BOX}/@search",
            params={
                "portal_type": "Petition",
                "metadata_fields": ["tracking_number", "title"],
                "b_size": 500,
                "b_start": start,
            },
            headers=JSON,
            auth=ADMIN,
            timeout=120,
        )
        assert response.status_code == 200, response.text
        data = response.json()
        found += [(item["tracking_number"], item["title"]) for item in data["items"]]
        start += 500
        if start >= data["items_total"]:
            return found


@dataclasses.dataclass
class Answer:
    client: int
    title: str
    sent: float
    received: float
    status: int | None  # None: no answer (connection refused or cut)
    number: str | None = None
    error: dict | None = None
    retry_after: str | None = None
    content_type: str = ""
    served_by: str = ""


class Crowd:
    """``clients`` citizens, each sending messages to ``url`` one after the
    other until stopped; every answer is kept. A client does not retry: what
    failed is counted."""

    def __init__(self, url, clients=20, pause=0.05):
        self.url = f"{url}{BOX}/@petitions"
        self.clients = clients
        self.pause = pause
        self.answers = []
        self.in_flight = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self._client, args=(n,), daemon=True) for n in range(clients)
        ]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(180)

    def _client(self, client):
        session = requests.Session()
        n = 0
        while not self.stopping.is_set():
            n += 1
            title = f"故障测试 {client}-{n}"
            with self.lock:
                self.in_flight += 1
            sent = time.monotonic()
            try:
                response = session.post(
                    self.url, json=dict(MESSAGE, title=title), headers=JSON, timeout=360
                )
            except requests.RequestException:
                answer = Answer(client, title, sent, time.monotonic(), None)
                session = requests.Session()
            else:
                answer = Answer(
                    client,
                    title,
                    sent,
                    time.monotonic(),
                    response.status_code,
                    retry_after=response.headers.get("Retry-After"),
                    content_type=response.headers.get("Content-Type", ""),
                    served_by=response.headers.get("X-Served-By", ""),
                )
                if response.headers.get("Content-Type", "").startswith("application/json"):
                    body = response.json()
                    answer.number = body.get("tracking_number")
                    answer.error = body.get("error")
            with self.lock:
                self.in_flight -= 1
                self.answers.append(answer)
            if answer.status != 201:
                time.sleep(0.25)  # an error: a citizen waits a moment before the next try
            elif self.pause:
                time.sleep(self.pause)

    def dump(self, path):
        """Every answer, as JSON lines (for the record of a failed run)."""
        with open(path, "w", encoding="utf-8") as out:
            for answer in self.answers:
                out.write(json.dumps(dataclasses.asdict(answer), ensure_ascii=False) + "\n")

    def acknowledged(self):
        with self.lock:
            return [answer for answer in self.answers if answer.status == 201]

    def wait_for(self, acknowledged, timeout=120, since=0.0):
        """Until ``acknowledged`` more 201s were received after ``since``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if sum(1 for a in self.acknowledged() if a.received > since) >= acknowledged:
                return
            time.sleep(0.2)
        raise AssertionError(f"fewer than {acknowledged} messages acknowledged in {timeout}s")


class Balancer:
    """HAProxy in front of ``servers`` (tests/faults/haproxy.cfg.in)."""

    def __init__(self, folder, servers):
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        if not Path(haproxy).exists():
            reason = "HAProxy is not installed (Debian: apt-get install haproxy)"
            if os.environ.get("CI"):
                pytest.fail(reason)
            pytest.skip(reason)
        self.port = free_port()
        self.url = f"http://localhost:{self.port}"
        lines = [
            f"    server zope{n} 127.0.0.1:{server.port} check"
            for n, server in enumerate(servers, 1)
        ]
        lines.append("    http-response set-header X-Served-By %s")
        config = (HERE / "haproxy.cfg.in").read_text(encoding="utf-8")
        for name, value in (
            ("port", self.port),
            ("threads", THREADS),
            ("servers", "\n".join(lines)),
        ):
            config = config.replace("{{%s}}" % name, str(value))
        self.config = Path(folder) / "haproxy.cfg"
        self.config.write_text(config, encoding="utf-8")
        self.log = Path(folder) / "haproxy.log"
        check = subprocess.run(
            [haproxy, "-c", "-f", str(self.config)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stdout + check.stderr
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [haproxy, "-db", "-f", str(self.config)], stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/", timeout=5).status_code < 500:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"HAProxy did not answer:\n{self.log.read_text()}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
