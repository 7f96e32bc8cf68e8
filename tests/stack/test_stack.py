"""`make prod` for real: Varnish → HAProxy → two Zope processes → RelStorage,
started by `python -m zhengwu.instance.stack up` (what `make prod` runs) with
ports from the test range, a temporary database and DEMO=0; taken down by
`... down` (`make prod-stop`).

Until the caching rules of zhengwu:default exist (the `caching` branch of
issue 16), the module's fixture sets plone.app.caching's rules itself, over
REST as the administrator — see ``CACHING_RULES``: caching on,
plone.content.itemView, plone.content.folderView and plone.content.dynamic
(the REST API's GET) → plone.app.caching.moderateCaching, s-maxage 3600,
no RAM cache. It sets them only when the site has no rule yet.
"""

from .conftest import free_ports
from .conftest import make_instance
from .conftest import pg_dsn
from .conftest import processes_mentioning
from .conftest import require_postgres
from .conftest import require_programs
from .conftest import stack_database
from .conftest import StackRun
from tests.helpers import body
from tests.storage.conftest import ADMIN_PASSWORD
import os
import pytest
import requests
import signal
import time


pytestmark = [pytest.mark.slow, pytest.mark.storage]

ADMIN = ("admin", ADMIN_PASSWORD)
JSON = {"Accept": "application/json"}
CACHING_RULES = {
    "plone.caching.interfaces.ICacheSettings.enabled": True,
    "plone.caching.interfaces.ICacheSettings.operationMapping": {
        "plone.content.itemView": "plone.app.caching.moderateCaching",
        "plone.content.folderView": "plone.app.caching.moderateCaching",
        "plone.content.dynamic": "plone.app.caching.moderateCaching",
    },
    "plone.app.caching.moderateCaching.smaxage": 3600,
    "plone.app.caching.moderateCaching.ramCache": False,
}


def zope_url(stack, n=0):
    return f"http://localhost:{stack.zope_ports[n]}"


def registry(stack, name):
    response = requests.get(
        f"{zope_url(stack)}/Plone/@registry/{name}", headers=JSON, auth=ADMIN, timeout=60
    )
    assert response.status_code == 200, response.text
    return response.json()


def set_caching_rules(stack):
    """The rules the caching branch will ship, unless the site has rules."""
    mapping = registry(stack, "plone.caching.interfaces.ICacheSettings.operationMapping")
    if registry(stack, "plone.caching.interfaces.ICacheSettings.enabled") and mapping:
        return False
    response = requests.patch(
        f"{zope_url(stack)}/Plone/@registry",
        json=CACHING_RULES,
        headers=JSON,
        auth=ADMIN,
        timeout=60,
    )
    assert response.status_code == 204, response.text
    return True


def add_published_folder(stack, container, folder_id, title):
    """A Folder (zhengwu_container_workflow: published in one step)."""
    base = f"{zope_url(stack)}/Plone/{container}"
    response = requests.post(
        base,
        json={"@type": "Folder", "id": folder_id, "title": title},
        headers=JSON,
        auth=ADMIN,
        timeout=60,
    )
    assert response.status_code == 201, response.text
    response = requests.post(
        f"{base}/{folder_id}/@workflow/publish", headers=JSON, auth=ADMIN, timeout=60
    )
    assert response.status_code == 200, response.text
    return f"/Plone/{container}/{folder_id}"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    require_programs()
    require_postgres()
    instance = make_instance(tmp_path_factory.mktemp("stack") / "instance")
    with stack_database() as database:
        run = StackRun(instance, pg_dsn(database), free_ports(4))
        try:
            result = run.run("up")
            assert result.returncode == 0, result.stdout + result.stderr
            run.up_output = result.stdout
            run.set_rules = set_caching_rules(run)
            run.page = add_published_folder(run, "zh-cn", "notices", "通知公告")
            yield run
        finally:
            run.run("down", timeout=120)
            for pid in processes_mentioning(str(instance)):  # never leave one behind
                os.kill(pid, signal.SIGKILL)


def get(stack, path, **kwargs):
    kwargs.setdefault("timeout", 60)
    return requests.get(f"{stack.url}{path}", **kwargs)


def test_up_brings_varnish_haproxy_and_two_zope_processes(stack):
    assert set(stack.pids()) == {
        "varnish",
        "varnishncsa",
        "haproxy",
        *(f"zope-{port}" for port in stack.zope_ports),
    }
    assert f"Production stack up: {stack.url}/Plone" in stack.up_output
    response = get(stack, "/Plone/zh-cn")
    assert response.status_code == 200
    assert "varnish" in response.headers["Via"].lower()
    assert "<html" in body(response) and "政府门户网站" in body(response)  # the themed site
    assert stack.haproxy_status() == {"zope1": "UP", "zope2": "UP"}
    conf = (stack.instance / "etc" / "zope.conf").read_text()
    assert conf.count("<relstorage>") == 1


def test_second_anonymous_request_is_a_hit(stack):
    first = get(stack, stack.page)
    assert first.status_code == 200, first.text
    assert "s-maxage" in first.headers["Cache-Control"]
    second = get(stack, stack.page)
    assert second.status_code == 200
    assert second.headers["X-Cache"] == "HIT"
    assert "Age" in second.headers
    assert second.text == first.text
    assert "通知公告" in body(second)


def test_other_cookies_share_the_cached_copy(stack):
    get(stack, stack.page)
    response = get(stack, stack.page, cookies={"_ga": "GA1.2.3", "I18N_LANGUAGE": "zh-cn"})
    assert response.headers["X-Cache"] == "HIT"


def test_rest_json_and_html_are_two_cached_variants(stack):
    for _ in range(2):
        response = get(stack, stack.page, headers=JSON)
    assert response.headers["X-Cache"] == "HIT"
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json()["title"] == "通知公告"
    assert "Accept" in response.headers["Vary"]
    html = get(stack, stack.page, headers={"Accept": "text/html,*/*"})
    assert html.headers["Content-Type"].startswith("text/html")
    assert html.headers["X-Cache"] == "HIT"


def test_logged_in_requests_are_never_a_hit(stack):
    get(stack, stack.page)
    for _ in range(3):
        response = get(stack, stack.page, auth=ADMIN)
        assert response.status_code == 200
        assert response.headers["X-Cache"] != "HIT"
        response = get(stack, stack.page, cookies={"__ac": "a-session-ticket"})
        assert response.headers["X-Cache"] != "HIT"
    # ...and what they saw is not served to Anonymous afterwards.
    anonymous = get(stack, stack.page)
    assert "注销" not in body(anonymous) and "Log out" not in body(anonymous)


def test_purge_from_the_zope_host_empties_the_page(stack):
    get(stack, stack.page)
    assert get(stack, stack.page).headers["X-Cache"] == "HIT"
    purge = requests.request("PURGE", f"http://127.0.0.1:{stack.prod_port}{stack.page}", timeout=30)
    assert purge.status_code == 200
    assert get(stack, stack.page, headers=JSON).headers["X-Cache"] == "MISS"
    assert get(stack, stack.page).headers["X-Cache"] == "MISS"


def test_publication_purges_the_listing(stack):
    """NEEDS the `caching` branch (plone.cachepurging configured from
    CACHING_PROXIES, which `make prod` sets to Varnish's address): a newly
    published item shows on the next anonymous request of its folder."""
    proxies = registry(stack, "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies")
    expected = f"http://127.0.0.1:{stack.prod_port}"
    assert expected in (proxies or []), f"CACHING_PROXIES not applied: {proxies!r}"
    get(stack, stack.page)
    assert get(stack, stack.page).headers["X-Cache"] == "HIT"
    add_published_folder(stack, "zh-cn/notices", "n2027-1", "关于春节放假的通知")
    deadline = time.monotonic() + 10  # plone.cachepurging purges after the commit, in a thread
    while "关于春节放假的通知" not in body(get(stack, stack.page)):
        assert time.monotonic() < deadline, "the listing was not purged on publication"
        time.sleep(0.5)


def test_a_second_up_starts_no_duplicate(stack):
    before = stack.pids()
    result = stack.run("up")
    assert result.returncode == 0, result.stderr
    assert "already running" in result.stdout
    assert stack.pids() == before


def test_other_settings_while_running_are_refused(stack):
    result = stack.run("up", ZOPE_PORTS=str(stack.zope_ports[0]))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "zhengwu: The stack is running with other settings: run `make prod-stop` first."
    )


def test_a_killed_zope_process_is_routed_around_and_restarted_by_up(stack):
    pids = stack.pids()
    victim = f"zope-{stack.zope_ports[0]}"
    os.kill(pids[victim], signal.SIGKILL)
    # Uncacheable requests (logged in): every one reaches a Zope process.
    for n in range(20):
        response = get(stack, f"{stack.page}?n={n}", auth=ADMIN, headers=JSON)
        assert response.status_code == 200, (n, response.status_code)
    deadline = time.monotonic() + 15
    while stack.haproxy_status()["zope1"] != "DOWN":
        assert time.monotonic() < deadline, stack.haproxy_status()
        time.sleep(0.5)
    result = stack.run("up")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Started {victim}" in result.stdout
    after = stack.pids()
    assert after[victim] != pids[victim]
    assert {k: v for k, v in after.items() if k != victim} == {
        k: v for k, v in pids.items() if k != victim
    }
    deadline = time.monotonic() + 30
    while stack.haproxy_status() != {"zope1": "UP", "zope2": "UP"}:
        assert time.monotonic() < deadline, stack.haproxy_status()
        time.sleep(0.5)


def test_cached_pages_are_served_while_every_zope_process_is_down(stack):
    get(stack, stack.page)
    assert get(stack, stack.page).headers["X-Cache"] == "HIT"
    for name, pid in stack.pids().items():
        if name.startswith("zope-"):
            os.kill(pid, signal.SIGKILL)
    # HAProxy marks both down, then Varnish's probe of HAProxy fails: what
    # was never cached gets Varnish's own page.
    deadline = time.monotonic() + 30
    while True:
        missing = get(stack, "/Plone/zh-cn/never-cached-page")
        if missing.status_code == 503 and "服务暂时不可用" in body(missing):
            break
        assert time.monotonic() < deadline, (missing.status_code, missing.text[:300])
        time.sleep(1)
    assert missing.headers["Retry-After"] == "30"
    response = get(stack, stack.page)
    assert response.status_code == 200
    assert response.headers["X-Cache"] == "HIT"
    assert "通知公告" in body(response)


def test_down_stops_everything_it_started(stack):
    pids = stack.pids()
    # The settings it was started with count, not the environment's now.
    result = stack.run("down", timeout=120, ZOPE_PORTS=str(stack.zope_ports[0]))
    assert result.returncode == 0, result.stderr
    assert list(stack.prod.glob("*.pid")) == []
    for pid in pids.values():
        assert not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[
            2
        ] in ("Z", "X")
    assert processes_mentioning(str(stack.instance)) == []
    with pytest.raises(requests.ConnectionError):
        requests.get(stack.url, timeout=5)
    again = stack.run("down")
    assert again.returncode == 0
    assert "was not running" in again.stdout
