"""Benchmark: public submissions to one mailbox under contention, two Zope
processes on one RelStorage (PostgreSQL) database.

    .venv/bin/python benchmarks/submission_contention.py [--clients 20] [--each 10] [--ports 9700]

A fresh database (``zw_contention_*`` on ``ZHENGWU_TEST_PG``, default
127.0.0.1:5432) and instance: ``zhengwu start`` creates the site and serves
it, ``zhengwu serve`` is the second process (the helpers of
tests/storage/conftest.py, started the way ``make start`` does). A
department and a mailbox are created over REST; then ``--clients``
concurrent clients each send ``--each`` messages (``POST <box>/@petitions``),
alternating between the two processes. Reported: latency p50/p95/max, the
answers' statuses, conflicts met inside the submission (``commit.committed``
retries, logged by each process) and whole-request retries by Zope (logged
as ``whole-request retry``), and whether every 201 is stored exactly once
(its tracking number found once in the catalog, as the administrator).

No vanilla counterpart: vanilla Plone has no public submission (the
single-process comparison with vanilla is benchmarks/petitions.py).
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import argparse
import itertools
import statistics
import sys
import tempfile
import time
import uuid


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.storage import conftest as storage  # noqa: E402


ADMIN = ("admin", storage.ADMIN_PASSWORD)
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
MESSAGE = {
    "category": "consultation",
    "title": "关于公积金提取条件的咨询",
    "content": "在本市无房租房，提取住房公积金需要满足什么条件？需要提供哪些材料？",
    "submitter_name": "王小明",
    "phone": "13800000001",
    "publish_consent": True,
}


def servers(instance, dsn, ports):
    """The two processes, on ports of ``ports`` (an iterator)."""
    storage.free_port = lambda: next(ports)
    first = storage.Server(instance, dsn, command="start")
    try:
        second = storage.Server(instance, dsn, command="serve")
    except BaseException:
        first.stop()
        raise
    return first, second


def make_box(url):
    import requests

    def post(path, data):
        response = requests.post(
            f"{url}/Plone{path}", json=data, headers=JSON, auth=ADMIN, timeout=120
        )
        assert response.status_code in (200, 201, 204), response.text[:6000]
        return response.json() if response.content else {}

    dept = post(
        "/zh-cn",
        {
            "@type": "Department",
            "id": "dept",
            "title": "测试局",
            "organization_code": "11999900MB0000010H",
        },
    )
    post("/zh-cn/dept/@workflow/publish", {})
    post(
        "/zh-cn/dept",
        {"@type": "PetitionBox", "id": "box", "title": "局长信箱", "department": dept["UID"]},
    )
    post("/zh-cn/dept/box/@workflow/publish", {})
    response = requests.patch(
        f"{url}/Plone/@registry",
        json={"zhengwu.submissions.submissions_per_window": 10000},
        headers=JSON,
        auth=ADMIN,
        timeout=60,
    )
    assert response.status_code == 204, response.text[:300]
    return "/Plone/zh-cn/dept/box"


def flood(urls, box, clients, each, key=False):
    """``[(latency s, status, tracking number or None)]`` of ``clients`` ×
    ``each`` submissions, alternating between ``urls``."""
    import requests

    counter = itertools.count()

    def client(c):
        session = requests.Session()
        out = []
        for n in range(each):
            i = next(counter)
            url = urls[i % len(urls)]
            headers = dict(JSON, **({"Idempotency-Key": str(uuid.uuid4())} if key else {}))
            began = time.perf_counter()
            try:
                response = session.post(
                    f"{url}{box}/@petitions",
                    json=dict(MESSAGE, title=f"{MESSAGE['title']}{c}-{n}"),
                    headers=headers,
                    timeout=120,
                )
                status = response.status_code
                number = response.json().get("tracking_number") if status == 201 else None
            except requests.RequestException:
                status, number = None, None
            out.append((time.perf_counter() - began, status, number))
        return out

    with ThreadPoolExecutor(max_workers=clients) as pool:
        return [row for rows in pool.map(client, range(clients)) for row in rows]


def stored_numbers(url, box):
    """Tracking number → how many petitions in the box carry it."""
    import requests

    response = requests.get(
        f"{url}{box}/@search",
        params={
            "portal_type": "Petition",
            "b_size": 100000,
            "metadata_fields": "tracking_number",
        },
        headers={"Accept": "application/json"},
        auth=ADMIN,
        timeout=300,
    )
    assert response.status_code == 200, response.text[:300]
    counts = {}
    for item in response.json()["items"]:
        counts[item["tracking_number"]] = counts.get(item["tracking_number"], 0) + 1
    return counts


def log_counts(instance, started_servers):
    """(conflicts retried in the submission, whole-request retries) in the
    processes' output and the instance's event log."""
    texts = [server.log.read_text(errors="replace") for server in started_servers]
    texts += [p.read_text(errors="replace") for p in (instance / "var").rglob("*.log")]
    text = "\n".join(texts)
    from collections import Counter
    import re

    classes = Counter(
        m.group(2) or m.group(1)
        for m in re.finditer(
            r"submission conflict, attempt \d+: (.*?class ([\w.]+)|[^\n]{0,80})", text
        )
    )
    oids = Counter(
        re.findall(r"submission conflict, attempt \d+: .*?oid (0x[0-9a-f]+.*?\[.*?\])", text)
    )
    return text.count("submission conflict"), text.count("whole-request retry"), classes, oids


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(clients, each, first_port, key=False, prefill=0):
    name = f"zw_contention_{uuid.uuid4().hex[:10]}"
    storage._admin_sql(f'CREATE DATABASE "{name}"')
    home = Path(tempfile.mkdtemp(prefix="zw-contention-"))
    started = []
    try:
        instance = storage.make_instance(home / "instance")
        dsn = storage.pg_dsn(name)
        started = list(servers(instance, dsn, itertools.count(first_port)))
        box = make_box(started[0].url)
        # Warm both processes (first requests load templates, catalogs…),
        # and give the box ``prefill`` messages: a site in use, not a new one.
        flood([s.url for s in started], box, 2, 2, key)
        if prefill:
            flood([s.url for s in started], box, 4, prefill // 4, key)
        began = time.perf_counter()
        rows = flood([s.url for s in started], box, clients, each, key)
        elapsed = time.perf_counter() - began
        counts = stored_numbers(started[0].url, box)
        conflicts, whole, classes, oids = log_counts(instance, started)
    finally:
        for server in started:
            server.stop()
        storage._admin_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        )
        storage._admin_sql(f'DROP DATABASE IF EXISTS "{name}"')
        import shutil

        shutil.rmtree(home, ignore_errors=True)
    latencies = [r[0] for r in rows]
    accepted = [r[2] for r in rows if r[1] == 201]
    return {
        "requests": len(rows),
        "statuses": {s: sum(1 for r in rows if r[1] == s) for s in {r[1] for r in rows}},
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "max": max(latencies),
        "rate": len(accepted) / elapsed,
        "stored_once": all(counts.get(n) == 1 for n in accepted),
        "stored_total": sum(counts.values()),
        "accepted": len(accepted),
        "conflicts": conflicts,
        "whole_request_retries": whole,
        "conflict_classes": classes.most_common(8),
        "conflict_oids": oids.most_common(8),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--each", type=int, default=10)
    parser.add_argument("--ports", type=int, default=9700, help="first of two free ports")
    parser.add_argument("--key", action="store_true", help="send an Idempotency-Key")
    parser.add_argument("--prefill", type=int, default=0, help="messages in the box first")
    args = parser.parse_args()
    result = run(args.clients, args.each, args.ports, args.key, args.prefill)
    print(
        f"\n### {args.clients} clients × {args.each} messages, one mailbox, two Zope processes "
        "on RelStorage\n"
    )
    print("| measure | value |\n| --- | --- |")
    print(f"| requests (answers by status) | {result['requests']} {result['statuses']} |")
    print(
        f"| latency p50 / p95 / max, s | {result['p50']:.2f} / {result['p95']:.2f} / "
        f"{result['max']:.2f} |"
    )
    print(f"| stored per second | {result['rate']:.1f} |")
    print(
        f"| every 201 stored exactly once | {result['stored_once']} "
        f"({result['accepted']} answered 201, {result['stored_total']} in the box; the "
        f"warm-up's 4 and the {args.prefill} first included) |"
    )
    print(f"| conflicts retried inside the submission | {result['conflicts']} |")
    print(f"| whole-request retries by Zope | {result['whole_request_retries']} |")
    print(f"\nconflicts by class: {result['conflict_classes']}")
    print(f"conflicts by object: {result['conflict_oids']}")


if __name__ == "__main__":
    main()
