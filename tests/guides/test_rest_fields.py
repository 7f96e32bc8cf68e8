"""Guides over REST: every field, materials and steps as structured JSON,
field errors as 400s naming the field, files in and out of the rows."""

from tests.guides.helpers import said
from tests.helpers import auth
from tests.helpers import body
from zhengwu import _
from zhengwu.guides.guide import IMaterial
import base64
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def guide_body(**changes):
    body = {
        "@type": "ServiceGuide",
        "item_name": "食品经营许可",
        "item_code": "11330100MB2C82941X4440119022000",
        "item_type": "administrative_license",
        "service_object": ["legal_person"],
        "themes": ["operating_permits"],
        "legal_basis": "《中华人民共和国食品安全法》第三十五条",
        "conditions": "有与经营的食品品种、数量相适应的经营场所。",
        "materials": [
            {
                "name": "食品经营许可申请书",
                "originals": 1,
                "copies": 0,
                "format": "paper",
                "required": True,
                "source": "申请人自备",
                "blank_form": {
                    "data": base64.b64encode(b"%PDF-1.4 blank").decode(),
                    "encoding": "base64",
                    "filename": "申请书.pdf",
                    "content-type": "application/pdf",
                },
            },
            {"name": "营业执照", "originals": 0, "copies": 1, "format": "paper"},
        ],
        "process": [{"title": "申请", "description": "网上或窗口提交。"}, {"title": "审查"}],
        "statutory_limit_days": 20,
        "promised_limit_days": 10,
        "fee": "不收费",
        "location": "示例市政务服务中心二楼",
        "office_hours": "工作日 9:00-17:00",
        "consult_phone": "0571-87654321",
        "complaint_phone": "12345",
        "online_url": "https://zwfw.example.gov.cn/spjy",
        "visits_required": 1,
        "faq": "问：需要几个工作日？答：10个工作日。",
    }
    body.update(changes)
    return body


@pytest.fixture
def dept_url(functional_portal):
    transaction.commit()
    return functional_portal["zh-cn"]["dept"].absolute_url()


def test_create_and_read_every_field(dept_url):
    created = requests.post(
        dept_url, json=guide_body(), headers=JSON, auth=auth("author"), timeout=60
    )
    assert created.status_code == 201, created.text
    url = created.json()["@id"]
    data = requests.get(url, headers=JSON, auth=auth("author"), timeout=60).json()
    assert data["item_name"] == data["title"] == "食品经营许可"
    assert data["item_type"]["token"] == "administrative_license"
    assert [t["token"] for t in data["service_object"]] == ["legal_person"]
    assert data["implementing_agency"]["token"]  # the department, stored on add
    first, second = data["materials"]
    assert first["name"] == "食品经营许可申请书" and first["format"]["token"] == "paper"
    assert first["blank_form"]["filename"] == "申请书.pdf" and first["sample"] is None
    assert second["copies"] == 1 and second["blank_form"] is None
    assert [s["title"] for s in data["process"]] == ["申请", "审查"]
    for key in ("statutory_limit_days", "promised_limit_days", "visits_required"):
        assert isinstance(data[key], int)
    for key in ("legal_basis", "conditions", "fee", "location", "office_hours", "faq"):
        assert data[key]
    download = requests.get(first["blank_form"]["download"], auth=auth("author"), timeout=60)
    assert download.status_code == 200 and download.content == b"%PDF-1.4 blank"

    # What GET returned goes back unchanged: the file stays.
    again = {"materials": data["materials"], "process": data["process"]}
    patched = requests.patch(url, json=again, headers=JSON, auth=auth("author"), timeout=60)
    assert patched.status_code == 204, patched.text
    data = requests.get(url, headers=JSON, auth=auth("author"), timeout=60).json()
    assert data["materials"][0]["blank_form"]["filename"] == "申请书.pdf"
    # null removes it.
    data["materials"][0]["blank_form"] = None
    requests.patch(
        url, json={"materials": data["materials"]}, headers=JSON, auth=auth("author"), timeout=60
    )
    data = requests.get(url, headers=JSON, auth=auth("author"), timeout=60).json()
    assert data["materials"][0]["blank_form"] is None


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"consult_phone": "打电话"}, "consult_phone"),
        ({"complaint_phone": "123"}, "complaint_phone"),
        ({"online_url": "www.example.gov.cn"}, "online_url"),
        ({"item_code": "编码 1"}, "item_code"),
        ({"item_type": "administrative_magic"}, "item_type"),
        ({"themes": ["no_such_theme"]}, "themes"),
        ({"service_object": []}, "service_object"),
        ({"statutory_limit_days": "十"}, "statutory_limit_days"),
        ({"materials": [{"name": "身份证", "format": "fax"}]}, "materials"),
        (
            {"materials": [{"name": "身份证", "blank_form": {"data": "!!", "encoding": "base64"}}]},
            "materials",
        ),
        ({"materials": "身份证"}, "materials"),
        ({"process": [{"description": "没有标题"}]}, "process"),
        ({"last_reviewed": "2999-01-01"}, "last_reviewed"),
    ],
)
def test_bad_fields_are_400s_naming_the_field(dept_url, functional_portal, changes, field):
    before = len(functional_portal["zh-cn"]["dept"].objectIds())
    response = requests.post(
        dept_url, json=guide_body(**changes), headers=JSON, auth=auth("author"), timeout=60
    )
    assert response.status_code == 400, response.text
    assert field in body(response)
    transaction.begin()
    assert len(functional_portal["zh-cn"]["dept"].objectIds()) == before  # nothing half-stored


def test_promised_longer_than_statutory_is_refused(dept_url):
    response = requests.post(
        dept_url,
        json=guide_body(statutory_limit_days=5, promised_limit_days=8),
        headers=JSON,
        auth=auth("author"),
        timeout=60,
    )
    assert response.status_code == 400
    assert said(
        _("The promised time limit cannot be longer than the statutory time limit."),
        response.json(),
    )
    # A rule between fields names no field (zhengwu.content_errors).
    error = response.json()["error"]
    assert error["type"] == "BadRequest" and "field" not in error
    assert [entry["field"] for entry in error["errors"]] == [None]


def test_material_row_error_names_row_and_column(dept_url):
    data = guide_body(materials=[{"name": "身份证"}, {"name": "户口簿", "originals": -1}])
    response = requests.post(dept_url, json=data, headers=JSON, auth=auth("author"), timeout=60)
    assert response.status_code == 400
    message = body(response)  # the product's error shape (content_errors.py)
    assert "row 2" in message or "第2行" in message
    assert said(IMaterial["originals"].title, message)
