"""Benchmark: a disclosure catalog of 100,000 items against vanilla Plone 6.2.

    .venv/bin/python benchmarks/disclosure_catalog.py [--items 100000] [--checkpoints 1000,10000,100000]

One throw-away FileStorage instance, three sites built in the same process
(benchmarks/review_workflow.py builds them): ``vanilla`` (Plone 6.2 classic)
with plain Documents in one Folder; ``vanilla_dt``, the same with Document
left out of ``plone.displayed_types`` (the types navigation lists), as
Zhengwu leaves out DisclosureItem; and ``zhengwu`` with DisclosureItems in
one DisclosureCatalog. All get the same data per item: title, summary,
subject keywords (the topic's first and second level titles and the genre),
a written/effective date.

The catalog is filled in published state on every site the way a bulk import
does it (content created, workflow status set, then added to the folder: one
indexing per item). At each checkpoint the run measures:

- items created per second through ``plone.api.content.create`` in the full
  folder, vanilla against Zhengwu: the median of ``--rounds`` interleaved
  rounds of ``--per-round`` items (a commit every 20);
- over HTTP (runwsgi, one process, the database closed in this process):
  the anonymous HTML page of one item (vanilla, vanilla_dt and Zhengwu, with
  the number of sibling items each page links to), REST GET of one item in
  the full folder and in a small (10-item) one, and Zhengwu's
  ``@disclosure-catalog`` with (a) one facet filter, (b) three filters and
  full text, (c) no filter (the whole catalog's facet counts) against
  vanilla's ``@search`` asking the same question;
- the peak memory (VmHWM) of the serving Zope process.

The rules of benchmarks/sampling.py hold: both sides of a pair must return
the same number of hits before it is timed (the run stops otherwise), the
samples interleave, figures are medians, a p95 needs 100 samples. Results
print as Markdown after each checkpoint (docs/benchmarks.md keeps them).
"""

from datetime import date
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode
import argparse
import os
import random
import re
import shutil
import signal
import statistics
import sys
import time


sys.path.insert(0, str(Path(__file__).resolve().parent))
from review_workflow import as_admin  # noqa: E402
from review_workflow import build_sites  # noqa: E402
from review_workflow import build_vanilla  # noqa: E402
from review_workflow import make_instance  # noqa: E402
from review_workflow import open_app  # noqa: E402
from review_workflow import serve  # noqa: E402
from sampling import describe_ms  # noqa: E402
from sampling import interleave  # noqa: E402
from sampling import median_ms  # noqa: E402
from sampling import require_equal  # noqa: E402


VANILLA_SITES = ("vanilla", "vanilla_dt")
SITES = (*VANILLA_SITES, "zhengwu")
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
        subjects = (
            topics.topic_title(data["topic"][:2]),  # the first level, as its index holds
            topics.topic_title(data["topic"], full=False),
            data["genre"],
        )
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


def create_items(container, zhengwu, ids):
    """Private items through plone.api, a commit every 20."""
    from plone import api
    import transaction

    for i, n in enumerate(ids):
        data = item_data(n)
        if zhengwu:
            api.content.create(
                container=container,
                type="DisclosureItem",
                id=f"new{n}",
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
                id=f"new{n}",
                title=data["title"],
                description=data["description"],
            )
        if i % 20 == 19:
            transaction.commit()
    transaction.commit()


def creation_rates(app, container_path, rounds, per_round, offset):
    """Items per second created with plone.api in the full folder, vanilla
    and Zhengwu interleaved round by round (the first side alternates).
    Returns site → list of round rates. vanilla_dt then gets the same items,
    untimed, so its folder stays the same as vanilla's."""
    from zope.component.hooks import setSite

    def round_of(site_id):
        def work(r):
            setSite(app[site_id])
            container = app[site_id].unrestrictedTraverse(container_path)
            start = offset + r * per_round
            create_items(container, site_id == "zhengwu", range(start, start + per_round))

        return work

    timings = interleave({s: round_of(s) for s in ("vanilla", "zhengwu")}, rounds)
    for r in range(rounds):
        round_of("vanilla_dt")(r)
    counts = {}
    for site_id in SITES:
        folder = app[site_id].unrestrictedTraverse(container_path)
        counts[site_id] = sum(1 for i in folder.objectIds() if i.startswith("new"))
    require_equal("items created", counts)
    return {s: [per_round / t for t in values] for s, values in timings.items()}


def setup_catalogs(app):
    """A full and a small catalog folder on each site. Each site's changes
    are committed while that site is active: the indexing queue indexes into
    the active site's catalog, and a folder missing from its own site's
    catalog changes what that site's navigation shows."""
    from plone import api
    from zope.component.hooks import setSite
    import transaction

    setSite(app["vanilla"])
    shown = api.portal.get_registry_record("plone.displayed_types")
    build_vanilla(app, "vanilla_dt", displayed_types=[t for t in shown if t != "Document"])
    for site_id in VANILLA_SITES:
        setSite(app[site_id])
        for id_ in ("catalog", "small"):
            folder = api.content.create(
                container=app[site_id]["zh-cn"]["dept"], type="Folder", id=id_, title="公开目录"
            )
            api.content.transition(folder, transition="publish")
        transaction.commit()
    setSite(app["zhengwu"])
    dept = app["zhengwu"]["zh-cn"]["dept"]
    for id_ in ("catalog", "small"):
        catalog = api.content.create(
            container=dept, type="DisclosureCatalog", id=id_, title="公开目录", organ=dept.UID()
        )
        api.content.transition(catalog, transition="publish")
    transaction.commit()
    for site_id in SITES:
        fill(app, site_id, "zh-cn/dept/small", 0, 10)
    for site_id in SITES:
        indexed = set(app[site_id].portal_catalog._catalog.uids.keys())
        wanted = {f"/{site_id}/zh-cn/dept/{p}" for p in ("", "catalog", "small/d5")}
        wanted = {p.rstrip("/") for p in wanted} | {f"/{site_id}/zh-cn"}
        assert wanted <= indexed, (site_id, sorted(wanted - indexed))
        foreign = [p for p in indexed if not p.startswith(f"/{site_id}/") and p != f"/{site_id}"]
        assert not foreign, (site_id, foreign[:5])


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


def get(url, headers=None):
    import requests

    response = requests.get(url, headers=headers or {}, timeout=300)
    assert response.status_code == 200, (url, response.status_code, response.text[:300])
    return response


def timed_group(label, urls, hits_of, count, budget, headers=None, same=None):
    """Hits of each side of ``label`` (asserted equal; with ``same``, what
    ``same`` makes of each answer too), 3 warm-ups each, then ``count``
    interleaved samples. Returns (site → hits, site → timings)."""
    answers = {name: get(url, headers) for name, url in urls.items()}
    hits = {name: hits_of(name, response) for name, response in answers.items()}
    require_equal(
        label,
        {name: value[0] if isinstance(value, tuple) else value for name, value in hits.items()},
    )
    if same is not None:
        require_equal(f"{label} (the items found)", {n: same(r) for n, r in answers.items()})
    for _ in range(3):
        for url in urls.values():
            get(url, headers)
    work = {name: (lambda n, url=url: get(url, headers)) for name, url in urls.items()}
    return hits, interleave(work, count, budget)


SIBLING = re.compile(r'href="[^"]*/catalog/((?:d|new)\d+)["/?#]')


def measure_http(instance, size, samples, page_samples):
    from zhengwu.disclosure.topics import base_topics

    titles = {t.code: t.title for t in base_topics()}
    json = {"Accept": "application/json"}
    server, base = serve(instance)
    try:
        dept = {site_id: f"{base}/{site_id}/zh-cn/dept" for site_id in SITES}
        v, z = dept["vanilla"], dept["zhengwu"]
        one = f"d{size // 2}"
        rows, notes = [], []

        def page(name, response):
            # A page is one hit; beside it, how many sibling items it links to.
            return 1, len(set(SIBLING.findall(response.text)) - {one})

        rows.append(
            (
                "item HTML (anonymous)",
                *timed_group(
                    "item HTML",
                    {s: f"{dept[s]}/catalog/{one}" for s in SITES},
                    page,
                    page_samples,
                    budget=240,
                ),
            )
        )

        def item(name, response):
            data = response.json()
            return (data["id"], data["title"])

        hits, timings = timed_group(
            "item REST GET",
            {
                "vanilla": f"{v}/catalog/{one}",
                "zhengwu": f"{z}/catalog/{one}",
                "vanilla small": f"{v}/small/d5",
                "zhengwu small": f"{z}/small/d5",
            },
            lambda name, response: 1 if item(name, response)[0] in (one, "d5") else 0,
            samples,
            budget=120,
            headers=json,
        )
        for suffix, label in (("", "item REST GET"), (" small", "item REST GET, small folder")):
            pick = {"vanilla": f"vanilla{suffix}", "zhengwu": f"zhengwu{suffix}"}
            rows.append(
                (
                    label,
                    {s: hits[k] for s, k in pick.items()},
                    {s: timings[k] for s, k in pick.items()},
                )
            )

        # newest first, as the disclosure catalog lists; 20 a page
        search = [
            ("portal_type", "Document"),
            ("review_state", "published"),
            ("path.depth", "1"),
            ("b_size", "20"),
            ("metadata_fields", "effective"),
            ("sort_on", "effective"),
            ("sort_order", "reverse"),
        ]
        topic_genre = [
            # topic 10 (first level) AND genre: both are keywords of the item
            ("Subject.query", titles["10"]),
            ("Subject.query", "notice"),
            ("Subject.operator", "and"),
        ]
        # publication year 2020 in China (effective is 09:00 Asia/Shanghai)
        year = [
            ("effective.query", "2020/01/01 00:00:00 GMT+8"),
            ("effective.query", "2020/12/31 23:59:59 GMT+8"),
            ("effective.range", "min:max"),
        ]
        text = [("SearchableText", "公积金")]
        queries = (
            ("(a) one facet filter", [("Subject", titles["1002"])], {"topic": "1002"}, ()),
            (
                "(b) three filters + full text",
                topic_genre + text + year,
                {"topic": "10", "genre": "notice", "year": "2020", "q": "公积金"},
                # (b) finds few items or none below 10,000: its parts, untimed,
                # must find the same items on both sides too.
                (
                    ("(b), its topic + genre", topic_genre, {"topic": "10", "genre": "notice"}),
                    ("(b), its year", year, {"year": "2020"}),
                    ("(b), its full text", text, {"q": "公积金"}),
                ),
            ),
            ("(c) facet counts, whole catalog", [], {}, ()),
        )

        def urls(vanilla_query, zhengwu_query):
            return {
                "vanilla": f"{v}/catalog/@search?{urlencode(search + vanilla_query)}",
                "zhengwu": f"{z}/catalog/@disclosure-catalog?{urlencode(zhengwu_query)}",
            }

        def total(name, response):
            return response.json()["items_total"]

        for label, vanilla_query, zhengwu_query, parts in queries:
            checked = []
            for part, vanilla_part, zhengwu_part in parts:
                found = {
                    n: total(n, get(u, json)) for n, u in urls(vanilla_part, zhengwu_part).items()
                }
                checked.append(f"{part}: {require_equal(part, found):,}")
            hits, timings = timed_group(
                label,
                urls(vanilla_query, zhengwu_query),
                total,
                samples,
                budget=120,
                headers=json,
                same=found_ids,
            )
            rows.append((label, hits, timings))
            if checked:
                print(f"checked, untimed: {'; '.join(checked)}", file=sys.stderr)
                notes.append(f"{label}, its parts checked untimed: {'; '.join(checked)}.")
        memory = peak_memory_mb(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(60)
    return rows, memory, notes


def found_ids(response):
    """The item ids of a result that fits on its first page (else its size):
    a small result must be the very same items on both sides."""
    data = response.json()
    if data["items_total"] > len(data["items"]):
        return data["items_total"]
    return tuple(sorted(item["@id"].rstrip("/").rsplit("/", 1)[-1] for item in data["items"]))


def hits_text(hits):
    """``1,199 / 1,199``; a page: ``1 / 1 / 1 (sibling links 0 / 0 / 0)``."""
    sides = [s for s in SITES if s in hits]
    if isinstance(hits[sides[0]], tuple):
        counts = " / ".join(f"{hits[s][0]:,}" for s in sides)
        links = " / ".join(f"{hits[s][1]:,}" for s in sides)
        return f"{counts} (sibling links {links})"
    return " / ".join(f"{hits[s]:,}" for s in sides)


def report(size, rates, per_round, rows, memory, notes):
    print(f"\n### {size:,} items\n")
    print(
        "Hits: vanilla / Zhengwu (item HTML: vanilla / vanilla_dt / Zhengwu), asserted equal "
        "before timing. Times: median ms (p95 where ≥ 100 samples). Ratio: Zhengwu / vanilla.\n"
    )
    print(
        "| measure | hits | vanilla Plone 6.2 | Zhengwu | ratio | samples per side |\n"
        "| --- | --- | --- | --- | --- | --- |"
    )
    v, z = statistics.median(rates["vanilla"]), statistics.median(rates["zhengwu"])
    rounds = len(rates["vanilla"])
    print(
        f"| items created per second (plone.api, full folder; median of {rounds} interleaved "
        f"rounds) | {per_round} / {per_round} a round | {v:.1f} | {z:.1f} | {z / v:.2f}× "
        f"| {rounds} rounds |"
    )
    for label, hits, timings in rows:
        hits_cell = hits_text(hits)
        vt, zt = timings["vanilla"], timings["zhengwu"]
        print(
            f"| {label} | {hits_cell} | {describe_ms(vt)} | {describe_ms(zt)} "
            f"| {median_ms(zt) / median_ms(vt):.2f}× | {len(vt)} |"
        )
        if "vanilla_dt" in timings:
            dt = timings["vanilla_dt"]
            print(
                f"| {label}, against vanilla_dt (Document out of `plone.displayed_types`) "
                f"| {hits_cell} | {describe_ms(dt)} | {describe_ms(zt)} "
                f"| {median_ms(zt) / median_ms(dt):.2f}× | {len(dt)} |"
            )
            notes.append(
                f"{label}: the setting alone (vanilla_dt / vanilla) "
                f"{median_ms(dt) / median_ms(vt):.2f}×; Zhengwu's code beyond it "
                f"(Zhengwu / vanilla_dt) {median_ms(zt) / median_ms(dt):.2f}×."
            )
    print(f"| peak memory of the serving Zope process (three sites) | | | {memory:.0f} MB | | |")
    timings = {label: t for label, _hits, t in rows}
    big = timings["item REST GET"]["zhengwu"]
    small = timings["item REST GET, small folder"]["zhengwu"]
    notes.append(
        "Zhengwu REST GET of one item, rate in the full catalog / in a small one "
        f"(interleaved): {median_ms(small) / median_ms(big):.2f}×."
    )
    for note in notes:
        print(f"\n{note}")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--checkpoints", default="1000,10000,100000")
    parser.add_argument("--rounds", type=int, default=5, help="creation rounds per side")
    parser.add_argument("--per-round", type=int, default=40, help="items created a round")
    parser.add_argument("--samples", type=int, default=100, help="REST and query samples")
    parser.add_argument("--page-samples", type=int, default=30, help="item HTML samples")
    args = parser.parse_args()
    checkpoints = sorted(
        {int(c) for c in args.checkpoints.split(",") if int(c) <= args.items} | {args.items}
    )

    os.environ.setdefault("zope_i18n_compile_mo_files", "true")
    instance = make_instance()
    app = open_app(instance)
    as_admin(app)
    print(f"building the three sites in {instance.home} …", file=sys.stderr)
    build_sites(app)
    setup_catalogs(app)
    done, offset = 0, 0
    try:
        for checkpoint in checkpoints:
            for site_id in SITES:
                print(f"{site_id}: filling to {checkpoint:,} items …", file=sys.stderr)
                began = time.perf_counter()
                fill(app, site_id, "zh-cn/dept/catalog", done, checkpoint)
                print(
                    f"  {checkpoint - done} items in {time.perf_counter() - began:.0f} s",
                    file=sys.stderr,
                )
            done = checkpoint
            print("creation rounds …", file=sys.stderr)
            rates = creation_rates(app, "zh-cn/dept/catalog", args.rounds, args.per_round, offset)
            offset += args.rounds * args.per_round
            app._p_jar.close()
            app._p_jar.db().close()
            print("HTTP …", file=sys.stderr)
            rows, memory, notes = measure_http(
                instance, checkpoint, args.samples, args.page_samples
            )
            report(checkpoint, rates, args.per_round, rows, memory, notes)
            app = reopen()
            as_admin(app)
        app._p_jar.close()
        app._p_jar.db().close()
    finally:
        shutil.rmtree(instance.home.parent, ignore_errors=True)  # gigabytes at 100,000 items
    print(
        f"\nitems={args.items} checkpoints={checkpoints} rounds={args.rounds}x{args.per_round} "
        f"samples={args.samples} page_samples={args.page_samples} "
        f"python={sys.version.split()[0]} load={os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
