"""Benchmark: public submissions and petition statistics, against vanilla
Plone 6.2 in the same run.

    .venv/bin/python benchmarks/petitions.py [--submissions 400] [--clients 20] [--petitions 50000]

One throw-away FileStorage instance holds a ``vanilla`` Plone 6.2 classic
site and a ``zhengwu`` site (review_workflow.build_sites). Measured over
HTTP (waitress, one process, as ``make start`` runs it):

1. **Submissions per second with ``--clients`` concurrent clients.**
   Zhengwu: anonymous ``POST <box>/@petitions`` (validation, tracking
   number, hashed query code, working-day due date, stored and indexed).
   Vanilla has no public submission; its nearest equal work is one
   content item created per request: ``POST <folder>`` of a Document by a
   Contributor over plone.restapi (basic auth). The per-client limit is
   raised for the run (every client here is 127.0.0.1).
2. **``@petition-stats`` latency at ``--petitions`` petitions** (a mix of
   states, years and departments filled in-process). *Cold*: the first
   answer after the catalog changed (a submission before each sample);
   *warm*: repeated answers (cached per process until the catalog
   changes). As a reference for one catalog pass over as many objects,
   vanilla answers ``@search`` for one page of its as many Documents.

Medians, p95 and ratios go to docs/benchmarks.md. The machine is shared:
compare ratios, not absolute times.
"""

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from datetime import timedelta
from pathlib import Path
import argparse
import os
import random
import shutil
import signal
import sys
import time


sys.path.insert(0, str(Path(__file__).resolve().parent))
from disclosure_catalog import ms  # noqa: E402
from disclosure_catalog import p95  # noqa: E402
from disclosure_catalog import peak_memory_mb  # noqa: E402
from disclosure_catalog import reopen  # noqa: E402
from review_workflow import as_admin  # noqa: E402
from review_workflow import build_sites  # noqa: E402
from review_workflow import make_instance  # noqa: E402
from review_workflow import open_app  # noqa: E402
from review_workflow import serve  # noqa: E402


MESSAGE = {
    "category": "consultation",
    "title": "关于公积金提取条件的咨询",
    "content": "在本市无房租房，提取住房公积金需要满足什么条件？" * 5,
    "submitter_name": "王小明",
    "phone": "13800000001",
    "publish_consent": True,
}
STATES = ("published", "closed", "answered", "assigned", "submitted", "rejected")


def setup(app):
    from plone import api
    from zope.component.hooks import setSite
    import transaction

    vanilla = app["vanilla"]
    setSite(vanilla)
    folder = api.content.create(
        container=vanilla["zh-cn"]["dept"], type="Folder", id="box", title="信箱"
    )
    api.content.transition(folder, transition="publish")
    api.user.create(username="writer", email="writer@example.gov.cn", password="bench-secret-1")
    folder.manage_setLocalRoles("writer", ["Contributor"])
    folder.reindexObjectSecurity()
    site = app["zhengwu"]
    setSite(site)
    dept = site["zh-cn"]["dept"]
    box = api.content.create(
        container=dept, type="PetitionBox", id="box", title="局长信箱", department=dept.UID()
    )
    api.content.transition(box, transition="publish")
    api.portal.set_registry_record("zhengwu.submissions.submissions_per_window", 10_000)
    transaction.commit()


def submissions(base, total, clients):
    import requests

    json_headers = {"Accept": "application/json", "Content-Type": "application/json"}

    def zhengwu(n):
        began = time.perf_counter()
        response = requests.post(
            f"{base}/zhengwu/zh-cn/dept/box/@petitions",
            json=dict(MESSAGE, title=f"{MESSAGE['title']}{n}"),
            headers=json_headers,
            timeout=120,
        )
        if response.status_code != 201:
            failures.setdefault("zhengwu", response.text[:400])
        return time.perf_counter() - began, response.status_code == 201

    def vanilla(n):
        began = time.perf_counter()
        response = requests.post(
            f"{base}/vanilla/zh-cn/dept/box",
            json={
                "@type": "Document",
                "title": f"{MESSAGE['title']}{n}",
                "description": MESSAGE["content"],
            },
            headers=json_headers,
            auth=("writer", "bench-secret-1"),
            timeout=120,
        )
        if response.status_code != 201:
            failures.setdefault("vanilla", response.text[:400])
        return time.perf_counter() - began, response.status_code == 201

    failures = {}
    results = {}
    for name, work in (("vanilla", vanilla), ("zhengwu", zhengwu)):
        for n in range(10):  # warm up, one client
            work(-n - 1)
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            outcomes = list(pool.map(work, range(total)))
        elapsed = time.perf_counter() - began
        stored = sum(1 for _latency, ok in outcomes if ok)
        # Refused requests (ConflictError after Zope's retries) count as work
        # done for nothing: the rate is what got stored.
        results[name] = (stored / elapsed, [latency for latency, _ok in outcomes], total - stored)
    for name, text in failures.items():
        print(f"first refusal ({name}): {text}", flush=True)
    return results


def fill(app, count):
    """``count`` petitions in the Zhengwu box and as many Documents in the
    vanilla folder, in-process (the submission path is measured above)."""
    from DateTime import DateTime
    from plone.dexterity.utils import createContent
    from zhengwu.workdays import add_working_days
    from zope.component.hooks import setSite
    from zope.event import notify
    from zope.lifecycleevent import ObjectCreatedEvent
    import transaction

    rnd = random.Random(6)
    site = app["zhengwu"]
    setSite(site)
    box = site["zh-cn"]["dept"]["box"]
    departments = [site["zh-cn"]["dept"].UID(), "other-a", "other-b", "other-c"]
    wf = site.portal_workflow
    due_cache = {}
    for n in range(count):
        received = date(2024, 1, 1) + timedelta(days=rnd.randrange(1050))
        if received not in due_cache:
            due_cache[received] = add_working_days(received, 10).due_date
        state = STATES[n % len(STATES)]
        obj = createContent(
            "Petition",
            title=f"关于第{n}号事项的留言",
            content="示例留言内容。",
            category=rnd.choice(("consultation", "complaint", "suggestion", "help", "report")),
            submitter_name="王小明",
            phone="13800000001",
            assigned_department=rnd.choice(departments),
        )
        obj.id = f"ly{n}"
        obj.tracking_number = f"LY{received:%Y%m%d}{n:06d}"
        obj.received_date = received
        obj.due_date = due_cache[received]
        if state in ("published", "closed", "answered"):
            obj.replied_date = received + timedelta(days=rnd.randrange(2, 25))
            obj.satisfaction = rnd.choice((None, "satisfied", "very_satisfied", "dissatisfied"))
        notify(ObjectCreatedEvent(obj))
        wf.setStatusOf(
            "zhengwu_petition_workflow",
            obj,
            {
                "review_state": state,
                "action": None,
                "actor": "admin",
                "time": DateTime(),
                "comments": "",
            },
        )
        box._setObject(obj.id, obj)
        added = box._getOb(obj.id)
        wf.getWorkflowById("zhengwu_petition_workflow").updateRoleMappingsFor(added)
        added.reindexObjectSecurity()
        if n % 1000 == 999:
            transaction.commit()
            print(f"  zhengwu: {n + 1} petitions", flush=True)
    transaction.commit()
    vanilla = app["vanilla"]
    setSite(vanilla)
    folder = vanilla["zh-cn"]["dept"]["box"]
    for n in range(count):
        obj = createContent(
            "Document", title=f"关于第{n}号事项的留言", description="示例留言内容。"
        )
        obj.id = f"d{n}"
        notify(ObjectCreatedEvent(obj))
        folder._setObject(obj.id, obj)
        if n % 1000 == 999:
            transaction.commit()
            print(f"  vanilla: {n + 1} documents", flush=True)
    transaction.commit()


def stats_latency(base, samples):
    import requests

    headers = {"Accept": "application/json"}
    json_headers = {"Accept": "application/json", "Content-Type": "application/json"}
    stats_url = f"{base}/zhengwu/@petition-stats?year=2025"
    cold, warm = [], []
    for n in range(samples):
        requests.post(
            f"{base}/zhengwu/zh-cn/dept/box/@petitions",
            json=dict(MESSAGE, title=f"冷启动{n}"),
            headers=json_headers,
            timeout=120,
        )
        began = time.perf_counter()
        response = requests.get(stats_url, headers=headers, timeout=300)
        cold.append(time.perf_counter() - began)
        assert response.status_code == 200 and response.json()["items"], response.text[:300]
    for _ in range(samples * 3):
        began = time.perf_counter()
        requests.get(stats_url, headers=headers, timeout=300)
        warm.append(time.perf_counter() - began)
    search = (
        f"{base}/vanilla/zh-cn/dept/box/@search?portal_type=Document&b_size=25"
        "&metadata_fields=created&sort_on=created&sort_order=reverse"
    )
    for _ in range(3):
        requests.get(search, headers=headers, timeout=300)
    reference = []
    for _ in range(samples * 3):
        began = time.perf_counter()
        response = requests.get(search, headers=headers, timeout=300)
        reference.append(time.perf_counter() - began)
        assert response.status_code == 200
    return cold, warm, reference


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=400)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--petitions", type=int, default=50000)
    parser.add_argument("--samples", type=int, default=10)
    args = parser.parse_args()

    instance = make_instance()
    try:
        app = open_app(instance)
        as_admin(app)
        build_sites(app)
        setup(app)
        app._p_jar.db().close()

        server, base = serve(instance)
        try:
            rates = submissions(base, args.submissions, args.clients)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(60)

        app = reopen()
        as_admin(app)
        print(f"filling {args.petitions} petitions and documents …", flush=True)
        fill(app, args.petitions)
        app._p_jar.db().close()

        server, base = serve(instance)
        try:
            cold, warm, reference = stats_latency(base, args.samples)
            memory = peak_memory_mb(server.pid)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(60)
    finally:
        shutil.rmtree(instance.home.parent, ignore_errors=True)

    v_rate, v_lat, v_failed = rates["vanilla"]
    z_rate, z_lat, z_failed = rates["zhengwu"]
    print(f"\n### Submissions: {args.submissions} by {args.clients} concurrent clients\n")
    print("| measure | vanilla Plone 6.2 | Zhengwu | ratio |\n| --- | --- | --- | --- |")
    print(f"| items stored per second | {v_rate:.1f} | {z_rate:.1f} | {z_rate / v_rate:.2f}× |")
    print(f"| requests refused (conflicts after retries) | {v_failed} | {z_failed} | |")
    print(
        f"| latency median / p95 (ms) | {ms(v_lat):.0f} / {p95(v_lat):.0f} | "
        f"{ms(z_lat):.0f} / {p95(z_lat):.0f} | {ms(z_lat) / ms(v_lat):.2f}× |"
    )
    print(f"\n### `@petition-stats` at {args.petitions:,} petitions\n")
    print("| measure | median ms | p95 ms |\n| --- | --- | --- |")
    print(
        f"| Zhengwu `@petition-stats`, cold (catalog just changed) | {ms(cold):.0f} | {p95(cold):.0f} |"
    )
    print(f"| Zhengwu `@petition-stats`, warm | {ms(warm):.1f} | {p95(warm):.1f} |")
    print(
        f"| vanilla `@search`, one page of {args.petitions:,} Documents (reference) | "
        f"{ms(reference):.1f} | {p95(reference):.1f} |"
    )
    print(f"| ratio cold / vanilla reference | {ms(cold) / ms(reference):.1f}× | |")
    print(f"\nPeak RSS of the server: {memory:.0f} MB")


if __name__ == "__main__":
    main()
