"""What a citizen's query means (docs/search.md): ``understand(text)``.

In order: Traditional characters become Simplified (OpenCC ``t2s``), the
site's corrections of frequent misspellings apply (公基金 → 公积金), the
text is cut into words as the index cuts it, and each word that belongs to
a synonym group asks for the group (``(社保 OR 社会保险)``). The answer's
``query`` is ZCTextIndex syntax for ``SearchableText``: words AND-ed,
quoted phrases kept, the citizen's own AND/OR/NOT and parentheses kept.
A query in pinyin (``gongjijin``) also asks for the Chinese words whose
pinyin it is, among the dictionary's government terms and the site's words.

The search page uses ``words`` to highlight and ``suggestions`` when
nothing was found; ``corrected`` is what was searched instead, to say
"已为您搜索 …". plone.restapi's ``@search`` and Plone's ``@@search`` go
through it (``patches.py``).
"""

from dataclasses import dataclass
from dataclasses import field
from functools import lru_cache
from Products.ZCTextIndex.QueryParser import _tokenizer_unicode_regex
from zhengwu.search import dictionary
from zhengwu.search import segmenter
from zhengwu.search.settings import correction_of
from zhengwu.search.settings import site_lists
from zhengwu.search.settings import words_of
import re
import threading


OPERATORS = frozenset(("AND", "OR", "NOT"))
PINYIN = re.compile(r"^[a-z\s']+$")
MAX_LENGTH = 200  # characters of a query read; the rest is not a query


@dataclass
class Understood:
    query: str
    words: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    corrected: str | None = None


class UnderstoodQuery(str):
    """A query ``understand`` made: understanding it again changes nothing."""


_t2s_lock = threading.Lock()


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text):
    """Traditional characters and phrases as Simplified."""
    if not re.search(rf"[{segmenter.HAN}]", text):
        return text
    with _t2s_lock:
        return _t2s().convert(text)


def correct(text, corrections):
    """``text`` with the site's corrections applied, the longest first."""
    pairs = sorted(
        (pair for pair in map(correction_of, corrections) if pair),
        key=lambda pair: -len(pair[0]),
    )
    for wrong, right in pairs:
        if wrong in text and right not in text:
            text = text.replace(wrong, right)
    return text


@lru_cache(maxsize=16)
def _synonym_groups(synonyms):
    groups = {}
    for line in synonyms:
        words = [segmenter.normalize(word).lower() for word in words_of(line)]
        for word in words:
            groups.setdefault(word, [])
            groups[word] += [other for other in words if other not in groups[word]]
    return groups


@lru_cache(maxsize=16)
def _pinyin_index(words):
    """Pinyin (without tones, joined) and initials → the words with it."""
    from pypinyin import lazy_pinyin
    from pypinyin import Style

    index = {}
    for word in words:
        if not segmenter.is_han(word):
            continue
        syllables = lazy_pinyin(word, errors="ignore")
        if not syllables:
            continue
        keys = {"".join(syllables)}
        if len(word) >= 3:
            keys.add("".join(lazy_pinyin(word, style=Style.FIRST_LETTER, errors="ignore")))
        for key in keys:
            found = index.setdefault(key, [])
            if word not in found:
                found.append(word)
    return index


def pinyin_words(text, lists):
    """The Chinese words whose pinyin ``text`` is (``gongjijin`` → 公积金)."""
    key = re.sub(r"[\s']+", "", text.lower())
    if len(key) < 2 or not PINYIN.match(text.lower()):
        return []
    words = tuple(sorted(set(segmenter.shipped_words()) | set(dictionary.query_words(lists))))
    return _pinyin_index(words).get(key, [])[:5]


def _tokens(text):
    tokens = _tokenizer_unicode_regex.findall(text)
    depth = 0
    for token in tokens:
        depth += {"(": 1, ")": -1}.get(token, 0)
        if depth < 0:
            break
    if depth != 0:  # unbalanced: the parentheses are no syntax
        tokens = [t for t in tokens if t not in ("(", ")")]
    return tokens


def _group(word, groups):
    synonyms = groups.get(word)
    if not synonyms:
        return word, [word]
    members = [word] + [s for s in synonyms if s != word]
    parts = []
    for member in members:
        cut = segmenter.query_words(member)
        if len(cut) == 1:
            parts.append(cut[0])
        elif cut:
            parts.append('"{}"'.format(" ".join(cut)))
    return "(" + " OR ".join(dict.fromkeys(parts)) + ")", members


def _expand(tokens, groups):
    """``(query parts, words, plain words)`` of the tokens."""
    parts = []  # (kind, text): kind "operand", "op", "(" or ")"
    words = []
    plain = []
    for token in tokens:
        upper = token.upper()
        if token in ("(", ")"):
            parts.append((token, token))
            continue
        if upper in OPERATORS:
            parts.append(("op", upper))
            continue
        negated = token.startswith("-") and len(token) > 1
        body = token[1:] if negated else token
        if body.startswith('"'):
            inner = body.strip('"').strip()
            cut = segmenter.query_words(inner)
            if cut:
                words += cut
                phrase = '"{}"'.format(inner.replace('"', ""))
                parts.append(("neg" if negated else "operand", phrase))
            continue
        globbed = body.endswith("*")
        cut = segmenter.query_words(body.replace("*", " ").replace("?", " "))
        if not cut:
            continue
        if negated:
            # The splitter cuts Chinese again: NOT all of its words.
            if all(segmenter.is_han(word) for word in cut):
                parts.append(("neg", "".join(cut)))
            elif len(cut) == 1 and cut[0].upper() not in OPERATORS:
                parts.append(("neg", cut[0]))
            else:
                parts.append(("neg", '"{}"'.format(" ".join(cut))))
            continue
        for i, word in enumerate(cut):
            text, members = _group(word, groups)
            if word.upper() in OPERATORS:
                text = f'"{word}"'  # the word, not ZCTextIndex's operator
            elif globbed and i == len(cut) - 1 and text == word and not segmenter.is_han(word):
                text = word + "*"  # a Latin prefix (Plone's search adds *)
            parts.append(("operand", text))
            words += members
            plain.append(word)
    return parts, words, plain


def _join(parts):
    """ZCTextIndex syntax for the parts: AND between two operands (it ANDs
    only adjacent plain words by itself), operators only where they join,
    and every NOT after the positive words of its group (``-a b`` is
    ``b AND NOT a``: ZCTextIndex needs a positive word first); a group of
    NOT words only is left out, and so is a query of them."""
    merged = []
    negate = False
    for kind, text in parts:
        if kind == "op" and text == "NOT":
            negate = True
            continue
        if kind == "operand" and negate:
            kind = "neg"
        negate = False
        merged.append((kind, text))
    stack = [([], [])]  # per group: (out, negs)
    for kind, text in merged:
        out, negs = stack[-1]
        previous = out[-1][0] if out else None
        if kind == "neg":
            negs.append(text)
        elif kind == "op":
            if previous == "operand":
                out.append(("op", text))
        elif kind == "(":
            if previous == "operand":
                out.append(("op", "AND"))
            stack.append(([], []))
        elif kind == ")":
            if len(stack) == 1:
                continue
            inner = _close(*stack.pop())
            out, _negs = stack[-1]
            if inner:
                out.append(("operand", f"( {inner} )"))
            elif out and out[-1][0] == "op":
                out.pop()
        else:
            if previous == "operand":
                out.append(("op", "AND"))
            out.append((kind, text))
    while len(stack) > 1:  # cannot happen: _tokens balances parentheses
        inner = _close(*stack.pop())
        if inner:
            stack[-1][0].append(("operand", f"( {inner} )"))
    return _close(*stack[0])


def _close(out, negs):
    while out and out[-1][0] == "op":
        out.pop()
    if not out:
        return ""
    texts = [text for _kind, text in out]
    for neg in negs:
        texts += ["AND", "NOT", neg]
    return " ".join(texts)


def understand(text):
    """What ``text`` asks for: the ``SearchableText`` query, the words to
    highlight, suggestions for a search that finds nothing, and the
    corrected text when a correction applied."""
    if isinstance(text, UnderstoodQuery):
        return Understood(
            query=text, words=[w for w in re.findall(r"[^\s()\"*]+", text) if w not in OPERATORS]
        )
    text = (text or "")[:MAX_LENGTH]
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    dictionary.ensure_site_words()
    user_words, synonyms, corrections = lists = site_lists()
    text = segmenter.normalize(simplified(text)).strip()
    fixed = correct(text, corrections)
    corrected = fixed if fixed != text else None
    groups = _synonym_groups(synonyms)

    suggestions = []
    chinese = pinyin_words(fixed, lists)
    if chinese:
        corrected = corrected or chinese[0]
        fixed = " OR ".join([*chinese, fixed]) if len(chinese) > 1 else f"{chinese[0]} OR {fixed}"
        suggestions += chinese

    parts, words, plain = _expand(_tokens(fixed), groups)
    query = _join(parts)
    if corrected and corrected not in suggestions:
        suggestions.insert(0, corrected)
    if len(plain) > 1:
        # Fewer words: the longest words alone, then all but the last.
        for word in sorted(plain, key=len, reverse=True)[:3]:
            suggestions.append(word)
        suggestions.append(" ".join(plain[:-1]))
    for word in plain:
        for other in groups.get(word, ()):
            if other != word:
                suggestions.append(other)
    seen = {text, fixed}
    unique = []
    for suggestion in suggestions:
        if suggestion and suggestion not in seen:
            seen.add(suggestion)
            unique.append(suggestion)
    return Understood(
        query=UnderstoodQuery(query),
        words=list(dict.fromkeys(w for w in words if w)),
        suggestions=unique[:8],
        corrected=corrected,
    )
