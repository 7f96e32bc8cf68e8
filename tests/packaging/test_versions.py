"""constraints.txt is the single source of truth; versions.cfg (buildout)
must say the same, and the known-bad pre-release must stay out."""

from configparser import ConfigParser
from pathlib import Path
import re


ROOT = Path(__file__).resolve().parents[2]


def constraints():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def buildout_versions():
    parser = ConfigParser()
    parser.optionxform = str
    parser.read(ROOT / "versions.cfg")
    return {name.lower(): value for name, value in parser["versions"].items()}


def test_every_constraint_is_an_exact_pin():
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+!\-]+", line.strip()), line


def test_versions_cfg_agrees_with_constraints():
    assert buildout_versions() == constraints()


def test_plone_is_6_2_and_layout_is_not_a_prerelease():
    pins = constraints()
    assert pins["plone"].startswith("6.2.")
    assert pins["products.cmfplone"].startswith("6.2.")
    assert not re.search(r"(a|b|rc|dev)\d", pins["plone.app.layout"])


def test_product_dependencies_are_pinned():
    pins = constraints()
    for name in (
        "plone.restapi",
        "plone.app.multilingual",
        "collective.easyform",
        "zodb",
        "relstorage",
        "psycopg2-binary",
    ):
        assert name in pins, name


def test_installed_versions_match_the_pins():
    from importlib.metadata import distributions

    pins = constraints()
    installed = {dist.metadata["Name"].lower(): dist.version for dist in distributions()}
    wrong = {
        name: (installed[name], version)
        for name, version in pins.items()
        if name in installed and installed[name] != version and name not in ("pip",)
    }
    assert not wrong
