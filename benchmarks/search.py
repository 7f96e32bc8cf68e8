"""Benchmark: Chinese full-text search at 100,000 items, Zhengwu's jieba
words against vanilla Plone's character pairs (bigrams), in the same run.

    .venv/bin/python benchmarks/search.py [--items 100000] [--rounds 200]

One ZCatalog in a throw-away FileStorage holds every item in both full
texts (tests/search/corpus.py: the query set's items and generated
government news, ``SearchableText``/``Title`` on ``zhengwu_lexicon``,
``BigramText``/``BigramTitle`` on Plone's ``plone_lexicon``) and three
field indexes for filters. Catalog entries are written directly (no
content objects: what is measured is the index).

- Indexing time: the items are indexed in batches of 1,000, each batch into
  one side's two text indexes then the other's, the first side alternating
  (interleaved); the total seconds and items per second of each side.
- Index size: the pickled bytes of each side's two indexes and lexicon in
  the FileStorage after one commit, and their words and postings.
- Query latency: two-word queries with filters (``portal_type``,
  ``review_state``, ``year``), relevance-ranked, the first 10 results'
  paths read — Zhengwu's side includes reading the query
  (``zhengwu.search.query.understand``), vanilla's Plone's
  ``munge_search_term``; Zhengwu's text indexes score only the items the
  filters left (``patches.query_index``), vanilla's score every item
  holding a word. Samples interleave (benchmarks/sampling.py);
  median and p95. Before timing, a query whose words both sides cut the
  same way must return as many hits on each (``require_equal``); the
  others print their counts.
"""

from pathlib import Path
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from plone.base.utils import munge_search_term  # noqa: E402
from Products.ZCTextIndex.QueryParser import QueryParser  # noqa: E402
from sampling import describe_ms  # noqa: E402
from sampling import interleave  # noqa: E402
from sampling import require_equal  # noqa: E402
from tests.search import corpus  # noqa: E402
from zhengwu.search import segmenter  # noqa: E402
from zhengwu.search.patches import parse_atom  # noqa: E402
from zhengwu.search.query import understand  # noqa: E402


JIEBA = ("SearchableText", "Title")
BIGRAM = ("BigramText", "BigramTitle")
# Two words with filters. "same": two-character words both splitters
# find in the same items (checked before timing). The others differ by
# design: Zhengwu also finds a longer word by its parts (工作会议: 工作 and
# 会议, for a document that cut it otherwise), Plone's pairs find
# characters across word boundaries.
FILTERS = {"portal_type": "DisclosureItem", "review_state": "published", "year": [2024, 2025]}
# The query set's items are Documents of 2024: their words are rare (a
# citizen's usual query); the generated news shares a small vocabulary
# (about 730 words), so its words are each in thousands of items.
RARE = {"review_state": "published", "year": [2024, 2025]}
QUERIES = [
    ("防汛 会议", True, FILTERS),
    ("垃圾 分类", True, FILTERS),
    ("乡村 培训", True, FILTERS),
    ("森林 防火", True, FILTERS),
    ("招商 座谈", True, FILTERS),
    ("防汛抗旱 工作会议", False, FILTERS),
    ("口袋公园 建设方案", False, FILTERS),
    ("住房公积金 提取", True, RARE),
    ("社会保险 缴纳", True, RARE),
    ("京东 物流", True, RARE),
]


def patch():
    """The patches ``zhengwu/search/index.zcml`` applies in Zope: the query
    parser's, and the text indexes scoring only what the filters left."""
    from Products.PluginIndexes.interfaces import ILimitedResultIndex
    from Products.ZCTextIndex.OkapiIndex import OkapiIndex
    from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex
    from zhengwu.search import patches
    from zope.interface import classImplements

    for cls, name, replacement in (
        (QueryParser, "_parseAtom", parse_atom),
        (ZCTextIndex, "query_index", patches.query_index),
        (OkapiIndex, "_search_wids", patches.search_wids),
    ):
        if not hasattr(cls, f"_old_{name}"):
            setattr(cls, f"_old_{name}", getattr(cls, name))
            setattr(cls, name, replacement)
    classImplements(ZCTextIndex, ILimitedResultIndex)


def index(catalog, items, batch=1000):
    seconds = {"jieba": 0.0, "bigram": 0.0}
    sides = {"jieba": JIEBA, "bigram": BIGRAM}
    for item in items:  # the filters, untimed
        catalog.catalog_object(item, item.id, idxs=["portal_type", "review_state", "year"])
    for n, start in enumerate(range(0, len(items), batch)):
        chunk = items[start : start + batch]
        order = ["jieba", "bigram"] if n % 2 == 0 else ["bigram", "jieba"]
        for side in order:
            began = time.perf_counter()
            for item in chunk:
                catalog.catalog_object(item, item.id, idxs=list(sides[side]), update_metadata=0)
            seconds[side] += time.perf_counter() - began
        if (n + 1) % 10 == 0:
            print(f"  indexed {start + len(chunk)} items", flush=True)
    return seconds


def reachable_bytes(storage, oids):
    """The pickled bytes of the objects reachable from ``oids``."""
    from ZODB.serialize import referencesf

    seen = set()
    todo = list(oids)
    total = 0
    while todo:
        oid = todo.pop()
        if oid in seen:
            continue
        seen.add(oid)
        data, _serial = storage.load(oid, "")
        total += len(data)
        todo.extend(referencesf(data))
    return total, len(seen)


def sizes(catalog, storage):
    out = {}
    for side, names in (("jieba", JIEBA), ("bigram", BIGRAM)):
        indexes = [catalog._catalog.indexes[name] for name in names]
        size, objects = reachable_bytes(storage, [index._p_oid for index in indexes])
        okapi = indexes[0].index
        postings = sum(len(okapi._wordinfo[wid]) for wid in okapi._wordinfo.keys())
        words = len(okapi._wordinfo)
        out[side] = {"bytes": size, "objects": objects, "words": words, "postings": postings}
    return out


def query_work(catalog, text, side, filters):
    def run(_n):
        if side == "jieba":
            query = {"SearchableText": understand(text).query}
        else:
            query = {"BigramText": munge_search_term(text)}
        query.update(filters)
        results = catalog.searchResults(query)
        return [brain.getPath() for brain in results[:10]], len(results)

    return run


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=200, help="samples per query and side")
    args = parser.parse_args(argv)

    from ZODB.FileStorage import FileStorage
    import transaction
    import ZODB

    patch()
    folder = tempfile.mkdtemp(prefix="zhengwu-search-bench-")
    storage = FileStorage(os.path.join(folder, "Data.fs"))
    db = ZODB.DB(storage)
    connection = db.open()
    root = connection.root()

    began = time.perf_counter()
    segmenter.tokenizer()
    print(f"jieba's dictionary loaded in {time.perf_counter() - began:.2f} s (once per process)")
    items = corpus.corpus(args.items)
    catalog = corpus.make_catalog()
    root["catalog"] = catalog
    transaction.commit()
    print(f"Indexing {len(items)} items …", flush=True)
    seconds = index(catalog, items)
    transaction.commit()
    measured = sizes(catalog, storage)

    print()
    print(f"## Search at {len(items):,} items")
    print()
    print("| | jieba (Zhengwu) | bigram (vanilla Plone) | ratio |")
    print("| --- | --- | --- | --- |")
    j, b = seconds["jieba"], seconds["bigram"]
    print(f"| indexing, SearchableText + Title | {j:.1f} s ({len(items) / j:.0f} items/s) "
          f"| {b:.1f} s ({len(items) / b:.0f} items/s) | {j / b:.2f} |")  # fmt: skip
    mj, mb = measured["jieba"], measured["bigram"]
    print(f"| index size (pickled, both indexes + lexicon) | {mj['bytes'] / 2**20:.1f} MiB "
          f"| {mb['bytes'] / 2**20:.1f} MiB | {mj['bytes'] / mb['bytes']:.2f} |")  # fmt: skip
    print(f"| words in SearchableText | {mj['words']:,} | {mb['words']:,} | "
          f"{mj['words'] / mb['words']:.2f} |")  # fmt: skip
    print(f"| postings in SearchableText | {mj['postings']:,} | {mb['postings']:,} | "
          f"{mj['postings'] / mb['postings']:.2f} |")  # fmt: skip
    print()
    print("Two-word queries with filters, first 10 of the relevance-ranked results; ms, "
          f"median (p95), {args.rounds} interleaved samples per query and side. Filters: "
          f"A = {FILTERS}, B = {RARE}.")  # fmt: skip
    print()
    print("| query | filters | hits jieba | hits bigram | jieba ms | bigram ms | ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for text, same, filters in QUERIES:
        work = {side: query_work(catalog, text, side, filters) for side in ("jieba", "bigram")}
        hits = {side: work[side](0)[1] for side in work}
        if same:
            require_equal(text, hits)
        timings = interleave(work, args.rounds)
        ratio = statistics.median(timings["jieba"]) / statistics.median(timings["bigram"])
        label = "A" if filters is FILTERS else "B"
        print(f"| {text} | {label} | {hits['jieba']} | {hits['bigram']} "
              f"| {describe_ms(timings['jieba'])} "
              f"| {describe_ms(timings['bigram'])} | {ratio:.2f} |")  # fmt: skip
    connection.close()
    db.close()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
