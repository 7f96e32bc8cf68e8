"""Benchmark: a disclosure catalog of 100,000 items against vanilla Plone 6.2.

    .venv/bin/python benchmarks/disclosure_catalog.py [--items 100000] [--checkpoints 1000,10000,100000]

One throw-away FileStorage instance, two sites built in the same process
(benchmarks/review_workflow.py builds them): ``vanilla`` (Plone 6.2 classic)
with plain Documents in one Folder, and ``zhengwu`` with DisclosureItems in
one DisclosureCatalog. Both get the same data per item: title, summary,
subject keywords (the topic and genre titles), a written/effective date.

The catalog is filled in published state on both sites the way a bulk import
does it (content created, workflow status set, then added to the folder: one
indexing per item). At each checkpoint the run measures, for each site:

- items created per second through ``plone.api.content.create`` (200 items,
  a commit every 20): the editor's path, in the full folder;
- over HTTP (runwsgi, one process, the database closed in this process):
  the anonymous HTML page of one item, REST GET of one item, and for Zhengwu
  ``@disclosure-catalog`` with (a) one facet filter, (b) three filters and
  full text, (c) no filter (the whole catalog's facet counts) — against
  vanilla's ``@search`` with the equivalent Subject/text filters;
- REST GET of an item in a small catalog (10 items), to show the big folder
  costs nothing per item;
- the peak memory (VmHWM) of the serving Zope process.

Results print as Markdown after each checkpoint (docs/benchmarks.md keeps
them). The machine is shared: compare medians and ratios.
"""

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
from review_workflow import as_admin  # noqa: E402
from review_workflow import build_sites  # noqa: E402
from review_workflow import make_instance  # noqa: E402
from review_workflow import open_app  # noqa: E402
from review_workflow import serve  # noqa: E402


TOPICS = ("0201", "0401", "0402", "1001", "1002", "0902", "1101", "1401")
GENRES = ("notice", "opinion", "decision", "report", "public_notice", "letter")
WORDS = ("住房", "公积金", "教育", "医疗", "税收", "预算", "交通", "环境", "就业", "养老")


def item_data(n):
    rnd = random.Random(n)
    topic, genre = rnd.choice(TOPICS), rnd.choice(GENRES)
    written = date(2016, 1, 1) + timedelta(days=rnd.randrange(3650))
    word = rnd.choice(WORDS)
    return {
        "title": f"关于{word}工作的通知（第{n}号）",
        "description": f"示例市{word}相关政策文件，编号{n}。",
        "topic": topic,
        "genre": genre,
        "written": written,
        "document_number": f"示政发〔{written.year}〕{n % 900 + 1}号",
    }


def fill(app, site_id, container_path, start, stop, zhengwu=None):
    """Add items ``start``..``stop`` in published state, one indexing each
    (DisclosureItems on the Zhengwu site, Documents on vanilla)."""
    from DateTime import DateTime
    from plone.dexterity.utils import createContent
    from zhengwu.disclosure import index_numbers
    from zhengwu.disclosure import topics
    from zope.component.hooks import setSite
    from zope.event import notify
    from zope.lifecycleevent import ObjectCreatedEvent
    import transaction

    site = app[site_id]
    setSite(site)
    container = site.unrestrictedTraverse(container_path)
    wf = site.portal_workflow
    zhengwu = site_id == "zhengwu" if zhengwu is None else zhengwu
    chain = "zhengwu_review_workflow" if zhengwu else "simple_publication_workflow"
    for n in range(start, stop):
        data = item_data(n)
        subjects = (topics.topic_title(data["topic"], full=False), data["genre"])
        effective = DateTime(data["written"].isoformat() + " 09:00 Asia/Shanghai")
        if zhengwu:
            obj = createContent(
                "DisclosureItem",
                title=data["title"],
                description=data["description"],
                subject=subjects,
                topic=data["topic"],
                genre=data["genre"],
                written_date=data["written"],
                document_number=data["document_number"],
                issuing_organ=container.organ,
            )
        else:
            obj = createContent(
                "Document", title=data["title"], description=data["description"], subject=subjects
            )
        obj.id = f"d{n}"
        obj.setEffectiveDate(effective)
        notify(ObjectCreatedEvent(obj))
        wf.setStatusOf(
            chain,
            obj,
            {
                "review_state": "published",
                "action": "publish",
                "actor": "admin",
                "time": DateTime(),
                "comments": "",
            },
        )
        if zhengwu:
            code = "11999900MB0000010H"
            obj.index_number = index_numbers.registry(site).next_number(
                code, data["written"].year, f"uid-{n}"
            )
        container._setObject(obj.id, obj)
        added = container._getOb(obj.id)
        wf.getWorkflowById(chain).updateRoleMappingsFor(added)
        added.reindexObjectSecurity()
        if n % 500 == 499:
            transaction.commit()
    transaction.commit()


def api_creation_rate(app, site_id, container_path, count, offset):
    """Items per second created with plone.api (private), a commit every 20."""
    from plone import api
    from zope.component.hooks import setSite
    import transaction

    site = app[site_id]
    setSite(site)
    container = site.unrestrictedTraverse(container_path)
    began = time.perf_counter()
    for n in range(count):
        data = item_data(offset + n)
        if site_id == "zhengwu":
            api.content.create(
                container=container,
                type="DisclosureItem",
                id=f"new{offset + n}",
                title=data["title"],
                description=data["description"],
                topic=data["topic"],
                genre=data["genre"],
                written_date=data["written"],
            )
        else:
            api.content.create(
                container=container,
                type="Document",
                id=f"new{offset + n}",
                title=data["title"],
                description=data["description"],
            )
        if n % 20 == 19:
            transaction.commit()
    transaction.commit()
    return count / (time.perf_counter() - began)


def setup_catalogs(app):
    from plone import api
    from zope.component.hooks import setSite
    import transaction

    setSite(app["vanilla"])
    for id_ in ("catalog", "small"):
        folder = api.content.create(
            container=app["vanilla"]["zh-cn"]["dept"], type="Folder", id=id_, title="公开目录"
        )
        api.content.transition(folder, transition="publish")
    setSite(app["zhengwu"])
    dept = app["zhengwu"]["zh-cn"]["dept"]
    for id_ in ("catalog", "small"):
        catalog = api.content.create(
            container=dept, type="DisclosureCatalog", id=id_, title="公开目录", organ=dept.UID()
        )
        api.content.transition(catalog, transition="publish")
    transaction.commit()
    for site_id in ("vanilla", "zhengwu"):
        fill(app, site_id, "zh-cn/dept/small", 0, 10)


def reopen():
    """Open the database again after the HTTP measurements (Zope opens it
    once per process; its tables keep the closed one)."""
    from App.config import getConfiguration
    from App.ZApplication import ZApplicationWrapper
    from Testing.makerequest import makerequest
    from zope.globalrequest import setRequest
    import OFS.Application
    import Zope2

    dbtab = getConfiguration().dbtab
    dbtab.databases.clear()
    db = dbtab.getDatabase("/", is_root=1)
    Zope2.DB = db
    Zope2.bobo_application = ZApplicationWrapper(db, "Application", OFS.Application.Application)
    app = makerequest(Zope2.app())
    app.REQUEST["PARENTS"] = [app]
    setRequest(app.REQUEST)
    return app


def peak_memory_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sample(url, headers=None, count=30, budget=30.0):
    """Response times of ``count`` GETs after 3 warm-ups, stopping early past ``budget`` seconds."""
    import requests

    for _ in range(3):
        response = requests.get(url, headers=headers or {}, timeout=120)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
    timings = []
    started = time.perf_counter()
    for _ in range(count):
        began = time.perf_counter()
        requests.get(url, headers=headers or {}, timeout=120)
        timings.append(time.perf_counter() - began)
        if time.perf_counter() - started > budget and len(timings) >= 5:
            break
    return timings


def measure_http(instance, size):
    json = {"Accept": "application/json"}
    server, base = serve(instance)
    try:
        v = f"{base}/vanilla/zh-cn/dept"
        z = f"{base}/zhengwu/zh-cn/dept"
        one = f"d{size // 2}"
        # newest first, as the disclosure catalog lists
        search = (
            "@search?portal_type=Document&review_state=published&path.depth=1&b_size=20"
            "&metadata_fields=effective&sort_on=effective&sort_order=reverse"
        )
        results = {
            ("item HTML (anonymous)", "vanilla"): sample(f"{v}/catalog/{one}", count=20, budget=40),
            ("item HTML (anonymous)", "zhengwu"): sample(f"{z}/catalog/{one}", count=20, budget=40),
            ("item REST GET", "vanilla"): sample(f"{v}/catalog/{one}", json),
            ("item REST GET", "zhengwu"): sample(f"{z}/catalog/{one}", json),
            ("item REST GET, small folder", "vanilla"): sample(f"{v}/small/d5", json),
            ("item REST GET, small folder", "zhengwu"): sample(f"{z}/small/d5", json),
            ("(a) one facet filter", "vanilla"): sample(f"{v}/catalog/{search}&Subject=住房", json),
            ("(a) one facet filter", "zhengwu"): sample(
                f"{z}/catalog/@disclosure-catalog?topic=1002", json
            ),
            ("(b) three filters + full text", "vanilla"): sample(
                f"{v}/catalog/{search}&Subject=住房&Subject=notice&SearchableText=公积金"
                "&effective.query=2020-01-01&effective.query=2020-12-31&effective.range=min:max",
                json,
            ),
            ("(b) three filters + full text", "zhengwu"): sample(
                f"{z}/catalog/@disclosure-catalog?topic=10&genre=notice&year=2020&q=公积金", json
            ),
            ("(c) facet counts, whole catalog", "vanilla"): sample(f"{v}/catalog/{search}", json),
            ("(c) facet counts, whole catalog", "zhengwu"): sample(
                f"{z}/catalog/@disclosure-catalog", json
            ),
        }
        memory = peak_memory_mb(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(60)
    return results, memory


def ms(values):
    return statistics.median(values) * 1000


def p95(values):
    ordered = sorted(values)
    return ordered[max(int(len(ordered) * 0.95) - 1, 0)] * 1000


def report(size, rates, http, memory):
    print(f"\n### {size:,} items\n")
    print("| measure | vanilla Plone 6.2 | Zhengwu | ratio |\n| --- | --- | --- | --- |")
    print(
        f"| items created per second (plone.api, full folder) | {rates['vanilla']:.1f} | {rates['zhengwu']:.1f} | {rates['zhengwu'] / rates['vanilla']:.2f}× |"
    )
    labels = sorted(
        {label for label, _site in http},
        key=lambda s: list(dict.fromkeys(k[0] for k in http)).index(s),
    )
    for label in labels:
        v, z = http[(label, "vanilla")], http[(label, "zhengwu")]
        print(
            f"| {label}: median ms (p95) | {ms(v):.1f} ({p95(v):.1f}) | {ms(z):.1f} ({p95(z):.1f}) | {ms(z) / ms(v):.2f}× |"
        )
    print(f"| peak memory of the serving Zope process (both sites) | | {memory:.0f} MB | |")
    big, small = (
        http[("item REST GET", "zhengwu")],
        http[("item REST GET, small folder", "zhengwu")],
    )
    print(
        f"\nZhengwu REST GET of one item, rate in the full catalog / in a small one: {ms(small) / ms(big):.2f}×"
    )
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--checkpoints", default="1000,10000,100000")
    args = parser.parse_args()
    checkpoints = sorted(
        {int(c) for c in args.checkpoints.split(",") if int(c) <= args.items} | {args.items}
    )

    os.environ.setdefault("zope_i18n_compile_mo_files", "true")
    instance = make_instance()
    app = open_app(instance)
    as_admin(app)
    print(f"building the two sites in {instance.home} …", file=sys.stderr)
    build_sites(app)
    setup_catalogs(app)
    done, offset = 0, 0
    for checkpoint in checkpoints:
        for site_id in ("vanilla", "zhengwu"):
            print(f"{site_id}: filling to {checkpoint:,} items …", file=sys.stderr)
            began = time.perf_counter()
            fill(app, site_id, "zh-cn/dept/catalog", done, checkpoint)
            print(
                f"  {checkpoint - done} items in {time.perf_counter() - began:.0f} s",
                file=sys.stderr,
            )
        done = checkpoint
        rates = {
            s: api_creation_rate(app, s, "zh-cn/dept/catalog", 200, offset)
            for s in ("vanilla", "zhengwu")
        }
        offset += 200
        app._p_jar.close()
        app._p_jar.db().close()
        http, memory = measure_http(instance, checkpoint)
        report(checkpoint, rates, http, memory)
        app = reopen()
        as_admin(app)
    app._p_jar.close()
    app._p_jar.db().close()
    shutil.rmtree(instance.home.parent, ignore_errors=True)  # gigabytes at 100,000 items
    print(f"\nitems={args.items} checkpoints={checkpoints} python={sys.version.split()[0]}")


if __name__ == "__main__":
    main()
