"""Benchmark: the site-health indicators on a site of 100,000 disclosure items.

    .venv/bin/python benchmarks/site_health.py [--items 100000] [--samples 30]

Vanilla Plone has no dashboard of inspection indicators, so there is nothing
of its own to run against ``compute``. What is compared is the catalog work:
vanilla Plone 6.2 (classic) with the same folders and as many Documents as
Zhengwu has items, asked the same catalog questions — one per column for its
newest published item, the petitions' and guides' queries, the policy
documents' three counts, the repealed documents — with the same brains
made and the same metadata read, but without Zhengwu's own indexes (where
Zhengwu asks ``column_type``, ``has_interpretation``, ``disclosure_kind`` or
``disclosure_validity``, vanilla asks its folder paths and Subject keywords
carried by the same items). Both sides' queries must find the same numbers
of items before anything is timed (benchmarks/sampling.py). The ratio says
what Zhengwu's indicators cost beyond the catalog queries they are made of;
the absolute Zhengwu figure answers the rule that matters: under one second.

One throw-away FileStorage instance, both sites in the same process
(benchmarks/review_workflow.py builds them). The columns, under
``<site>/zh-cn/dept``, are the same on both sides:

- ``news1``, ``news2``: news columns of 500 News Items each (Documents on vanilla);
- ``notice`` (20 % of the items), ``policy1`` and ``policy2`` (20 % each),
  ``interp`` (10 %), ``open1`` and ``open2`` (15 % each): disclosure catalogs
  of those column types (Folders on vanilla) holding the disclosure items;
- ``service``, ``interaction``: blank columns.

Every 20th item is a normative document, every 100th repealed (half of
those without the date); publication dates spread over three years. Items are
created the way a bulk import makes them, in the fastest honest way: content
objects built, their workflow status and effective date set, added to their
folder without events and catalogued once: every metadata column, and the
indexes listed in ``INDEXES`` — all those the timed queries read, on both
sides alike; the full text and the facet indexes no timed query touches stay
empty (benchmarks/disclosure_catalog.py fills everything, with events and a
second security reindex, at a few items a second on this shared machine).
Metadata rows are computed in full for the first 300 items of each type
and site; after that only the columns that varied among them are computed
and the rest copied, the next 200 rows checked against full ones
(``FastMetadata``).

Then ``compute(portal)`` on Zhengwu and the vanilla equivalent are timed,
interleaved (median of ``--samples``), and one GET ``@site-health`` over
HTTP (runwsgi) on Zhengwu, for the answer as a client sees it.
"""

from datetime import date
from datetime import datetime
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
from review_workflow import as_admin  # noqa: E402
from review_workflow import build_sites  # noqa: E402
from review_workflow import make_instance  # noqa: E402
from review_workflow import open_app  # noqa: E402
from review_workflow import serve  # noqa: E402
from sampling import describe_ms  # noqa: E402
from sampling import interleave  # noqa: E402
from sampling import median_ms  # noqa: E402
from sampling import require_equal  # noqa: E402


NEWS_ITEMS = 500
# id, column type, Zhengwu portal type, share of the disclosure items
COLUMNS = (
    ("news1", "news", "Folder", 0),
    ("news2", "news", "Folder", 0),
    ("notice", "notice", "DisclosureCatalog", 0.20),
    ("policy1", "policy", "DisclosureCatalog", 0.20),
    ("policy2", "policy", "DisclosureCatalog", 0.20),
    ("interp", "interpretation", "DisclosureCatalog", 0.10),
    ("open1", "other", "DisclosureCatalog", 0.15),
    ("open2", "other", "DisclosureCatalog", 0.15),
    ("service", "service", "Folder", 0),
    ("interaction", "interaction", "Folder", 0),
)
KINDS = ["rule", "normative"]
NOT_VALID = ["amended", "repealed", "expired"]
# The indexes filled: every one a query of the dashboard (or its vanilla
# equivalent) reads, and the ones any listing would (UID, id, title, dates,
# security). The full text and the facet indexes no query here touches are
# left empty on both sides, to build 100,000 items in the time at hand; all
# metadata columns are filled.
INDEXES = (
    "path",
    "review_state",
    "portal_type",
    "effective",
    "last_published",
    "effectiveRange",
    "created",
    "modified",
    "Subject",
    "UID",
    "getId",
    "id",
    "is_folderish",
    "sortable_title",
    "allowedRolesAndUsers",
    "column_type",
    "has_interpretation",
    "disclosure_kind",
    "disclosure_validity",
    "petition_year",
)
WORDS = ("住房", "公积金", "教育", "医疗", "税收", "预算", "交通", "环境", "就业", "养老")


def item_data(n, today):
    rnd = random.Random(n)
    word = rnd.choice(WORDS)
    published = today - timedelta(days=1 + rnd.randrange(3 * 365))
    return {
        "title": f"关于{word}工作的通知（第{n}号）",
        "description": f"示例市{word}相关政策文件，编号{n}。",
        "published": published,
        "normative": n % 20 == 0,
        "repealed": n % 100 == 7,
        "dated": n % 200 == 7,
    }


def china_time(day):
    from DateTime import DateTime
    from zhengwu import clock

    return DateTime(datetime(day.year, day.month, day.day, 9, 0, tzinfo=clock.CHINA))


def build_columns(app):
    from plone import api
    from zope.component.hooks import setSite
    import transaction

    for site_id in ("vanilla", "zhengwu"):
        setSite(app[site_id])
        dept = app[site_id]["zh-cn"]["dept"]
        for id_, column_type, portal_type, _share in COLUMNS:
            if site_id == "vanilla":
                folder = api.content.create(container=dept, type="Folder", id=id_, title=id_)
            else:
                extra = {"organ": dept.UID()} if portal_type == "DisclosureCatalog" else {}
                folder = api.content.create(
                    container=dept,
                    type=portal_type,
                    id=id_,
                    title=id_,
                    column_type=column_type,
                    **extra,
                )
            api.content.transition(folder, transition="publish")
        transaction.commit()


def add(site, container, obj, effective):
    """One item in published state, catalogued once (no events)."""
    from zope.event import notify
    from zope.lifecycleevent import ObjectCreatedEvent

    wf = site.portal_workflow
    (chain,) = wf.getChainFor(obj.portal_type)
    notify(ObjectCreatedEvent(obj))  # its UUID
    wf.setStatusOf(
        chain,
        obj,
        {
            "review_state": "published",
            "action": "publish",
            "actor": "admin",
            "time": effective,  # published then (DateTime() would make it all new)
            "comments": "",
        },
    )
    obj.setEffectiveDate(effective)
    container._setObject(obj.id, obj, suppress_events=True)
    added = container._getOb(obj.id)
    wf.getWorkflowById(chain).updateRoleMappingsFor(added)
    catalog = site.portal_catalog
    indexes = [name for name in INDEXES if name in catalog.indexes()]
    catalog.catalog_object(added, "/".join(added.getPhysicalPath()), idxs=indexes)


def fill(app, site_id, items, today):
    from plone.dexterity.utils import createContent
    from zope.component.hooks import setSite
    import transaction

    site = app[site_id]
    setSite(site)
    dept = site["zh-cn"]["dept"]
    zhengwu = site_id == "zhengwu"
    n = 0
    for id_, column_type, _type, _share in COLUMNS:
        if column_type != "news":
            continue
        for i in range(NEWS_ITEMS):
            data = item_data(10_000_000 + n, today)
            obj = createContent(
                "News Item" if zhengwu else "Document",
                title=data["title"],
                description=data["description"],
            )
            obj.id = f"n{i}"
            add(site, dept[id_], obj, china_time(data["published"]))
            n += 1
    transaction.commit()
    bounds, start = [], 0
    for id_, _column_type, _type, share in COLUMNS:
        if share:
            count = round(items * share)
            bounds.append((id_, start, start + count))
            start += count
    bounds[-1] = (bounds[-1][0], bounds[-1][1], items)
    began = time.perf_counter()
    for id_, first, last in bounds:
        container = dept[id_]
        for n in range(first, last):
            data = item_data(n, today)
            if zhengwu:
                fields = {
                    "title": data["title"],
                    "description": data["description"],
                    "topic": "0201",
                    "genre": "notice",
                    "written_date": data["published"],
                }
                if data["normative"]:
                    fields["document_kind"] = "normative"
                if data["repealed"]:
                    fields["validity"] = "repealed"
                    if data["dated"]:
                        fields["validity_date"] = data["published"]
                obj = createContent("DisclosureItem", **fields)
                # set afterwards: createContent would check it against the
                # departments vocabulary, one catalog query per item
                obj.issuing_organ = dept.UID()
            else:
                subjects = ["notice"]
                if data["normative"]:
                    subjects.append("normative")
                if data["repealed"]:
                    subjects.append("repealed")
                obj = createContent(
                    "Document",
                    title=data["title"],
                    description=data["description"],
                    subject=tuple(subjects),
                )
            obj.id = f"d{n}"
            add(site, container, obj, china_time(data["published"]))
            if n % 1000 == 999:
                transaction.commit()
                site._p_jar.cacheGC()
            if n % 10_000 == 9_999:
                rate = (n + 1) / (time.perf_counter() - began)
                print(f"{site_id}: {n + 1:,} items ({rate:.0f}/s)", file=sys.stderr)
    transaction.commit()


class FastMetadata:
    """The catalog's metadata rows, computed in full for the first
    ``learn`` items of each type and site; then only the columns that
    differed among those are computed, the others copied — and for the next
    ``verify`` items the fast row is compared with the full one (the run
    stops on any difference). Computing a row in full is two thirds of the
    cost of adding an item (most columns belong to other types and are
    looked up in vain through Dexterity's schema defaults)."""

    def __init__(self, learn=300, verify=200):
        self.learn, self.verify, self.kinds = learn, verify, {}

    def __enter__(self):
        from Products.ZCatalog.Catalog import Catalog

        self.original = Catalog.recordify
        fast = self

        def recordify(catalog, obj):
            return fast.row(catalog, obj)

        Catalog.recordify = recordify
        return self

    def __exit__(self, *exc):
        from Products.ZCatalog.Catalog import Catalog

        Catalog.recordify = self.original

    def row(self, catalog, obj):
        from Products.ZCatalog.Catalog import safe_callable
        import Missing

        kind = self.kinds.setdefault(
            (id(catalog), obj.portal_type), {"seen": 0, "rows": [], "vary": None}
        )
        kind["seen"] += 1
        if kind["seen"] <= self.learn:
            full = self.original(catalog, obj)
            kind["rows"].append(full)
            if kind["seen"] == self.learn:
                rows = kind["rows"]
                kind["vary"] = [i for i in range(len(full)) if len({repr(r[i]) for r in rows}) > 1]
                kind["template"] = full
            return full
        row = list(kind["template"])
        for i in kind["vary"]:
            attr = getattr(obj, catalog.names[i], Missing.Value)
            if attr is not Missing.Value and safe_callable(attr):
                attr = attr()
            row[i] = attr
        row = tuple(row)
        if kind["seen"] <= self.learn + self.verify:
            full = self.original(catalog, obj)
            if repr(full) != repr(row):
                raise SystemExit(f"fast metadata differs from the full row: {full} / {row}")
        return row


class Recorder:
    """The number of items each catalog query finds, in the order asked."""

    def __init__(self):
        self.hits = []

    def __enter__(self):
        from Products.CMFPlone.CatalogTool import CatalogTool

        self.original = CatalogTool.unrestrictedSearchResults
        recorder = self

        def recording(catalog, *args, **query):
            results = recorder.original(catalog, *args, **query)
            recorder.hits.append(getattr(results, "actual_result_count", len(results)))
            return results

        CatalogTool.unrestrictedSearchResults = recording
        return self

    def __exit__(self, *exc):
        from Products.CMFPlone.CatalogTool import CatalogTool

        CatalogTool.unrestrictedSearchResults = self.original


def entry(brain, **extra):
    return dict({"title": brain.Title, "url": brain.getURL(), "path": brain.getPath()}, **extra)


def vanilla_work(site, hits=None):
    """The catalog questions of ``compute``, asked of vanilla Plone: the
    same queries (vanilla's paths and Subject keywords where Zhengwu has its
    own indexes), the same brains made, the same metadata read."""
    catalog = site.portal_catalog
    search = catalog.unrestrictedSearchResults
    counts = []

    def ask(**query):
        results = search(**query)
        counts.append(getattr(results, "actual_result_count", len(results)))
        return results

    root = "/".join(site.getPhysicalPath())
    dept = f"{root}/zh-cn/dept"
    columns = ask(path={"query": dept, "depth": 1}, portal_type="Folder", review_state="published")
    found = []
    for column in columns:
        path = column.getPath()
        newest = None
        results = ask(
            path=path,
            review_state="published",
            sort_on="effective",
            sort_order="reverse",
            sort_limit=10,
        )
        for brain in results[:10]:
            if brain.portal_type != "Folder" and brain.getPath() != path:
                newest = brain
                break
        if newest is not None:
            entry(newest, published=newest.effective.ISO8601())
        found.append((column.getId, path, column.Title, newest))
    for states in (
        ["submitted", "accepted", "assigned", "reply_pending"],
        ["submitted", "accepted", "assigned", "reply_pending"],
        ["answered", "published", "closed"],
    ):
        for brain in ask(path=root, portal_type="Petition", review_state=states):
            entry(brain)
    for _twice in range(2):
        for brain in ask(path=root, portal_type="ServiceGuide", review_state="published"):
            entry(brain)
    policy = [path for id_, path, _t, _n in found if id_.startswith("policy")]
    base = {"portal_type": "Document", "review_state": "published"}
    normative = ask(path=root, Subject=KINDS, **base)
    in_columns = ask(path=policy, **base)
    both = ask(path=policy, Subject=KINDS, **base)
    count = len(in_columns) + len(normative) - len(both)
    first, seen = [], set()
    for results in (in_columns, normative):
        for brain in results[:100]:
            if len(first) < 100 and brain.getPath() not in seen:
                seen.add(brain.getPath())
                first.append(entry(brain))
    items = []
    for brain in ask(path=root, Subject=NOT_VALID, **base):
        if brain.Subject and brain.effective:
            items.append(entry(brain, validity="repealed"))
    if hits is not None:
        hits.extend(counts)
    return count, len(items)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--http-samples", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("zope_i18n_compile_mo_files", "true")
    instance = make_instance()
    app = open_app(instance)
    as_admin(app)
    print(f"building the two sites in {instance.home} …", file=sys.stderr)
    try:
        build_sites(app)
        build_columns(app)
        from zhengwu import clock
        from zhengwu.supervision.indicators import compute
        from zope.component.hooks import setSite

        today = clock.today()
        for site_id in ("vanilla", "zhengwu"):
            began = time.perf_counter()
            with FastMetadata():
                fill(app, site_id, args.items, today)
            print(f"{site_id}: filled in {time.perf_counter() - began:.0f} s", file=sys.stderr)

        vanilla, zhengwu = app["vanilla"], app["zhengwu"]
        setSite(zhengwu)
        with Recorder() as recorder:
            result = compute(zhengwu)
        zhengwu_hits = recorder.hits
        setSite(vanilla)
        vanilla_hits = []
        vanilla_work(vanilla, vanilla_hits)
        require_equal("queries asked", {"vanilla": len(vanilla_hits), "zhengwu": len(zhengwu_hits)})
        total = require_equal(
            "items found by the queries",
            {"vanilla": sum(vanilla_hits), "zhengwu": sum(zhengwu_hits)},
        )
        require_equal(
            "items found, query by query (sorted)",
            {"vanilla": tuple(sorted(vanilla_hits)), "zhengwu": tuple(sorted(zhengwu_hits))},
        )
        states = {i["id"]: (i["state"], i["value"]) for i in result["indicators"]}
        print(f"indicators: {states}", file=sys.stderr)

        def run(site, work):
            def sample(_n):
                setSite(site)
                work(site)

            return sample

        for _warm in range(3):
            run(zhengwu, compute)(0)
            run(vanilla, vanilla_work)(0)
        timings = interleave(
            {"vanilla": run(vanilla, vanilla_work), "zhengwu": run(zhengwu, compute)},
            args.samples,
        )
        import transaction

        transaction.commit()
        app._p_jar.db().close()
        http = measure_http(instance, args.http_samples)
        report(args.items, len(zhengwu_hits), total, states, timings, http, result)
    finally:
        shutil.rmtree(instance.home.parent, ignore_errors=True)


def measure_http(instance, samples):
    import requests

    server, base = serve(instance)
    try:
        url = f"{base}/zhengwu/@site-health"
        headers = {"Accept": "application/json"}

        def get(_n):
            response = requests.get(url, headers=headers, auth=("admin", "admin"), timeout=120)
            assert response.status_code == 200, (response.status_code, response.text[:300])
            return response

        data = get(0).json()
        assert set(data) == {"checked", "veto", "summary", "indicators"}, data
        for _warm in range(3):
            get(0)
        return interleave({"zhengwu": get}, samples)["zhengwu"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(60)


def report(items, queries, total, states, timings, http, result):
    v, z = timings["vanilla"], timings["zhengwu"]
    print(f"\n### {items:,} disclosure items (+ {2 * NEWS_ITEMS:,} news items)\n")
    print(
        "| measure | queries; items found (both sides) | vanilla Plone 6.2, the same "
        "catalog work | Zhengwu | ratio | samples per side |\n"
        "| --- | --- | --- | --- | --- | --- |"
    )
    print(
        f"| `compute(portal)`, all {len(states)} indicators, in-process, ms "
        f"| {queries}; {total:,} | {describe_ms(v)} | {describe_ms(z)} "
        f"| {median_ms(z) / median_ms(v):.2f}× | {len(z)} |"
    )
    print(
        f"| `GET /@site-health` over HTTP (runwsgi), ms | | — | {describe_ms(http)} | — "
        f"| {len(http)} |"
    )
    print(
        f"\nUnder one second: {'yes' if median_ms(z) < 1000 and median_ms(http) < 1000 else 'NO'}."
    )
    print(f"\nStates found: {states}; veto {result['veto']}; summary {result['summary']}.")
    print(f"\nRun on {date.today().isoformat()}, Python {sys.version.split()[0]}.")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
