"""The suite's own rules, checked on its source.

plone.restapi escapes every non-ASCII character in JSON (``"\\u674e…"``), so
``"李秀英" not in response.text`` passes on any JSON response, leak or not.
Every containment check on a response therefore goes through
``tests.helpers.body``, which decodes JSON first; this test fails when a
test file applies ``in`` / ``not in`` to a response's ``.text`` directly or
to a name that holds one, or hands one to an ``assert…`` helper.
"""

from pathlib import Path
import ast
import pytest


TESTS = Path(__file__).resolve().parent


def _is_text(node):
    return isinstance(node, ast.Attribute) and node.attr == "text"


def _tainted_names(function):
    """Names that hold a ``.text`` somewhere in ``function`` (assigned one, or
    looping over a tuple or list that holds one)."""
    tainted = set()
    changed = True
    while changed:
        changed = False
        for node in ast.walk(function):
            targets, value = (), None
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None:
                targets, value = (node.target,), node.value
            elif isinstance(node, ast.For | ast.comprehension):
                targets = (node.target,)
                if isinstance(node.iter, ast.Tuple | ast.List | ast.Set):
                    value = next(
                        (e for e in node.iter.elts if _is_text(e) or _holds(e, tainted)), None
                    )
            if value is None or not (_is_text(value) or _holds(value, tainted)):
                continue
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name) and name.id not in tainted:
                        tainted.add(name.id)
                        changed = True
    return tainted


def _holds(node, tainted):
    return isinstance(node, ast.Name) and node.id in tainted


def _name(func):
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def violations(source, filename="<test>"):
    """``(line, text)`` of every containment check on a raw ``.text``."""
    tree = ast.parse(source, filename)
    found = []
    scopes = [tree] + [
        node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    for scope in scopes:
        tainted = _tainted_names(scope)
        for node in ast.walk(scope):
            # A helper that searches what it is given (assert_private(text)).
            if isinstance(node, ast.Call) and _name(node.func).startswith("assert"):
                if any(_is_text(arg) or _holds(arg, tainted) for arg in node.args):
                    found.append((node.lineno, ast.unparse(node)))
            if not isinstance(node, ast.Compare):
                continue
            for op, right in zip(node.ops, node.comparators, strict=True):
                if isinstance(op, ast.In | ast.NotIn) and (
                    _is_text(right) or _holds(right, tainted)
                ):
                    found.append((node.lineno, ast.unparse(node)))
    return sorted(set(found))


def test_the_rule_sees_what_it_must():
    bad = """
def test_a(response, page):
    assert "李秀英" not in response.text
    html = requests.get(url).text
    assert "x" in html
    for channel in (html, other):
        assert "y" not in channel
    assert "z" in page.text
    assert_private(response.text, "where")
"""
    good = """
def test_b(response):
    assert "李秀英" not in body(response)
    html = body(requests.get(url))
    assert "x" in html
    assert response.text.startswith("<")
    assert len(response.text) > 1
    assert_private(body(response))
"""
    assert [line for line, _ in violations(bad)] == [3, 5, 7, 8, 9]
    assert violations(good) == []


@pytest.mark.parametrize(
    "path", sorted(TESTS.rglob("test_*.py")), ids=lambda p: str(p.relative_to(TESTS))
)
def test_no_containment_check_on_raw_text(path):
    if path == Path(__file__).resolve():
        return  # the examples above are the rule's own test cases
    found = violations(path.read_text(encoding="utf-8"), str(path))
    assert not found, "use tests.helpers.body(response): " + "; ".join(
        f"{path.name}:{line}: {text}" for line, text in found
    )
