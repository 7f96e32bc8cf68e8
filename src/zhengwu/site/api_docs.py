"""``@@api-docs``: the OpenAPI document (``openapi.py``) as a page, rendered
in the server from the same document ``@openapi`` serves — no Swagger UI,
no script or stylesheet from another host. Operations grouped by tag, each
with its parameters and their bounds, its body and every answer."""

from plone import api
from Products.Five.browser import BrowserView
from zhengwu.site.openapi import document


METHODS = ("get", "post", "put", "patch", "delete")
BOUNDS = (
    ("minimum", "≥ {}"),
    ("maximum", "≤ {}"),
    ("minLength", "≥ {} chars"),
    ("maxLength", "≤ {} chars"),
    ("maxItems", "≤ {} items"),
    ("pattern", "{}"),
    ("format", "{}"),
    ("default", "= {}"),
)


def resolve(spec, node):
    """A ``$ref`` followed (within the document), with its local
    ``description`` kept, as OpenAPI 3.1 allows beside a reference."""
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k in ("description", "summary")}}
    return node


def schema_text(spec, schema):
    """A schema in one line: its type, choices and bounds."""
    schema = resolve(spec, schema or {})
    kind = schema.get("type", "")
    if isinstance(kind, list):
        kind = " | ".join(kind)
    if kind == "array":
        kind = f"[{schema_text(spec, schema.get('items'))}]"
    parts = [kind or ("$ref" if "$ref" in schema else "")]
    if "enum" in schema:
        parts.append(" | ".join(str(v) for v in schema["enum"]))
    parts.extend(fmt.format(schema[key]) for key, fmt in BOUNDS if key in schema)
    return ", ".join(p for p in parts if p)


def body_fields(spec, body):
    """The fields of a JSON request body: ``(name, schema, required)``."""
    body = resolve(spec, body or {})
    media = body.get("content", {})
    schema = resolve(
        spec, (media.get("application/json") or next(iter(media.values()), {})).get("schema", {})
    )
    required = set(schema.get("required", ()))
    return [
        {
            "name": name,
            "schema": schema_text(spec, prop),
            "required": name in required,
            "description": resolve(spec, prop).get("description", ""),
        }
        for name, prop in schema.get("properties", {}).items()
    ]


def security_names(spec, operation):
    """Who may call: an empty list is anyone."""
    security = operation.get("security", spec.get("security", []))
    return sorted({name for requirement in security for name in requirement})


def operations(spec):
    """Every operation, grouped by its first tag, in the document's order."""
    groups = {tag["name"]: [] for tag in spec.get("tags", [])}
    for path, item in spec.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            parameters = [resolve(spec, p) for p in shared + operation.get("parameters", [])]
            entry = {
                "id": operation.get("operationId", f"{method}-{path}"),
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "security": security_names(spec, operation),
                "parameters": [
                    {
                        "name": p["name"],
                        "in": p["in"],
                        "required": p.get("required", False),
                        "schema": schema_text(spec, p.get("schema")),
                        "description": p.get("description", ""),
                    }
                    for p in parameters
                ],
                "body": body_fields(spec, operation.get("requestBody")),
                "responses": [
                    {"status": status, "description": resolve(spec, answer).get("description", "")}
                    for status, answer in operation.get("responses", {}).items()
                ],
            }
            tag = (operation.get("tags") or ["other"])[0]
            groups.setdefault(tag, []).append(entry)
    descriptions = {tag["name"]: tag.get("description", "") for tag in spec.get("tags", [])}
    return [
        {"name": name, "description": descriptions.get(name, ""), "operations": entries}
        for name, entries in groups.items()
        if entries
    ]


class ApiDocsView(BrowserView):
    def __call__(self):
        self.spec = document(api.portal.get().absolute_url())
        self.groups = operations(self.spec)
        return self.index()

    @property
    def json_url(self):
        return f"{api.portal.get().absolute_url()}/@openapi"
