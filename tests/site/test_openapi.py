"""The OpenAPI document (docs/openapi.yaml, served at ``@openapi``, shown at
``@@api-docs``): valid OpenAPI 3.1, complete — every product endpoint the
component registry holds, with its method, its permission and who may call
it —, and what the site serves.

The endpoints are found as plone.rest registered them (the walk of
tests/site/test_rest_errors.py), so a new endpoint without its
documentation fails here."""

from openapi_spec_validator import validate
from pathlib import Path
from plone.restapi.controlpanels.interfaces import IControlpanel
from tests.helpers import body
from tests.site.test_rest_errors import service_registrations
from zhengwu.site.openapi import BEGIN
from zhengwu.site.openapi import document
from zhengwu.site.openapi import END
from zhengwu.site.openapi import SOURCE
from zhengwu.site.openapi import with_endpoint_table
from zope.component import getGlobalSiteManager
from zope.component import getUtility
from zope.security.interfaces import IPermission
import pytest
import yaml


ROOT = Path(__file__).resolve().parents[2]
METHODS = ("get", "post", "put", "patch", "delete")
PUBLIC = ("zope.Public", "zope2.View")
# Endpoints registered with a public permission whose code refuses
# Anonymous (401) or offers it nothing: documented with security.
ASKS_FOR_A_USER = {"@petition-worklist", "@disclosure-request-worklist"}
DECIDED_BY_THE_CONTENT = {"@workflow", "@prepublish-checks"}


def spec():
    return yaml.safe_load((ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8"))


def operations(document):
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def endpoint_name(path):
    """The service a path documents: its first segment starting with @
    (``@@`` views are no services)."""
    return next((s for s in path.split("/") if s.startswith("@") and not s.startswith("@@")), None)


def registered():
    """{(name, METHOD): permission title or None (public)} of the
    product's services."""
    found = {}
    for name, factory in service_registrations():
        if not factory.__bases__[0].__module__.startswith("zhengwu."):
            continue
        roles = getattr(factory, "__roles__", None)
        permission = getattr(roles, "__name__", None) if roles is not None else None
        found[name[name.index("_@") + 1 :], factory.method] = permission
    return found


def permission_title(permission_id):
    if permission_id == "zope.Public":
        return None
    return getUtility(IPermission, name=permission_id).title


def test_the_document_is_valid_openapi_3_1():
    document = spec()
    assert document["openapi"] == "3.1.0"
    validate(document)


def test_no_yaml_slip():
    """An unquoted comma in a flow mapping (``{description: a, b}``) makes
    YAML keys of the words after it: no key holds a space, no value is null."""
    slips = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if value is None or (" " in str(key) and path[-1:] != ["properties"]):
                    slips.append(f"{'/'.join(map(str, path))}: {key!r}")
                walk(value, [*path, key])
        elif isinstance(node, list):
            for entry in node:
                walk(entry, path)

    walk(spec(), [])
    assert not slips, slips


def test_every_operation_is_complete():
    """Tag, id, security, permission, and a schema for every answer."""
    document, problems, ids = spec(), [], set()
    tags = {tag["name"] for tag in document["tags"]}
    for path, method, op in operations(document):
        where = f"{method.upper()} {path}"
        if not set(op.get("tags", ())) <= tags or not op.get("tags"):
            problems.append(f"{where}: a tag of the document's tags")
        if op.get("operationId") in ids or not op.get("operationId"):
            problems.append(f"{where}: a unique operationId")
        ids.add(op.get("operationId"))
        if "security" not in op or "x-permission" not in op:
            problems.append(f"{where}: security and x-permission")
        for status, answer in op["responses"].items():
            if status == "204":
                continue
            if "$ref" not in answer and not answer.get("content"):
                problems.append(f"{where} {status}: a schema")
            for media in answer.get("content", {}).values():
                if "schema" not in media:
                    problems.append(f"{where} {status}: a schema")
        errors = {s for s in op["responses"] if s.startswith("4")}
        if op["security"] and not errors & {"401", "403"}:
            problems.append(f"{where}: the refusal of whoever may not call it")
    assert not problems, problems


def test_every_error_answer_uses_the_shared_error_schema():
    document = spec()
    for name in ("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict"):
        schema = document["components"]["responses"][name]["content"]["application/json"]
        assert schema["schema"] == {"$ref": "#/components/schemas/Error"}
    assert "Retry-After" in document["components"]["responses"]["TooManyRequests"]["headers"]
    for path, method, op in operations(document):
        if "@@" in path or "@controlpanels" in path or endpoint_name(path) in ("@login", "@users"):
            continue  # Plone's pages and plone.restapi's own answers
        for status, answer in op["responses"].items():
            if status.startswith("4") and "$ref" not in answer:
                pytest.fail(f"{method.upper()} {path} {status}: a shared error response")


def test_every_service_is_documented_with_its_method_and_permission(functional_portal):
    services = registered()
    assert services
    document = spec()
    documented = {}
    for path, method, op in operations(document):
        name = endpoint_name(path)
        if name and name != "@controlpanels":
            documented[name, method.upper()] = op
    missing = set(services) - set(documented)
    assert not missing, f"document these endpoints in docs/openapi.yaml: {sorted(missing)}"
    stale = set(documented) - set(services)
    assert not stale, f"documented but not registered: {sorted(stale)}"
    for key, permission in services.items():
        op = documented[key]
        assert permission_title(op["x-permission"]) == permission, (key, op["x-permission"])
        public = op["x-permission"] in PUBLIC
        if not public:
            assert op["security"], f"{key}: needs a user ({permission}) but says security: []"
        elif key[0] in ASKS_FOR_A_USER | DECIDED_BY_THE_CONTENT:
            assert op["security"], key
        else:
            assert op["security"] == [], f"{key}: public, so security: []"


def test_every_product_control_panel_is_documented(functional_portal):
    panels, seen, registries = set(), set(), [getGlobalSiteManager()]
    while registries:  # the test layers stack registries: each is read
        registry = registries.pop()
        if id(registry) not in seen:
            seen.add(id(registry))
            registries.extend(registry.__bases__)
            panels |= {
                r.name
                for r in registry.registeredAdapters()
                if r.provided.isOrExtends(IControlpanel) and r.name.startswith("zhengwu-")
            }
    assert {"zhengwu-requests", "zhengwu-submissions", "zhengwu-workdays"} <= panels
    paths = spec()["paths"]
    for name in panels:
        assert {"get", "patch"} <= set(paths.get(f"/@controlpanels/{name}", {})), name


def test_the_package_ships_the_document():
    """src/zhengwu/site/openapi.yaml is the docs' file (a tracked symlink)."""
    assert SOURCE.resolve() == (ROOT / "docs" / "openapi.yaml").resolve()
    assert document() == spec()


def test_the_site_serves_the_document(anon_request, portal_url):
    response = anon_request.get("@openapi")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    served = response.json()
    validate(served)
    assert served["servers"] == [{"url": portal_url, "description": "this site"}]
    assert served["paths"] == spec()["paths"]


def test_the_worklists_refuse_anonymous(anon_request, request_factory):
    for name in sorted(ASKS_FOR_A_USER):
        response = anon_request.get(name)
        assert response.status_code == 401, name
        assert response.json()["error"]["type"] == "Unauthorized"
        member = request_factory("member").get(name)
        assert member.status_code == 200, name
        assert member.json()["items"] == []


def test_the_api_docs_page_lists_every_operation(request_factory):
    response = request_factory(json=False).get("@@api-docs")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    page = body(response)
    for path, method, op in operations(spec()):
        assert f"{method.upper()} {path}" in page, (method, path)
        assert f'id="{op["operationId"]}"' in page
    assert "≤ 3660" in page  # the bound of @working-days' days
    # nothing from another host: no Swagger UI, no CDN
    assert "swagger" not in page.lower() and "cdn." not in page.lower()


def test_the_endpoint_list_of_the_docs_is_the_documents():
    """docs/rest-api.md's list is generated from the document: run
    ``python -m zhengwu.site.openapi`` after changing it."""
    markdown = (ROOT / "docs" / "rest-api.md").read_text(encoding="utf-8")
    assert BEGIN in markdown and END in markdown
    assert with_endpoint_table(markdown, spec()) == markdown
    for path, method, _op in operations(spec()):
        assert f"`{method.upper()} {path}`" in markdown
