"""Benchmark: public submissions and petition statistics, against vanilla
Plone 6.2 in the same run.

    .venv/bin/python benchmarks/petitions.py [--submissions 400] [--clients 20] [--petitions 50000]

One throw-away FileStorage instance holds a ``vanilla`` Plone 6.2 classic
site and a ``zhengwu`` site (review_workflow.build_sites). Measured over
HTTP (waitress, one process, as ``make start`` runs it):

1. **Submissions per second with ``--clients`` concurrent clients**, the
   median of ``--rounds`` interleaved rounds (vanilla and Zhengwu take turns,
   the first side alternating; both sides send as many requests). Zhengwu: anonymous ``POST <box>/@petitions`` (validation, tracking
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
   vanilla answers ``@search`` for one page of its as many Documents (not
   the same question, so no ratio). The three interleave.

The rules of benchmarks/sampling.py hold (medians; a p95 only from 100
samples). Results go to docs/benchmarks.md. The machine is shared: compare
ratios, not absolute times.
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
import statistics
import sys
import time


sys.path.insert(0, str(Path(__file__).resolve().parent))
from disclosure_catalog import peak_memory_mb  # noqa: E402
from disclosure_catalog import reopen  # noqa: E402
from review_workflow import as_admin  # noqa: E402
from review_workflow import build_sites  # noqa: E402
from review_workflow import make_instance  # noqa: E402
from review_workflow import open_app  # noqa: E402
from review_workflow import serve  # noqa: E402
from sampling import describe_ms  # noqa: E402
from sampling import interleave  # noqa: E402
from sampling import median_ms  # noqa: E402
from sampling import require_equal  # noqa: E402


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
    # Indexed now, into this site's catalog: the indexing queue indexes into
    # the catalog of the site active when it runs.
    transaction.commit()
    site = app["zhengwu"]
    setSite(site)
    dept = site["zh-cn"]["dept"]
    box = api.content.create(
        container=dept, type="PetitionBox", id="box", title="局长信箱", department=dept.UID()
    )
    api.content.transition(box, transition="publish")
    api.portal.set_registry_record("zhengwu.submissions.submissions_per_window", 10_000)
    transaction.commit()


def submissions(base, total, clients, rounds):
    """``total`` submissions per side in ``rounds`` interleaved rounds (the
    first side alternates), each round by ``clients`` concurrent clients.
    Returns name → (round rates of stored items, latencies, refused)."""
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
    sides = {"vanilla": vanilla, "zhengwu": zhengwu}
    # Both sides must store their warm-up requests (one client) before anything is timed.
    require_equal(
        "submission warm-up (stored of 10)",
        {name: sum(work(-n - 1)[1] for n in range(10)) for name, work in sides.items()},
    )
    per_round = total // rounds
    outcomes = {name: [] for name in sides}

    def round_of(name):
        def run(r):
            numbers = range(r * per_round, (r + 1) * per_round)
            with ThreadPoolExecutor(max_workers=clients) as pool:
                outcomes[name].append(list(pool.map(sides[name], numbers)))

        return run

    timings = interleave({name: round_of(name) for name in sides}, rounds)
    results = {}
    for name in sides:
        # Refused requests (ConflictError after Zope's retries) count as work
        # done for nothing: the rate is what got stored.
        stored = [sum(1 for _latency, ok in done if ok) for done in outcomes[name]]
        rates = [n / elapsed for n, elapsed in zip(stored, timings[name], strict=True)]
        latencies = [latency for done in outcomes[name] for latency, _ok in done]
        results[name] = (rates, latencies, per_round * rounds - sum(stored))
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
    wf = vanilla.portal_workflow
    for n in range(count):
        obj = createContent(
            "Document", title=f"关于第{n}号事项的留言", description="示例留言内容。"
        )
        obj.id = f"d{n}"
        notify(ObjectCreatedEvent(obj))
        # Published, so that the anonymous reference search finds them all.
        wf.setStatusOf(
            "simple_publication_workflow",
            obj,
            {
                "review_state": "published",
                "action": "publish",
                "actor": "admin",
                "time": DateTime(),
                "comments": "",
            },
        )
        folder._setObject(obj.id, obj)
        added = folder._getOb(obj.id)
        wf.getWorkflowById("simple_publication_workflow").updateRoleMappingsFor(added)
        added.reindexObjectSecurity()
        if n % 1000 == 999:
            transaction.commit()
            print(f"  vanilla: {n + 1} documents", flush=True)
    transaction.commit()


def stats_latency(base, samples, documents):
    """Zhengwu ``@petition-stats`` cold (a submission, untimed, before each
    sample) and warm, and vanilla's ``@search`` reference, interleaved."""
    import requests

    headers = {"Accept": "application/json"}
    json_headers = {"Accept": "application/json", "Content-Type": "application/json"}
    stats_url = f"{base}/zhengwu/@petition-stats?year=2025"
    search = (
        f"{base}/vanilla/zh-cn/dept/box/@search?portal_type=Document&b_size=25"
        "&metadata_fields=created&sort_on=created&sort_order=reverse"
    )

    def get(url):
        response = requests.get(url, headers=headers, timeout=300)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
        return response

    def submit(n):
        response = requests.post(
            f"{base}/zhengwu/zh-cn/dept/box/@petitions",
            json=dict(MESSAGE, title=f"冷启动{n}"),
            headers=json_headers,
            timeout=120,
        )
        assert response.status_code == 201, response.text[:300]

    assert get(stats_url).json()["items"], "no statistics"
    found = get(search).json()["items_total"]
    assert found >= documents, f"the reference search finds {found} of {documents} Documents"
    for _ in range(3):
        get(stats_url)
        get(search)
    timings = interleave(
        {
            "cold": lambda n: get(stats_url),
            "warm": lambda n: get(stats_url),
            "reference": lambda n: get(search),
        },
        samples,
        prepare={"cold": submit},
    )
    return timings["cold"], timings["warm"], timings["reference"], found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=400)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--petitions", type=int, default=50000)
    parser.add_argument("--rounds", type=int, default=4, help="submission rounds per side")
    parser.add_argument("--samples", type=int, default=20)
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
            rates = submissions(base, args.submissions, args.clients, args.rounds)
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
            cold, warm, reference, found = stats_latency(base, args.samples, args.petitions)
            memory = peak_memory_mb(server.pid)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(60)
    finally:
        shutil.rmtree(instance.home.parent, ignore_errors=True)

    v_rates, v_lat, v_failed = rates["vanilla"]
    z_rates, z_lat, z_failed = rates["zhengwu"]
    v_rate, z_rate = statistics.median(v_rates), statistics.median(z_rates)
    print(
        f"\n### Submissions: {args.submissions} a side by {args.clients} concurrent clients, "
        f"{len(v_rates)} interleaved rounds\n"
    )
    print(
        "| measure | vanilla Plone 6.2 | Zhengwu | ratio |\n| --- | --- | --- | --- |\n"
        f"| requests sent | {len(v_lat)} | {len(z_lat)} | |\n"
        f"| items stored per second (median of the rounds) | {v_rate:.1f} | {z_rate:.1f} "
        f"| {z_rate / v_rate:.2f}× |\n"
        f"| requests refused (conflicts after retries) | {v_failed} | {z_failed} | |\n"
        f"| latency, ms: median (p95 where ≥ 100 samples) | {describe_ms(v_lat, 0)} "
        f"| {describe_ms(z_lat, 0)} | {median_ms(z_lat) / median_ms(v_lat):.2f}× |"
    )
    print(
        f"\n### `@petition-stats` at {args.petitions:,} petitions ({len(cold)} interleaved samples "
        "each)\n"
    )
    print("| measure | median ms (p95 where ≥ 100 samples) |\n| --- | --- |")
    print(f"| Zhengwu `@petition-stats`, cold (catalog just changed) | {describe_ms(cold, 0)} |")
    print(f"| Zhengwu `@petition-stats`, warm | {describe_ms(warm)} |")
    print(
        f"| vanilla `@search`, one page of its {found:,} Documents (a reference for one catalog "
        f"query, not the same question: no ratio) | {describe_ms(reference)} |"
    )
    print(
        f"\nPeak RSS of the server: {memory:.0f} MB. python={sys.version.split()[0]} "
        f"load={os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
