"""Snippets (zhengwu.search.snippets): the text around the first query
word, the words marked, everything else escaped."""

from plone import api
from tests.search.helpers import make_page
from zhengwu.search.snippets import highlight
from zhengwu.search.snippets import indexed_text
from zhengwu.search.snippets import snippet


def test_marks_words_and_escapes_the_rest():
    assert highlight('<a href="x">公积金</a> & 提取', ["公积金"]) == (
        "&lt;a href=&quot;x&quot;&gt;<mark>公积金</mark>&lt;/a&gt; &amp; 提取"
    )


def test_a_word_is_marked_whole_and_case_is_ignored():
    assert highlight("住房公积金和公积金", ["公积金", "住房公积金"]) == (
        "<mark>住房公积金</mark>和<mark>公积金</mark>"
    )
    assert highlight("ICP备案 icp", ["icp"]) == "<mark>ICP</mark>备案 <mark>icp</mark>"


def test_a_word_that_is_markup_is_escaped_too():
    assert highlight("a<b>c", ["<b>"]) == "a<mark>&lt;b&gt;</mark>c"


def test_the_snippet_is_around_the_first_word():
    text = "甲" * 200 + "公积金" + "乙" * 200
    found = snippet(text, ["公积金"], width=40)
    assert found.startswith("…") and found.endswith("…")
    assert "<mark>公积金</mark>" in found
    assert len(found.replace("<mark>", "").replace("</mark>", "")) == 42


def test_without_the_words_the_beginning():
    assert snippet("开头的文字" + "乙" * 200, ["公积金"], width=5) == "开头的文字…"
    assert snippet("短文", ["公积金"]) == "短文"
    assert snippet("", ["公积金"]) == ""
    assert snippet("文字", []) == "文字"


def test_the_indexed_text_without_title_and_a_repeated_summary(portal):
    page = make_page(
        portal["zh-cn"]["dept"],
        "公积金提取办法",
        "职工可以提取公积金。另有规定。",
        state="private",
        description="职工可以提取公积金。",
    )
    text = indexed_text(page, api.portal.get_tool("portal_catalog"))
    assert text == "职工可以提取公积金。另有规定。"
