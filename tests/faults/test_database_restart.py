"""PostgreSQL restarted under a crowd's submissions (issue 16, item 5): while
it is down the Zope processes answer a clear 503 — JSON in the REST error
shape with Retry-After, or a small page for browsers, in the access log,
the outage logged once — and once it is back they serve again without
being restarted; no acknowledged submission is lost."""

from ..storage.conftest import make_instance
from ..storage.conftest import pg_dsn
from ..storage.conftest import PrivateCluster
from ..storage.conftest import Server
from .conftest import Balancer
from .conftest import census
from .conftest import Crowd
from .conftest import setup_mailbox
from .test_kill import assert_acknowledged_stored_once
from collections import Counter
from pathlib import Path
from tests.helpers import body
from zhengwu.instance.outage import MESSAGE
import gettext
import html
import requests
import time


DOWN_SECONDS = 8


def chinese(message):
    """``message`` as the zh_CN catalog has it (the servers compiled it)."""
    import zhengwu

    catalog = Path(zhengwu.__file__).parent / "locales" / "zh_CN" / "LC_MESSAGES" / "zhengwu.mo"
    with open(catalog, "rb") as mo:
        return gettext.GNUTranslations(mo).gettext(str(message))


def test_postgresql_restarted_under_load(tmp_path):
    instance = make_instance(tmp_path / "instance")
    with PrivateCluster() as cluster:
        dsn = pg_dsn("zhengwu_faults", cluster.admin_dsn)  # created by `zhengwu start`
        with Server(instance, dsn, command="start") as first:
            second = Server(instance, dsn, command="serve", wait=False)
            with second:
                setup_mailbox(first.url)
                second.wait()
                pids = (first.process.pid, second.process.pid)
                with Balancer(tmp_path, [first, second]) as balancer:
                    with Crowd(balancer.url, clients=20) as crowd:
                        crowd.wait_for(20)
                        stopped = time.monotonic()
                        cluster.stop()
                        time.sleep(DOWN_SECONDS / 2)
                        page = requests.get(f"{first.url}/Plone/zh-cn", timeout=60)
                        rest = requests.get(
                            f"{second.url}/Plone/zh-cn",
                            headers={"Accept": "application/json"},
                            timeout=60,
                        )
                        time.sleep(DOWN_SECONDS / 2)
                        started = time.monotonic()
                        cluster.start()
                        crowd.wait_for(30, since=started)
                    stored = census(first.url)
                # the same processes: nothing was restarted
                assert (first.process.poll(), second.process.poll()) == (None, None)
                assert (first.process.pid, second.process.pid) == pids
    answers = crowd.answers
    unavailable = [a for a in answers if a.status == 503]
    others = [a for a in answers if a.status not in (201, 503)]
    back = min(a.received for a in answers if a.status == 201 and a.sent > started)
    last = max(a.received for a in unavailable) if unavailable else stopped
    report = (
        f"PostgreSQL down {started - stopped:.1f} s under 20 clients: {len(answers)} requests, "
        f"{len(crowd.acknowledged())} acknowledged, {len(unavailable)} answered 503 from "
        f"{min([a.received for a in unavailable] or [stopped]) - stopped:+.1f} s to "
        f"{last - stopped:+.1f} s after the stop, "
        f"other failures {Counter(a.status for a in others)}, first 201 "
        f"{back - started:.1f} s after PostgreSQL started again, {len(stored)} stored"
    )
    print(report)
    # a clear 503 while it was down: the REST error shape, with Retry-After
    assert unavailable, report
    for answer in unavailable:  # the processes' own, not the balancer's
        assert answer.error and answer.error["type"] == "ServiceUnavailable", answer
        assert answer.retry_after == "10", answer
        assert stopped <= answer.received, answer
    # no traceback, no bare 500 from waitress, no proxy error
    assert not others, report
    assert_acknowledged_stored_once(crowd, stored)
    # a browser gets a small page, a REST client JSON, both 503 with Retry-After
    assert page.status_code == 503 and page.headers["Retry-After"] == "10"
    assert page.headers["Content-Type"].startswith("text/html")
    assert '<html lang="zh-CN">' in body(page)
    assert html.escape(chinese(MESSAGE)) in body(page)
    assert rest.status_code == 503
    assert rest.json() == {
        "error": {
            "type": "ServiceUnavailable",
            "message": chinese(MESSAGE),
        }
    }
    # in the access log, and logged once per process for the outage
    log = instance / "var" / "log"
    access = (log / "access.log").read_text(encoding="utf-8")
    assert 'petitions HTTP/1.1" 503' in access  # @ is written %40
    event = (log / "event.log").read_text(encoding="utf-8")
    assert 1 <= event.count("The database cannot be reached") <= 2
    assert 1 <= event.count("The database answers again") <= 2
    assert "generated by waitress" not in event and "Exception while serving" not in event
