"""`python -m zhengwu.locales` (make i18n): rebuild zhengwu.pot from the
code, templates and profiles, and sync the catalogs.

zh_CN is translated by hand; en takes each message's English default where
its msgstr is empty, so both catalogs are always complete (a test checks).
"""

from pathlib import Path
import re
import subprocess
import sys


LOCALES = Path(__file__).parent
PACKAGE = LOCALES.parent
PROFILES = PACKAGE.parent.parent / "profiles"
DOMAIN = "zhengwu"
LANGUAGES = ("zh_CN", "en")


def i18ndude(*args):
    executable = Path(sys.executable).parent / "i18ndude"
    # From the project root, so the pot's references are relative paths.
    subprocess.run([str(executable), *args], check=True, cwd=PROFILES.parent)


def rebuild_pot(pot):
    paths = [str(PACKAGE)]
    if PROFILES.is_dir():
        paths.append("profiles")
    i18ndude("rebuild-pot", "--pot", str(pot), "--create", DOMAIN, *paths)


def fill_english(po):
    """msgstr = the English default (or the msgid) where it is empty."""
    text = po.read_text(encoding="utf-8")
    entries = text.split("\n\n")
    out = []
    for entry in entries:
        default = re.search(r'^#\. Default: "(.*)"$', entry, re.M)
        msgid = re.search(r'^msgid "(.*)"$', entry, re.M)
        if msgid and msgid.group(1) and re.search(r'^msgstr ""$', entry, re.M):
            english = default.group(1) if default else msgid.group(1)
            entry = re.sub(
                r'^msgstr ""$', f'msgstr "{english}"'.replace("\\", "\\\\"), entry, flags=re.M
            )
        out.append(entry)
    po.write_text("\n\n".join(out), encoding="utf-8")


def main():
    pot = LOCALES / f"{DOMAIN}.pot"
    rebuild_pot(pot)
    for language in LANGUAGES:
        po = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        if not po.exists():
            po.write_text(
                "\n".join(
                    [
                        'msgid ""',
                        'msgstr ""',
                        '"Content-Type: text/plain; charset=UTF-8\\n"',
                        '"Content-Transfer-Encoding: 8bit\\n"',
                        f'"Language-Code: {language.lower().replace("_", "-")}\\n"',
                        f'"Language-Name: {language}\\n"',
                        f'"Domain: {DOMAIN}\\n"',
                        "",
                    ]
                ),
                encoding="utf-8",
            )
        i18ndude("sync", "--pot", str(pot), str(po))
        if language == "en":
            fill_english(po)


if __name__ == "__main__":
    main()
