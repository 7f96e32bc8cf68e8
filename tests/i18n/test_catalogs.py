"""Every user-visible string is translatable and translated: the zh_CN and
en catalogs are complete, and zhengwu.pot is current with the code."""

from pathlib import Path
import pytest
import re
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "src" / "zhengwu" / "locales"
CJK = re.compile(r"[\u4e00-\u9fff]")


def messages(path):
    """{msgid: msgstr} of a .po/.pot file (single-line entries, as i18ndude writes them)."""
    text = path.read_text(encoding="utf-8")
    result = {}
    for entry in text.split("\n\n"):
        msgid = re.search(r'^msgid "(.*)"$', entry, re.M)
        msgstr = re.search(r'^msgstr "(.*)"$', entry, re.M)
        if msgid and msgid.group(1):
            result[msgid.group(1)] = msgstr.group(1) if msgstr else ""
    return result


@pytest.fixture(scope="module")
def pot():
    return messages(LOCALES / "zhengwu.pot")


def test_pot_is_current_with_the_code(tmp_path, pot):
    fresh = tmp_path / "zhengwu.pot"
    i18ndude = Path(sys.executable).parent / "i18ndude"
    subprocess.run(
        [
            str(i18ndude),
            "rebuild-pot",
            "--pot",
            str(fresh),
            "--create",
            "zhengwu",
            str(ROOT / "src" / "zhengwu"),
            str(ROOT / "profiles"),
        ],
        check=True,
        capture_output=True,
    )
    assert set(messages(fresh)) == set(pot), "run `make i18n` and translate the new messages"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_catalog_is_complete(pot, language):
    catalog = messages(LOCALES / language / "LC_MESSAGES" / "zhengwu.po")
    untranslated = sorted(msgid for msgid in pot if not catalog.get(msgid))
    assert not untranslated


def test_chinese_catalog_is_chinese(pot):
    catalog = messages(LOCALES / "zh_CN" / "LC_MESSAGES" / "zhengwu.po")
    # A message of placeholders and punctuation only ("${label}: ${problem}")
    # has no word to translate, only its punctuation.
    worded = [m for m in pot if re.search(r"[A-Za-z]", re.sub(r"\$\{\w+\}", "", m))]
    not_chinese = sorted(msgid for msgid in worded if not CJK.search(catalog.get(msgid, "")))
    assert not not_chinese


def test_translations_are_served(portal):
    from zhengwu import _
    from zope.i18n import translate

    assert translate(_("Site identification code"), target_language="zh_CN") == "网站标识码"
    assert (
        translate(_("Site identification code"), target_language="en") == "Site identification code"
    )


def workflow_titles():
    from xml.etree import ElementTree

    titles = set()
    for definition in (ROOT / "profiles" / "default" / "workflows").glob("*/definition.xml"):
        tree = ElementTree.parse(definition)
        titles.add(tree.getroot().get("title"))
        for node in tree.getroot():
            if node.tag in ("state", "transition") and node.get("title"):
                titles.add(node.get("title"))
                description = node.find("description")
                if description is not None and description.text:
                    titles.add(description.text.strip())
            if node.tag in ("transition", "worklist"):
                action = node.find("action")
                if action is not None and action.text:
                    titles.add(action.text.strip())
    return titles


def test_workflow_titles_are_translated(portal):
    """Plone translates workflow titles in its own domain, "plone"."""
    from zope.i18n import translate

    untranslated = sorted(
        title
        for title in workflow_titles()
        if not CJK.search(translate(title, domain="plone", target_language="zh_CN"))
    )
    assert not untranslated
