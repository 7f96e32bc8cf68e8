"""The measured query set's corpus and scoring (tests/search/queries.json),
shared by tests/search/test_queries.py and benchmarks/search.py.

One ZCatalog (no site: catalog entries are written directly, as the
benchmarks build large catalogs) holds every item twice over: in the full
text on ``zhengwu_lexicon`` (jieba) and on Plone's own ``plone_lexicon``
(character pairs, the "Unicode Whitespace splitter"), so both are measured
on the same items in the same run, ranked by ZCTextIndex's relevance
(Okapi BM25: what Plone's catalog sorts by when no other sort is asked).
"""

from pathlib import Path
from plone.base.utils import munge_search_term
from Products.CMFPlone.UnicodeSplitter import splitter as _plone_splitter  # noqa: F401
from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex
from Products.ZCatalog.ZCatalog import ZCatalog
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.PipelineFactory import element_factory
from Products.ZCTextIndex.ZCTextIndex import PLexicon
from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex
from zhengwu.search.query import understand
from zhengwu.search.splitter import GROUP
from zhengwu.search.splitter import NAME
import json
import random


QUERIES = Path(__file__).with_name("queries.json")
NORMALIZER = ("Case Normalizer", "Unicode Ignoring Accents Case Normalizer")
# The sides measured: (name, full-text index, how the query is read).
NEW = "jieba (Zhengwu)"
BIGRAM_UNDERSTOOD = "bigram + understand"
BIGRAM = "bigram (vanilla Plone)"


def load():
    return json.loads(QUERIES.read_text("utf-8"))


class Item:
    def __init__(self, id, title, text, portal_type="Document", state="published", year=2024):
        self.id = id
        self.Title = title
        self.text = text
        self.SearchableText = f"{title} {text}"
        self.portal_type = portal_type
        self.review_state = state
        self.year = year


def _lexicon(name, splitter):
    return PLexicon(
        name, "", element_factory.instantiate(*splitter), element_factory.instantiate(*NORMALIZER)
    )


def make_catalog():
    """An empty ZCatalog with both full texts, the titles and two filters."""
    catalog = ZCatalog("catalog")
    catalog._setObject("zhengwu_lexicon", _lexicon("zhengwu_lexicon", (GROUP, NAME)))
    catalog._setObject(
        "plone_lexicon", _lexicon("plone_lexicon", ("Word Splitter", "Unicode Whitespace splitter"))
    )
    for name, attribute, lexicon in (
        ("SearchableText", "SearchableText", "zhengwu_lexicon"),
        ("Title", "Title", "zhengwu_lexicon"),
        ("BigramText", "SearchableText", "plone_lexicon"),
        ("BigramTitle", "Title", "plone_lexicon"),
    ):

        class extra:
            doc_attr = attribute
            index_type = "Okapi BM25 Rank"
            lexicon_id = lexicon

        catalog._catalog.addIndex(name, ZCTextIndex(name, extra=extra, caller=catalog))
    for name in ("portal_type", "review_state", "year"):
        catalog._catalog.addIndex(name, FieldIndex(name))
    return catalog


# Filler: government news and notices in words no query asks for (the
# query set's items are the only right answers; the filler makes ranking
# and near misses matter, and the corpus large).
PLACES = "东城区 西城区 高新区 经开区 滨江区 临湖镇 青山街道 城南片区 北山乡 湖滨社区".split()
ORGANS = "区委 区政协 区财政局 区教育局 区卫健委 区文旅局 区农业农村局 区应急管理局 区统计局 区审计局".split()
ACTIONS = (
    "召开 部署 推进 开展 举办 启动 组织 完成 印发 通报 表彰 督导 调研 检查 验收 发布 筹备 总结"
).split()
TOPICS = (
    "年度重点工作 防汛抗旱 安全生产大检查 森林防火 秸秆禁烧 文明城市创建 垃圾分类 "
    "河长制 乡村振兴 农田水利 植树造林 全民健身 图书馆建设 非遗保护 旅游节 招生考试 "
    "义诊活动 疫苗冷链 统计调查 审计整改 预算执行 节能减排 污水处理 道路养护 "
    "志愿服务 消防演练 应急演练 科普宣传 读书活动 文艺汇演 农技培训 茶叶采摘 "
    "水库除险加固 老旧管网改造 背街小巷整治 口袋公园建设 夜间经济 招商推介"
).split()
KINDS = "工作会议 专题会议 推进会 座谈会 动员会 培训班 现场会 通知 方案 简报 总结".split()
PHRASES = (
    "会议强调要提高站位、压实责任。",
    "各单位要按照时间节点抓好落实。",
    "活动吸引了众多群众参与。",
    "下一步将持续巩固工作成果。",
    "相关负责同志参加会议。",
    "请各单位认真贯彻执行。",
    "现场气氛热烈，效果良好。",
    "将进一步完善长效机制。",
)


def filler(count, seed=19):
    rng = random.Random(seed)
    items = []
    for n in range(count):
        title = (
            f"{rng.choice(PLACES)}{rng.choice(ORGANS)}{rng.choice(ACTIONS)}"
            f"{rng.choice(TOPICS)}{rng.choice(KINDS)}"
        )
        text = "".join(rng.sample(PHRASES, 3)) + f"{rng.choice(TOPICS)}、{rng.choice(TOPICS)}。"
        items.append(
            Item(
                f"f{n:06d}",
                title,
                text,
                portal_type=rng.choice(("Document", "News Item", "DisclosureItem")),
                state=rng.choice(("published", "published", "private")),
                year=rng.choice((2022, 2023, 2024, 2025)),
            )
        )
    return items


def corpus(size=600):
    data = load()
    items = [Item(i["id"], i["title"], i["text"]) for i in data["items"]]
    return items + filler(max(0, size - len(items)))


def fill(catalog, items):
    for item in items:
        catalog.catalog_object(item, item.id)


def ranked(catalog, side, text, limit=10):
    """The ids of the first ``limit`` items for ``text``, by relevance."""
    if side == NEW:
        index, query = "SearchableText", understand(text).query
    elif side == BIGRAM_UNDERSTOOD:
        index, query = "BigramText", understand(text).query
    else:
        index, query = "BigramText", munge_search_term(text)
    if not query:
        return []
    try:
        found, _total = catalog._catalog.getIndex(index).query(query, limit)
    except ParseError:
        return []
    return [catalog.getpath(rid) for rid, _score in found]


def score(catalog, side, queries):
    """``(precision@5, recall@10, queries returning a forbidden item, rows)``.

    precision@5: of the first min(5, |first|) results, the share of the
    items that must come first; recall@10: the share of those items among
    the first ten; a query whose results (its first 100) hold an item it
    must not return counts as forbidden."""
    precisions, recalls, forbidden, rows = [], [], 0, []
    for query in queries:
        first = set(query["first"])
        found = ranked(catalog, side, query["q"], limit=100)
        n = min(5, len(first))
        precision = len(set(found[:n]) & first) / n
        recall = len(set(found[:10]) & first) / len(first)
        wrong = sorted(set(found) & set(query["not"]))
        forbidden += bool(wrong)
        precisions.append(precision)
        recalls.append(recall)
        rows.append((query["q"], precision, recall, wrong, found[:5]))
    return (
        sum(precisions) / len(precisions),
        sum(recalls) / len(recalls),
        forbidden,
        rows,
    )
