"""Who may import whom (DESIGN.md section 1), read from the import statements
of every module under src/zhengwu/, those inside functions included.

- Only ``zhengwu.demo`` imports ``zhengwu.demo``: the demo imports the
  domains, no domain (nor anything else) knows the demo exists.
- The domain packages import the shared rooms (site, review, submissions,
  workdays, faceted …) and never each other.

A rule that cannot fail proves nothing: the snippets below show it failing.
"""

from pathlib import Path
import ast
import pytest


SRC = Path(__file__).resolve().parents[1] / "src"
DEMO = "zhengwu.demo"
DOMAINS = ("disclosure", "guides", "petitions", "requests", "participation")
# Shared rooms the domains import (faceted search and its ranking): one
# importing a domain would tie every domain to it.
SHARED_BELOW_DOMAINS = ("zhengwu.search", "zhengwu.faceted")


def imported_names(source, module, is_package=False):
    """``(line, dotted name)`` of everything ``module`` imports. For
    ``from package import name`` both ``package`` and ``package.name`` are
    given: ``name`` may be a submodule."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module
            yield node.lineno, base
            for alias in node.names:
                if alias.name != "*":
                    yield node.lineno, f"{base}.{alias.name}"


def within(name, package):
    return name == package or name.startswith(package + ".")


def domain(name):
    parts = name.split(".")
    if len(parts) > 1 and parts[0] == "zhengwu" and parts[1] in DOMAINS:
        return parts[1]
    return None


def violations(modules):
    """What breaks the rules in ``modules`` (``{name: (source, is_package)}``),
    one sentence per statement and rule."""
    found = {}
    for module, (source, is_package) in sorted(modules.items()):
        for line, name in imported_names(source, module, is_package):
            if within(name, DEMO) and not within(module, DEMO):
                rule = "only the demo imports the demo"
                found.setdefault((module, line, rule), name)
            if domain(module) and domain(name) and domain(module) != domain(name):
                rule = "domains never import each other"
                found.setdefault((module, line, rule), name)
            if domain(name) and any(within(module, room) for room in SHARED_BELOW_DOMAINS):
                rule = "search and faceted import no domain"
                found.setdefault((module, line, rule), name)
    return [
        f"{module} (line {line}) imports {name}: {rule}"
        for (module, line, rule), name in sorted(found.items())
    ]


def source_modules():
    modules = {}
    for path in sorted((SRC / "zhengwu").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        modules[name] = (path.read_text(encoding="utf-8"), is_package)
    return modules


def test_the_code_keeps_its_layers():
    modules = source_modules()
    # The walk sees the code (the demo and every domain), so an empty list means something.
    assert "zhengwu.demo.setuphandlers" in modules
    assert {domain(name) for name in modules} >= set(DOMAINS) - {"participation"}
    assert violations(modules) == []


def test_the_demo_imports_the_domains():
    names = {
        name
        for module, (source, is_package) in source_modules().items()
        if within(module, DEMO)
        for _line, name in imported_names(source, module, is_package)
    }
    assert {domain(name) for name in names} >= {"guides", "petitions", "requests"}


BROKEN = [
    pytest.param(
        "zhengwu.disclosure.views",
        "from zhengwu.demo import site\n",
        "only the demo imports the demo",
        id="a-domain-imports-the-demo",
    ),
    pytest.param(
        "zhengwu.site.setuphandlers",
        "def post_install(context):\n    from zhengwu import demo\n",
        "only the demo imports the demo",
        id="a-shared-room-imports-the-demo-inside-a-function",
    ),
    pytest.param(
        "zhengwu.review.audit_log",
        "import zhengwu.demo.setuphandlers\n",
        "only the demo imports the demo",
        id="import-statement",
    ),
    pytest.param(
        "zhengwu.guides.search",
        "def search():\n    from zhengwu.petitions.stats import figures\n",
        "domains never import each other",
        id="a-domain-imports-another-inside-a-function",
    ),
    pytest.param(
        "zhengwu.requests.events",
        "from ..disclosure import item\n",
        "domains never import each other",
        id="relative-import",
    ),
    pytest.param(
        "zhengwu.petitions.services.petition_stats.get",
        "from .... import guides\n",
        "domains never import each other",
        id="relative-import-of-a-package",
    ),
    pytest.param(
        "zhengwu.search.kinds",
        "from zhengwu.disclosure.genres import GENRES\n",
        "search and faceted import no domain",
        id="search-imports-a-domain",
    ),
    pytest.param(
        "zhengwu.faceted",
        "def f():\n    from zhengwu import guides\n",
        "search and faceted import no domain",
        id="faceted-imports-a-domain",
    ),
    pytest.param(
        "zhengwu.participation",
        "from zhengwu import faceted\nfrom zhengwu import requests\n",
        "domains never import each other",
        id="participation-is-a-domain",
    ),
]


@pytest.mark.parametrize("module, source, rule", BROKEN)
def test_the_rule_fails_on_a_broken_layer(module, source, rule):
    found = violations({module: (source, module == "zhengwu.participation")})
    assert len(found) == 1 and found[0].endswith(rule), found


ALLOWED = [
    ("zhengwu.demo.setuphandlers", "from zhengwu.demo import disclosure\nimport zhengwu.guides\n"),
    ("zhengwu.demo.site", "from .publishing import publish\nfrom zhengwu.site import roles\n"),
    ("zhengwu.guides.events", "from zhengwu import _\nfrom zhengwu.site.department import x\n"),
    (
        "zhengwu.requests.report",
        "from zhengwu.requests import kinds\nfrom . import statutory_clock\n",
    ),
    (
        "zhengwu.petitions.stats",
        "from zhengwu.review import guards\nfrom zhengwu import workdays\n",
    ),
    ("zhengwu.guides.search", "from zhengwu.search import ranking\n"),
    ("zhengwu.instance.cli", "PROFILE = 'zhengwu:demo'  # a profile's name is no import\n"),
]


@pytest.mark.parametrize("module, source", ALLOWED, ids=[m for m, _ in ALLOWED])
def test_the_rule_lets_the_layers_be(module, source):
    assert violations({module: (source, False)}) == []
