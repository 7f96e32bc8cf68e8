"""A real Zope behind a proxy (issue 16): started with TRUSTED_PROXIES
naming the proxy's address, it gives each citizen named by X-Forwarded-For a
quota of its own; started without it, the same requests share one quota
(the peer's), whatever X-Forwarded-For says."""

from .conftest import ADMIN_PASSWORD
from .conftest import make_instance
from .conftest import Server
from concurrent.futures import ThreadPoolExecutor
import http.client
import json
import pytest
import requests


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
ADMIN = ("admin", ADMIN_PASSWORD)
LIMIT = 2
MESSAGE = {
    "category": "consultation",
    "title": "关于小区旁道路施工噪音的咨询",
    "content": "夜间施工噪音很大，请问施工许可的作业时间是怎样规定的？",
    "submitter_name": "张三丰",
    "phone": "13812345678",
    "email": "zhangsanfeng@example.com",
    "publish_consent": False,
}


def serve(instance, trusted):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRUSTED_PROXIES", trusted)  # environment() copies os.environ
        return Server(instance, command="start")


def site(server):
    return f"http://127.0.0.1:{server.port}/Plone"


def call(method, url, **kwargs):
    response = requests.request(method, url, headers=JSON, auth=ADMIN, timeout=120, **kwargs)
    assert response.status_code < 300, (url, response.status_code, response.text)
    return response.json() if response.content else None


def make_box(server):
    root = site(server)
    dept = call("POST", f"{root}/zh-cn", json={
        "@type": "Department", "id": "dept", "title": "测试局",
        "organization_code": "11999900MB0000010H",
    })  # fmt: skip
    call("POST", f"{root}/zh-cn/dept/@workflow/publish")
    call("POST", f"{root}/zh-cn/dept", json={
        "@type": "PetitionBox", "id": "box", "title": "局长信箱", "department": dept["UID"],
    })  # fmt: skip
    call("POST", f"{root}/zh-cn/dept/box/@workflow/publish")
    call("PATCH", f"{root}/@registry", json={"zhengwu.submissions.submissions_per_window": LIMIT})
    return "zh-cn/dept/box"


def submit(server, box, forwarded, source=None, full=False):
    """POST a message; from the local address ``source`` when given (a
    peer other than the trusted 127.0.0.1)."""
    headers = dict(JSON)
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    connection = http.client.HTTPConnection(
        "127.0.0.1", server.port, timeout=120, source_address=(source, 0) if source else None
    )
    try:
        body = json.dumps(MESSAGE).encode("utf-8")
        connection.request("POST", f"/Plone/{box}/@petitions", body=body, headers=headers)
        response = connection.getresponse()
        if full:
            return response.status, json.loads(response.read())
        return response.status
    finally:
        connection.close()


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    return make_instance(tmp_path_factory.mktemp("proxies") / "instance")


def test_behind_a_trusted_proxy_each_citizen_has_a_quota(instance):
    with serve(instance, "127.0.0.1") as server:
        box = make_box(server)
        first = [submit(server, box, "198.51.100.1") for _ in range(LIMIT + 1)]
        assert first == [201] * LIMIT + [429]
        second = [submit(server, box, "198.51.100.2") for _ in range(LIMIT + 1)]
        assert second == [201] * LIMIT + [429]
        # what a client writes left of the proxy's entry is not believed
        assert submit(server, box, "192.0.2.50, 198.51.100.1") == 429
        # a flood from thirty citizens at once: all stored, numbers unique
        with ThreadPoolExecutor(max_workers=10) as pool:
            flood = list(
                pool.map(lambda n: submit(server, box, f"192.0.2.{n}", full=True), range(1, 31))
            )
        assert [status for status, _ in flood] == [201] * 30
        assert len({answer["tracking_number"] for _, answer in flood}) == 30
        # IPv6 citizens are counted per /64
        assert submit(server, box, "2001:db8:1:2::1") == 201
        assert submit(server, box, "2001:db8:1:2::2") == 201
        assert submit(server, box, "2001:db8:1:2::3") == 429
        assert submit(server, box, "2001:db8:1:3::1") == 201
        # another peer (127.0.0.2, on the loopback too) is no trusted proxy:
        # whatever it forwards, its requests count as its own
        forged = [submit(server, box, f"203.0.113.{n}", "127.0.0.2") for n in range(LIMIT + 1)]
        assert forged == [201] * LIMIT + [429]


def test_without_trusted_proxies_the_header_changes_nothing(instance):
    with serve(instance, "") as server:
        box = "zh-cn/dept/box"  # made by the test above; counters start afresh
        answers = [submit(server, box, f"198.51.100.{n}") for n in range(1, LIMIT + 3)]
        assert answers == [201] * LIMIT + [429, 429]
        assert submit(server, box, None) == 429
