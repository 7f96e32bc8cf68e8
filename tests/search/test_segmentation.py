"""Word segmentation and query understanding, without a site."""

from zhengwu.search import segmenter
from zhengwu.search.query import understand
from zhengwu.search.splitter import Splitter
import pytest
import threading


def test_search_mode_gives_the_words_inside_a_term():
    assert segmenter.index_words("住房公积金") == ["住房", "公积", "公积金", "积金", "住房公积金"]
    assert segmenter.query_words("住房公积金") == ["住房公积金"]


def test_words_that_only_meet_across_a_boundary_are_no_words():
    assert "京东" not in segmenter.index_words("北京东路改造工程公告")
    assert "公安" not in segmenter.index_words("下周办公安排")
    assert "公安" in segmenter.index_words("市公安局")


def test_document_numbers_whole_and_in_part():
    words = segmenter.index_words("关于印发国办发〔2017〕47号文件的通知")
    assert {"国办发〔2017〕47号", "47号", "2017", "47", "国办发"} <= set(words)
    # any bracket a writer uses is the same number
    for typed in (
        "国办发[2017]47号",
        "国办发（2017）47号",
        "国办发【2017】47号",
        "国办发〔2017〕047号",
    ):
        assert segmenter.query_words(typed) == ["国办发〔2017〕47号"], typed


def test_latin_words_and_numbers_stay_whole():
    assert segmenter.index_words("COVID-19 与 5G 网络 ２０２４年") == [
        "covid", "19", "与", "5g", "网络", "2024", "年"
    ]  # fmt: skip


def test_query_function_words_are_left_out():
    assert segmenter.query_words("公积金怎么提取") == ["公积金", "提取"]


def test_the_splitter_for_the_query_parser():
    splitter = Splitter()
    assert splitter.processGlob(["公积金提取"]) == ["公积金", "提取"]
    # Plone's search adds * for a prefix; a lone character is a prefix
    assert splitter.processGlob(["提取*"]) == ["提取*"]
    assert splitter.processGlob(["税"]) == ["税*"]
    # looking a word up leaves it as it is
    assert splitter.process_post_glob(["国办发〔2017〕47号", "提取*"]) == [
        "国办发〔2017〕47号",
        "提取",
    ]


def test_added_words_are_cut_whole():
    assert segmenter.query_words("智慧养老驿站") != ["智慧养老驿站"]
    assert segmenter.add_words(["智慧养老驿站"]) == 1
    assert segmenter.query_words("智慧养老驿站") == ["智慧养老驿站"]
    assert segmenter.add_words(["智慧养老驿站"]) == 0


def test_one_tokenizer_for_all_threads(monkeypatch):
    monkeypatch.setattr(segmenter, "_tokenizer", None)
    made = []

    def cut():
        made.append(segmenter.tokenizer())

    threads = [threading.Thread(target=cut) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(t) for t in made}) == 1


# understand(): the search page's and @search's reading of a query


def test_synonyms_are_or_ed():
    understood = understand("社保卡办理")
    assert understood.query == "(社保卡 OR 社会保障卡) AND 办理"
    assert understood.words == ["社保卡", "社会保障卡", "办理"]


def test_traditional_is_simplified():
    assert understand("住房公積金提取").query == "(住房公积金 OR 公积金) AND 提取"
    assert understand("國辦發〔2017〕47號").query == "国办发〔2017〕47号"


def test_corrections_are_applied_and_said():
    understood = understand("公基金")
    assert understood.corrected == "公积金"
    assert understood.query == "(公积金 OR 住房公积金)"
    assert "住房公积金" in understood.suggestions


def test_pinyin_suggests_the_chinese_word():
    understood = understand("gongjijin")
    assert understood.suggestions[0] == "公积金"
    assert understood.corrected == "公积金"
    assert "公积金" in understood.query
    assert understand("shebao").suggestions[0] == "社保"


def test_fewer_words_are_suggested():
    understood = understand("北京东路 道路 改造 公告")
    assert "北京东路 道路 改造" not in understood.suggestions  # the words are cut
    assert "北京 东路 道路 改造" in understood.suggestions
    assert "北京" in understood.suggestions


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ('"住房公积金" 提取', '"住房公积金" AND 提取'),
        ("公积金* AND 提取*", "(公积金 OR 住房公积金) AND 提取"),  # Plone's munged form
        ("-公安 办公", "办公 AND NOT 公安"),
        ("户籍 OR 户口", "(户籍 OR 户口) OR (户口 OR 户籍)"),
        ("covid*", "covid*"),
        ("(公安", "公安"),  # unbalanced parentheses are no syntax
        ("-公安", ""),
        ("NOT 公安", ""),
        ("办公 NOT 公安", "办公 AND NOT 公安"),
        ("x OR y -z", "x OR y AND NOT z"),
        ("住房AND", '住房 AND "and"'),
        ("***", ""),
        ("", ""),
    ],
)
def test_query_syntax(text, query):
    assert understand(text).query == query


def test_understanding_twice_changes_nothing():
    once = understand("社保 办理").query
    assert understand(once).query == once


def test_no_query_breaks_the_parser(portal):
    """Whatever is typed, ``understand`` gives a query ZCTextIndex parses
    (a ParseError would be a 500 on @search)."""
    from tests.search import corpus
    import random

    catalog = corpus.make_catalog()
    corpus.fill(catalog, corpus.corpus(60))
    index = catalog._catalog.getIndex("SearchableText")
    pieces = [
        "公积金", "京东", "(", ")", "OR", "AND", "NOT", "or", "Not", "-and", "-", '"', "*",
        "?", "的", "税", "a", "5G", "x-y", "47号", "國辦發〔2017〕47號", " ", "gongjijin",
        "-公安", '"住房', '公积金"', "（", "】", "\ud800", "公基金", "社保",
    ]  # fmt: skip
    rng = random.Random(19)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) + rng.choice(("", " ")) for _ in range(rng.randint(1, 7)))
        query = understand(text).query
        if query:
            index.query(query, 10)  # raises on a bad query
