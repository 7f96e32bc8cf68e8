"""Chinese word segmentation for the full-text indexes and for queries
(docs/search.md).

Text is cut with jieba into words; for the index every longer word also
gives the dictionary words inside it (search mode: 住房公积金 → 住房, 公积,
积金, 公积金, 住房公积金), so a query for a part of a term finds it, while a
query for characters that only meet across two words (京东 in 北京东路)
finds nothing. Latin words and numbers stay whole; a number before 号 is
also a word with it (``47号``); a document number (``国办发〔2017〕47号``,
any bracket) is one more word of its own, with its brackets made 〔〕.

Queries are cut without the search-mode extras (a query's word is found
among the document's words and sub-words), without function words
(的, 怎么…); a lone character becomes a prefix (税 → 税*).

jieba loads its dictionary (half a second, from the cache file after the
first run) once per process, when first needed, under a lock: Zope's
worker threads share one tokenizer; cutting only reads it. Words added at
run time (the site's departments, the administrators' words) go in under
the same lock.
"""

from pathlib import Path
import functools
import logging
import os
import re
import tempfile
import threading
import unicodedata


logger = logging.getLogger("zhengwu.search")

DATA = Path(__file__).parent / "data"
TERMS = DATA / "terms.txt"

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_OPEN = "〔\\[(（【［〖{｛"
_CLOSE = "〕\\])）】］〗}｝"
# A document number: the issuer's abbreviation, the year in brackets, the
# sequence number and 号. The abbreviation is the end of a run of Chinese
# characters (…印发国办发〔2017〕47号): see _document_numbers.
DOCUMENT_NUMBER = re.compile(rf"([{HAN}]+)\s*[{_OPEN}]\s*(\d{{4}})\s*[{_CLOSE}]\s*(\d{{1,6}})\s*号")
TOKEN = re.compile(rf"(?P<hao>\d+)号|(?P<han>[{HAN}]+)|(?P<word>[^\W_{HAN}]+)")
_HAN_CHAR = re.compile(rf"[{HAN}]")
ISSUER_LENGTHS = range(2, 7)  # 国发, 国办发, 京政办发, 粤府办函…
# Words of a question that no document needs to contain.
QUERY_STOPWORDS = frozenset(
    "的 了 吗 呢 吧 啊 呀 之 和 与 及 或 在 是 我 我们 你 您 要 想 请 请问 怎么 怎样 "
    "怎么样 如何 什么 哪里 哪儿 哪些 哪个 为什么 能否 可以 能 多少 有关 相关".split()
)

_lock = threading.RLock()
_tokenizer = None
_added = set()


def _cache_file():
    # One cache per dictionary version in the temporary folder: jieba
    # rebuilds it (a few seconds) only when its dictionary changes.
    return os.path.join(tempfile.gettempdir(), "zhengwu-jieba.cache")


@functools.cache
def shipped_words():
    """The government terms shipped with the product: ``data/terms.txt``,
    the words of the shipped synonyms and corrections, and the domains'
    words (``terms.ISearchTerms``: the disclosure catalog's subject
    classification)."""
    words = []
    for line in TERMS.read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line.split()[0])
    for name in ("synonyms.txt", "corrections.txt"):
        for line in (DATA / name).read_text("utf-8").splitlines():
            parts = line.split()
            if parts and not line.startswith("#"):
                # a correction's wrong spelling is no word
                words += parts[1:] if name == "corrections.txt" else parts
    from zhengwu.search.terms import domain_words

    # the domains' own classifications (the disclosure catalog's subjects)
    words += domain_words()
    return tuple(words)


def tokenizer():
    """The process's jieba tokenizer, its dictionary loaded on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                made = jieba.Tokenizer()
                made.cache_file = _cache_file()
                made.initialize()
                for word in shipped_words():
                    _add(made, word)
                _tokenizer = made
    return _tokenizer


def _add(made, word):
    word = normalize(word).strip()
    if len(word) < 2 or word in _added or not _HAN_CHAR.search(word):
        return False
    # The frequency that makes jieba keep the word whole, and at least
    # what it had: a word added later never splits one it knew.
    freq = max(made.suggest_freq(word, tune=False), made.FREQ.get(word) or 0, 3)
    made.add_word(word, freq)
    _added.add(word)
    return True


def add_words(words):
    """Add words to the dictionary of this process; how many were new.
    Text indexed before keeps its old cut until reindexed."""
    made = tokenizer()
    with _lock:
        return sum(1 for word in words if _add(made, word))


def known(word):
    """Whether ``word`` is in the dictionary (jieba's, ours or added)."""
    return bool(tokenizer().FREQ.get(word))


def normalize(text):
    """Full-width letters and digits made ASCII, compatibility forms folded."""
    return unicodedata.normalize("NFKC", text)


def _sub_words(word, freq):
    """The dictionary words inside ``word`` (not itself), by position."""
    n = len(word)
    found = []
    for start in range(n - 1):
        for end in range(start + 2, n + 1 if start else n):
            part = word[start:end]
            if freq.get(part):
                found.append(part)
    return found


def parts_of(word):
    """The dictionary words that cover ``word`` without it (市场监管 →
    市场, 监管), longest first from the left; None when a single character
    would be one of them (the index keeps a character alone only where
    jieba cut it so). A query's word cut otherwise in a document's context
    is still found by its parts."""
    if len(word) < 3 or not is_han(word):
        return None
    freq = tokenizer().FREQ
    parts = []
    start = 0
    while start < len(word):
        for end in range(len(word) - (start == 0), start, -1):
            piece = word[start:end]
            if end - start == 1 or freq.get(piece):
                parts.append(piece)
                start = end
                break
    if len(parts) < 2 or any(len(part) == 1 for part in parts):
        return None
    return parts


def _cut_han(run, for_query):
    made = tokenizer()
    coarse = made.lcut(run, HMM=False)
    out = []
    singles = []  # consecutive one-character pieces: unknown words

    def flush():
        if len(singles) > 1:
            pairs = ["".join(singles[i : i + 2]) for i in range(len(singles) - 1)]
            # The index keeps both the characters and their pairs; a
            # query asks for the pairs (a name jieba does not know).
            out.extend(pairs if for_query else singles + pairs)
        elif singles and (not for_query or singles[0] not in QUERY_STOPWORDS):
            out.append(singles[0])
        singles.clear()

    for word in coarse:
        if len(word) == 1:
            singles.append(word)
            continue
        flush()
        if for_query:
            if word not in QUERY_STOPWORDS:
                out.append(word)
            continue
        if len(word) > 2:
            out.extend(_sub_words(word, made.FREQ))
        out.append(word)
    flush()
    return out


def _document_numbers(text):
    """``(start, end, forms)`` of each document number: ``forms`` the
    normalized number with every issuer abbreviation the characters before
    the bracket may be (the run may begin with other words)."""
    for match in DOCUMENT_NUMBER.finditer(text):
        run, year, number = match.groups()
        forms = [f"{run[-n:]}〔{year}〕{int(number)}号" for n in ISSUER_LENGTHS if n <= len(run)]
        if len(run) == 1:
            forms = [f"{run}〔{year}〕{int(number)}号"]
        yield match.start(), match.end(), forms


def _cut_plain(text, for_query):
    out = []
    for match in TOKEN.finditer(text):
        if match.group("han"):
            out.extend(_cut_han(match.group("han"), for_query))
        elif match.group("hao"):
            # 47号: the number with its 号 (the query's word); the index
            # also keeps the number alone.
            number = str(int(match.group("hao")))
            out.extend([number + "号"] if for_query else [number, number + "号"])
        else:
            out.append(match.group("word").lower())
    return out


def index_words(text):
    """The words ``text`` is indexed under, in order."""
    text = normalize(text)
    out = []
    position = 0
    for start, end, forms in _document_numbers(text):
        out.extend(_cut_plain(text[position:start], False))
        out.extend(forms)
        out.extend(_cut_plain(text[start:end], False))
        position = end
    out.extend(_cut_plain(text[position:], False))
    return out


def query_words(text):
    """The words a query's text asks for (no syntax: see ``query.py``)."""
    text = normalize(text)
    out = []
    position = 0
    for start, end, forms in _document_numbers(text):
        out.extend(_cut_plain(text[position:start], True))
        # The issuer as typed when it is short enough to be one (the index
        # keeps every suffix up to six characters), else its last three.
        out.append(forms[-1] if len(forms) < len(ISSUER_LENGTHS) else forms[1])
        position = end
    out.extend(_cut_plain(text[position:], True))
    return out


def is_han(word):
    return bool(_HAN_CHAR.match(word))
