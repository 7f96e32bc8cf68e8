"""Validation errors of the product's types over plone.restapi's content
endpoints come in the product's error shape (zhengwu.content_errors): one
``{field, message}`` per field, a sentence naming the field, no Python repr,
no traceback; Plone's own types keep plone.restapi's answer."""

from tests.helpers import body
import pytest


@pytest.fixture
def manager(manager_request):
    return manager_request


def assert_product_shape(response, fields):
    assert response.status_code == 400, response.text
    data = response.json()
    assert set(data) == {"error"}  # no traceback, no context
    error = data["error"]
    assert error["type"] == "BadRequest"
    assert {e["field"] for e in error["errors"]} == set(fields)
    for entry in error["errors"]:
        assert set(entry) == {"field", "message"}
        assert entry["message"] and "{" not in entry["message"] and "'" not in entry["message"]
    assert (error["field"], error["message"]) == (
        error["errors"][0]["field"],
        error["errors"][0]["message"],
    )
    return error


def test_a_new_item_missing_required_fields(manager):
    # Administrators (who would get plone.rest's traceback) included.
    response = manager.post("/zh-cn/dept", json={"@type": "DisclosureCatalog"})
    error = assert_product_shape(response, {"organ", "title"})
    messages = " ".join(e["message"] for e in error["errors"])
    assert "traceback" not in body(response)
    # The label of the field, in the reader's language.
    assert "所属机构" in messages or "Organ:" in messages


def test_a_value_of_the_wrong_kind_says_so_in_a_sentence(manager):
    response = manager.post(
        "/zh-cn",
        json={"@type": "Department", "title": "示例局", "organization_code": "12345"},
    )
    error = assert_product_shape(response, {"organization_code"})
    assert "organization_code" not in error["message"].split("：")[0].split(":")[0]


def test_a_patch_of_a_product_item(manager, functional_portal):
    response = manager.patch("/zh-cn/dept", json={"organization_code": "not a code"})
    assert_product_shape(response, {"organization_code"})


def test_plone_types_keep_plone_restapis_answer(manager):
    response = manager.post("/zh-cn", json={"@type": "Document", "title": None})
    assert response.status_code == 400
    data = response.json()
    assert data["type"] == "BadRequest" and "error" not in data
