"""The OpenAPI document of the product's endpoints: ``docs/openapi.yaml``,
shipped in the package as ``zhengwu/site/openapi.yaml`` (a tracked symlink
to the docs, as ``zhengwu/profiles`` is to the profiles: a wheel holds the
file itself). ``@openapi`` serves it, ``@@api-docs`` shows it. Read once per process; every caller gets its own
copy with the site's address as the server."""

from functools import lru_cache
from pathlib import Path
import copy
import yaml


SOURCE = Path(__file__).with_name("openapi.yaml")


@lru_cache(maxsize=1)
def _loaded():
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def document(site_url=None):
    """The document; with ``site_url``, that site as its one server."""
    spec = copy.deepcopy(_loaded())
    if site_url:
        spec["servers"] = [{"url": site_url, "description": "this site"}]
    return spec


# The endpoint list of docs/rest-api.md, generated from the document
# (`python -m zhengwu.site.openapi` rewrites it; a test checks it).
BEGIN = "<!-- endpoints: generated from docs/openapi.yaml by `python -m zhengwu.site.openapi` -->"
END = "<!-- endpoints: end -->"
METHODS = ("get", "post", "put", "patch", "delete")


def _who(operation):
    if not operation.get("security"):
        return "anyone"
    return f"logged in (`{operation.get('x-permission', '')}`)"


def endpoint_table(spec=None):
    """The Markdown table of every documented operation, tag by tag."""
    spec = spec or document()
    lines = ["| tag | endpoint | who | what |", "| --- | --- | --- | --- |"]
    order = [tag["name"] for tag in spec.get("tags", [])]
    rows = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                operation = item[method]
                tag = (operation.get("tags") or ["other"])[0]
                summary = operation.get("summary", "").replace("|", "\\|")
                rows.append(
                    (
                        order.index(tag) if tag in order else len(order),
                        f"| {tag} | `{method.upper()} {path}` | {_who(operation)} | {summary} |",
                    )
                )
    lines.extend(row for _position, row in sorted(rows, key=lambda r: r[0]))
    return "\n".join(lines)


def with_endpoint_table(markdown, spec=None):
    """``markdown`` with the text between BEGIN and END replaced."""
    head, _sep, rest = markdown.partition(BEGIN)
    _old, _sep, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{endpoint_table(spec)}\n{END}{tail}"


if __name__ == "__main__":  # pragma: no cover - a developer's command
    target = Path(__file__).resolve().parents[3] / "docs" / "rest-api.md"
    target.write_text(with_endpoint_table(target.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote the endpoint list of {target}")
