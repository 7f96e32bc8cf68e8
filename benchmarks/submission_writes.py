"""Benchmark: what one public submission writes to the database.

    .venv/bin/python benchmarks/submission_writes.py [--warm 200] [--measured 50]

One throw-away FileStorage instance holds a Zhengwu site (zhengwu:default)
with a department, a mailbox and a disclosure catalog of that department.
``--warm`` petitions and as many disclosure requests are submitted first
(so the catalog's BTrees have the shape of a site in use), then
``--measured`` of each, every one through the code path of its REST
service (``submissions.forms.Submitting._store``: ``submit`` in its own
transaction, the catalog indexed at commit). The FileStorage records of the
measured transactions are then read back and each written object is
attributed to where it lives, by following the references of the whole
database from the written object up to the nearest named owner: the item
itself, its container's BTree, the tracking-number registry, the audit
log, a catalog index (named), the catalog's metadata (``data``), path
tables (``paths``, ``uids``), lexicons, ``Length`` counters… The table
prints objects and bytes per submission, median over the measured ones.

Vanilla Plone has no public submission; the comparable figure is one
Document created by a Contributor in a folder of as many Documents, which
``--vanilla`` adds to the run (same measuring, same attribution).
"""

from collections import Counter
from collections import defaultdict
from pathlib import Path
import argparse
import shutil
import statistics
import sys


sys.path.insert(0, str(Path(__file__).resolve().parent))
from review_workflow import add_zhengwu_site  # noqa: E402
from review_workflow import as_admin  # noqa: E402
from review_workflow import build_vanilla  # noqa: E402
from review_workflow import make_instance  # noqa: E402
from review_workflow import open_app  # noqa: E402


# Sentences a message is drawn from: real messages differ, and the words of
# a text are what the full-text index writes.
SENTENCES = (
    "在本市无房租房，提取住房公积金需要满足什么条件？",
    "小区门口的道路施工已经三个月，噪音很大，晚上十点以后仍在施工。",
    "孩子今年九月上小学，户籍和房产不在同一个区，应该去哪里报名？",
    "建议在地铁站附近增加共享单车停放点，方便市民出行。",
    "社区卫生服务中心的预约挂号电话一直打不通，希望改进。",
    "老旧小区加装电梯的补贴标准和申请流程是什么？",
    "举报某餐馆在人行道上违规占道经营，影响行人通行。",
    "失业保险金的申领需要哪些材料，可以网上办理吗？",
    "公交车站的电子站牌显示不准确，经常误导乘客。",
    "农村宅基地翻建房屋需要办理哪些审批手续？",
)
MESSAGE = {
    "category": "consultation",
    "title": "关于公积金提取条件的咨询",
    "content": "在本市无房租房，提取住房公积金需要满足什么条件？需要提供哪些材料？" * 3,
    "submitter_name": "王小明",
    "phone": "13800000001",
    "email": "wang@example.com",
    "publish_consent": True,
}
REQUEST = {
    "applicant_type": "citizen",
    "applicant_name": "李四",
    "id_type": "passport",
    "id_number": "E12345678",
    "phone": "13800000002",
    "email": "li@example.com",
    "requested_information": "2025年本市公积金缴存使用情况的统计数据",
    "delivery_form": "email",
}


def build_site(app):
    from plone import api
    import transaction

    site, dept = add_zhengwu_site(app)
    box = api.content.create(
        container=dept, type="PetitionBox", id="box", title="局长信箱", department=dept.UID()
    )
    api.content.transition(box, transition="publish")
    catalog = api.content.create(
        container=dept, type="DisclosureCatalog", id="catalog", title="公开目录", organ=dept.UID()
    )
    api.content.transition(catalog, transition="publish")
    api.portal.set_registry_record("zhengwu.submissions.submissions_per_window", 10_000)
    transaction.commit()
    return site


def anonymous():
    from AccessControl.SecurityManagement import noSecurityManager

    noSecurityManager()


def submit(site, kind, n):
    """One submission the way its REST service stores it; its receipt."""
    from zhengwu.petitions.services.petitions.post import PetitionsPost
    from zhengwu.requests.services.disclosure_requests.post import DisclosureRequestsPost
    from zope.globalrequest import getRequest

    request = getRequest()
    request.environ["REMOTE_ADDR"] = f"10.{n % 200 + 1}.{kind == 'petition':d}.1"
    dept = site["zh-cn"]["dept"]
    if kind == "petition":
        service = PetitionsPost()
        service.context = dept["box"]
        data = dict(MESSAGE, title=f"{MESSAGE['title']}{n}", content=text(n))
    else:
        service = DisclosureRequestsPost()
        service.context = dept["catalog"]
        data = dict(REQUEST, requested_information=text(n))
    service.request = request
    return service._store(data)


def text(n):
    """Four sentences, a different draw for each ``n``."""
    import random

    return "".join(random.Random(n).sample(SENTENCES, 4))


def vanilla_document(app, n):
    from plone import api
    from zope.component.hooks import setSite
    import transaction

    setSite(app["vanilla"])
    folder = app["vanilla"]["zh-cn"]["dept"]
    api.content.create(
        container=folder, type="Document", title=f"{MESSAGE['title']}{n}", safe_id=True
    )
    transaction.commit()


def last_tid(storage):
    return storage.lastTransaction()


def transactions_after(path, tid):
    """``[(tid, [(oid, class, bytes)])]`` of the transactions after ``tid``."""
    from ZODB.FileStorage import FileStorage
    from ZODB.utils import get_pickle_metadata
    from ZODB.utils import p64
    from ZODB.utils import u64

    storage = FileStorage(str(path), read_only=True)
    try:
        found = []
        for txn in storage.iterator(p64(u64(tid) + 1)):
            records = []
            for record in txn:
                module, name = get_pickle_metadata(record.data) if record.data else ("", "?")
                records.append((record.oid, f"{module}.{name}", len(record.data or b"")))
            found.append((txn.tid, records))
        return found
    finally:
        storage.close()


def referrers(path):
    """oid → the oids whose current state refers to it (the whole database)."""
    from ZODB.FileStorage import FileStorage
    from ZODB.serialize import referencesf

    storage = FileStorage(str(path), read_only=True)
    try:
        current = {}
        for txn in storage.iterator():
            for record in txn:
                current[record.oid] = record.data
        up = defaultdict(set)
        for oid, data in current.items():
            if data:
                for ref in referencesf(data):
                    up[ref].add(oid)
        return up
    finally:
        storage.close()


def owners(site, vanilla=None):
    """oid → a label naming where an object lives, for the named objects of
    the site (and the vanilla site's catalog)."""
    from zope.annotation.interfaces import IAnnotations

    named = {}

    def name(obj, label):
        oid = getattr(obj, "_p_oid", None)
        if oid is not None and oid not in named:
            named[oid] = label

    def catalog_parts(catalog, prefix):
        inner = catalog._catalog
        for index_id in inner.indexes:
            index = inner.getIndex(index_id)
            meta = index.meta_type
            for attr in (
                "_index",
                "_unindex",
                "_length",
                "_since_index",
                "_until_index",
                "_always",
                "_unindexed",
                "_since_only",
                "_until_only",
                "_index_value",
                "_index_length",
            ):
                part = getattr(index, attr, None)
                if part is not None:
                    name(part, f"{prefix}index {index_id} ({meta})")
            if meta == "ZCTextIndex":
                text = index.index
                for attr in ("_wordinfo", "_docweight", "_docwords", "length", "_totaldoclen"):
                    part = getattr(text, attr, None)
                    if part is not None:
                        name(part, f"{prefix}index {index_id} ({meta})")
                name(text, f"{prefix}index {index_id} ({meta})")
            name(index, f"{prefix}index {index_id} ({meta})")
        name(inner.data, f"{prefix}metadata (data)")
        name(inner.paths, f"{prefix}paths (docid → path)")
        name(inner.uids, f"{prefix}uids (path → docid)")
        name(inner._length, f"{prefix}catalog length")
        for lexicon_id in catalog.objectIds():
            lexicon = catalog[lexicon_id]
            for attr in ("_wids", "_words", "length"):
                part = getattr(lexicon, attr, None)
                if part is not None:
                    name(part, f"{prefix}lexicon {lexicon_id}")
            name(lexicon, f"{prefix}lexicon {lexicon_id}")
        name(inner, f"{prefix}catalog")
        name(catalog, f"{prefix}catalog")

    catalog_parts(site.portal_catalog, "catalog: ")
    annotations = IAnnotations(site)
    for key in annotations:
        name(annotations[key], f"site annotation {key}")
    from zhengwu.review.audit_log import IAuditLog
    from zope.component import queryUtility
    from zope.intid.interfaces import IIntIds

    intids = queryUtility(IIntIds)
    if intids is not None:
        name(intids.refs, "intid utility (refs, ids)")
        name(intids.ids, "intid utility (refs, ids)")
        name(intids, "intid utility (refs, ids)")
    log = queryUtility(IAuditLog)
    if log is not None:
        name(log._entries, "audit log")
        name(log._length, "audit log")
        name(log, "audit log")
    dept = site["zh-cn"]["dept"]
    for container in (dept["box"], dept["catalog"]):
        label = f"container {container.getId()}"
        for attr in ("_tree", "_count", "_mt_index"):
            part = getattr(container, attr, None)
            if part is not None:
                name(part, f"{label} ({attr})")
        name(container, label)
    if vanilla is not None:
        catalog_parts(vanilla.portal_catalog, "vanilla catalog: ")
        folder = vanilla["zh-cn"]["dept"]
        for attr in ("_tree", "_count", "_mt_index"):
            part = getattr(folder, attr, None)
            if part is not None:
                name(part, f"vanilla folder ({attr})")
    return named


def attribute(records, named, up, items):
    """label for each written oid: the nearest named owner upwards, or the
    item itself for objects reachable only from a new item."""
    labels = {}
    for oid, cls, _size in records:
        if oid in items:
            labels[oid] = "the item itself"
            continue
        if oid in named:
            labels[oid] = named[oid]
            continue
        seen, frontier, label = {oid}, [oid], None
        while frontier and label is None:
            nxt = []
            for current in frontier:
                for parent in up.get(current, ()):
                    if parent in items:
                        label = "the item itself (its subobjects)"
                        break
                    if parent in named:
                        label = named[parent]
                        break
                    if parent not in seen:
                        seen.add(parent)
                        nxt.append(parent)
                if label:
                    break
            frontier = nxt
        labels[oid] = label or f"unattributed ({cls})"
    return labels


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warm", type=int, default=200)
    parser.add_argument("--measured", type=int, default=50)
    parser.add_argument("--vanilla", action="store_true", help="also a vanilla Document")
    parser.add_argument("--keep", action="store_true", help="keep the instance folder")
    args = parser.parse_args()

    instance = make_instance()
    try:
        app = open_app(instance)
        as_admin(app)
        if args.vanilla:
            build_vanilla(app)
        site = build_site(app)
        from zope.component.hooks import setSite

        kinds = ("petition", "request")
        anonymous()
        for n in range(args.warm):
            for kind in kinds:
                submit(site, kind, -n - 1)
        if args.vanilla:
            as_admin(app)
            for n in range(args.warm):
                vanilla_document(app, -n - 1)
            anonymous()
        setSite(site)
        db = app._p_jar.db()
        storage_path = Path(db.storage.getName())
        marks = {}
        for kind in kinds:
            marks[kind] = last_tid(db.storage)
            for n in range(args.measured):
                submit(site, kind, n)
        if args.vanilla:
            as_admin(app)
            marks["vanilla"] = last_tid(db.storage)
            for n in range(args.measured):
                vanilla_document(app, n)
            setSite(site)
        end = last_tid(db.storage)
        as_admin(app)
        named = owners(site, app["vanilla"] if args.vanilla else None)
        db.close()

        up = referrers(storage_path)
        order = [*kinds, *(["vanilla"] if args.vanilla else [])]
        for position, kind in enumerate(order):
            upto = marks[order[position + 1]] if position + 1 < len(order) else end
            from ZODB.utils import u64

            txns = [
                t for t in transactions_after(storage_path, marks[kind]) if u64(t[0]) <= u64(upto)
            ]
            report(kind, txns, named, up)
    finally:
        if not args.keep:
            shutil.rmtree(instance.home.parent, ignore_errors=True)


ITEM_CLASSES = ("Petition", "DisclosureRequest", "Document")


def report(kind, txns, named, up):
    counts, sizes = [], []
    per_label = defaultdict(list)
    per_class = defaultdict(list)
    for _tid, records in txns:
        items = {oid for oid, cls, _s in records if cls.rsplit(".", 1)[-1] in ITEM_CLASSES}
        labels = attribute(records, named, up, items)
        counts.append(len(records))
        sizes.append(sum(size for *_x, size in records))
        label_count = Counter(labels[oid] for oid, _c, _s in records)
        class_count = Counter(cls for _o, cls, _s in records)
        for label in set(per_label) | set(label_count):
            per_label[label].append(label_count.get(label, 0))
        for cls in set(per_class) | set(class_count):
            per_class[cls].append(class_count.get(cls, 0))
    n = len(txns)
    print(f"\n### {kind}: {n} transactions")
    print(
        f"objects per submission: median {statistics.median(counts):.0f}, "
        f"min {min(counts)}, max {max(counts)}; pickle bytes: median "
        f"{statistics.median(sizes):,.0f}\n"
    )
    print("| where | objects (mean per submission) |\n| --- | --- |")
    for label, values in sorted(per_label.items(), key=lambda kv: -sum(kv[1])):
        mean = sum(values) / n
        if mean >= 0.05:
            print(f"| {label} | {mean:.1f} |")
    print("\n| class | objects (mean per submission) |\n| --- | --- |")
    for cls, values in sorted(per_class.items(), key=lambda kv: -sum(kv[1])):
        mean = sum(values) / n
        if mean >= 0.05:
            print(f"| {cls} | {mean:.1f} |")


if __name__ == "__main__":
    main()
