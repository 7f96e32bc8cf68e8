"""Bulk import of guides from CSV (UTF-8 or GBK) and JSON: each row
created, updated or refused whole, with reasons."""

from plone import api
from plone.protect.authenticator import createToken
from tests.guides.helpers import make_guide
from tests.helpers import auth
from tests.helpers import body
from zhengwu.guides import importer
import base64
import csv
import io
import json
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
HEADER = [
    "事项名称",
    "实施编码",
    "事项类型",
    "实施主体",
    "服务对象",
    "服务主题",
    "设定依据",
    "受理条件",
    "申请材料",
    "办理流程",
    "法定办结时限",
    "承诺办结时限",
    "收费标准",
    "办理地点",
    "办理时间",
    "咨询电话",
]


def row(name, code, **changes):
    values = {
        "事项名称": name,
        "实施编码": code,
        "事项类型": "行政许可",
        "实施主体": "测试局",
        "服务对象": "自然人、法人",
        "服务主题": "就业创业、社会保障",
        "设定依据": "《就业促进法》",
        "受理条件": "在本市登记失业。",
        "申请材料": "居民身份证|1|0|纸质|是|公安机关核发\n失业登记证明|1|1|paper|否",
        "办理流程": "申请：提交材料\n审核|5个工作日内审核",
        "法定办结时限": "20",
        "承诺办结时限": "5",
        "收费标准": "不收费",
        "办理地点": "示例市人力资源市场",
        "办理时间": "工作日 9:00-17:00",
        "咨询电话": "0571-87012333、12333",
    }
    values.update(changes)
    return [values[h] for h in HEADER]


def csv_bytes(rows, encoding="utf-8"):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def post(url, payload, userid="siteadmin"):
    return requests.post(
        f"{url}/@service-guides", json=payload, headers=JSON, auth=auth(userid), timeout=120
    )


def file_payload(data, filename="guides.csv", **extra):
    return {
        "file": {
            "data": base64.b64encode(data).decode(),
            "encoding": "base64",
            "filename": filename,
        },
        **extra,
    }


@pytest.fixture
def folder(functional_portal):
    transaction.begin()
    dept = functional_portal["zh-cn"]["dept"]
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container=dept, type="Folder", id="bszn", title="办事指南")
    transaction.commit()
    return folder


def guides_in(folder):
    transaction.begin()
    return {o.item_code: o for o in folder.objectValues() if o.portal_type == "ServiceGuide"}


def test_good_csv(folder):
    data = csv_bytes([row("失业登记", "A-001"), row("就业困难人员认定", "A-002")])
    response = post(folder.absolute_url(), file_payload(data))
    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["created"], result["updated"], result["refused"]) == (2, 0, 0)
    assert result["encoding"] == "utf-8"
    guide = guides_in(folder)["A-001"]
    assert guide.title == "失业登记" and guide.item_type == "administrative_license"
    assert guide.service_object == ["natural_person", "legal_person"]
    assert guide.themes == ["employment", "social_security"]
    assert guide.implementing_agency == folder.aq_parent.UID()
    first, second = guide.materials
    assert (first.name, first.originals, first.copies, first.format) == (
        "居民身份证",
        1,
        0,
        "paper",
    )
    assert first.required is True and first.source == "公安机关核发"
    assert second.required is False and second.copies == 1
    assert [(s.title, s.description) for s in guide.process] == [
        ("申请", "提交材料"),
        ("审核", "5个工作日内审核"),
    ]
    assert (guide.statutory_limit_days, guide.promised_limit_days) == (20, 5)
    assert api.content.get_state(guide) == "private"  # drafts go through the review


def test_gbk_csv_is_detected(folder):
    data = csv_bytes([row("失业登记", "B-001")], encoding="gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = post(folder.absolute_url(), file_payload(data)).json()
    assert result["created"] == 1 and result["encoding"] == "gb18030"
    assert guides_in(folder)["B-001"].title == "失业登记"


def test_gbk_read_as_utf8_is_refused_whole(folder):
    data = csv_bytes([row("失业登记", "C-001")], encoding="gbk")
    response = post(folder.absolute_url(), file_payload(data, encoding="utf-8"))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "file"
    assert "UTF-8" in error["message"] or "utf-8" in error["message"]
    assert "GBK" in error["message"]
    assert guides_in(folder) == {}


def test_undecodable_file_is_refused(folder):
    response = post(folder.absolute_url(), file_payload(b"\x80\xff\xfe\x81\x00\xff" * 10))
    assert response.status_code == 400
    assert guides_in(folder) == {}


def test_unknown_header_is_refused(folder):
    response = post(folder.absolute_url(), file_payload("名称,代码\n失业登记,1\n".encode()))
    assert response.status_code == 400
    assert "事项名称" in response.json()["error"]["message"]


def test_bad_rows_are_refused_with_reasons_and_the_rest_imported(folder):
    data = csv_bytes(
        [
            row("失业登记", "D-001"),
            row("坏电话", "D-002", 咨询电话="请拨打"),
            row("坏类型", "D-003", 事项类型="行政魔法"),
            row("重复编码", "D-001"),
            row("坏材料", "D-004", 申请材料="身份证|很多"),
            row("承诺超法定", "D-005", 承诺办结时限="30"),
            row("就业困难人员认定", "D-006"),
        ]
    )
    result = post(folder.absolute_url(), file_payload(data)).json()
    statuses = [(r["row"], r["status"]) for r in result["rows"]]
    assert statuses == [
        (1, "created"),
        (2, "refused"),
        (3, "refused"),
        (4, "refused"),
        (5, "refused"),
        (6, "refused"),
        (7, "created"),
    ]
    reasons = {r["row"]: r["errors"] for r in result["rows"]}
    assert reasons[2][0]["field"] == "consult_phone"
    assert reasons[3][0]["field"] == "item_type"
    assert reasons[4][0]["field"] == "item_code"
    assert reasons[5][0]["field"] == "materials"
    assert "statutory" in str(reasons[6]) or "法定" in str(reasons[6])
    assert all(e["message"] for errors in reasons.values() for e in errors)
    # Refused rows left nothing behind.
    assert sorted(guides_in(folder)) == ["D-001", "D-006"]
    titles = [o.title for o in folder.objectValues()]
    assert not {"坏电话", "坏类型", "坏材料", "承诺超法定"} & set(titles)


def test_update_a_draft_but_not_a_published_guide(folder):
    transaction.begin()
    draft = make_guide(folder, item_code="E-001", title="旧名称")
    make_guide(folder, "published", item_code="E-002", title="已公开的指南")
    transaction.commit()
    data = csv_bytes([row("新名称", "E-001"), row("想改已公开的", "E-002")])
    result = post(folder.absolute_url(), file_payload(data)).json()
    assert [r["status"] for r in result["rows"]] == ["updated", "refused"]
    assert result["rows"][1]["errors"][0]["field"] == "item_code"
    guides = guides_in(folder)
    assert guides["E-001"] is not None and guides["E-001"].title == "新名称"
    assert guides["E-001"].UID() == draft.UID()
    assert guides["E-002"].title == "已公开的指南"


def test_json_import(folder):
    guides = [
        {
            "item_name": "生育登记",
            "item_code": "F-001",
            "item_type": "public_service",
            "service_object": ["natural_person"],
            "themes": ["birth_adoption"],
            "materials": [
                {
                    "name": "生育登记表",
                    "blank_form": {
                        "data": base64.b64encode(b"%PDF form").decode(),
                        "encoding": "base64",
                        "filename": "生育登记表.pdf",
                    },
                }
            ],
            "process": [{"title": "网上申请"}],
        },
        {"item_name": "没有类型", "item_code": "F-002", "service_object": ["natural_person"]},
        "not a guide",
    ]
    data = json.dumps(guides, ensure_ascii=False).encode()
    result = post(folder.absolute_url(), file_payload(data, filename="guides.json")).json()
    assert [r["status"] for r in result["rows"]] == ["created", "refused", "refused"]
    guide = guides_in(folder)["F-001"]
    assert guide.materials[0].blank_form.filename == "生育登记表.pdf"
    # The same guides straight in the body.
    result = post(folder.absolute_url(), {"guides": guides[:1]}).json()
    assert result["rows"][0]["status"] == "updated"


@pytest.mark.parametrize("userid", ["author", "final", "Anonymous"])
def test_only_administrators_import(folder, userid):
    data = csv_bytes([row("失业登记", "G-001")])
    response = post(folder.absolute_url(), file_payload(data), userid=userid)
    assert response.status_code == 401
    page = requests.get(
        f"{folder.absolute_url()}/@@import-service-guides",
        auth=auth(userid),
        timeout=60,
        allow_redirects=False,
    )
    assert page.status_code in (302, 401)
    assert guides_in(folder) == {}


def test_import_page(folder):
    url = f"{folder.absolute_url()}/@@import-service-guides"
    page = requests.get(url, auth=auth("siteadmin"), timeout=60)
    assert page.status_code == 200 and 'id="zhengwu-import-form"' in body(page)
    with api.env.adopt_user(username="siteadmin"):
        token = createToken()
    data = csv_bytes([row("失业登记", "H-001"), row("坏电话", "H-002", 咨询电话="x")], "gbk")
    response = requests.post(
        url,
        data={"_authenticator": token, "encoding": ""},
        files={"file": ("指南.csv", data, "text/csv")},
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 200
    assert 'id="zhengwu-import-result"' in body(response)
    assert "gb18030" in body(response) and "consult_phone" in body(response)
    assert sorted(guides_in(folder)) == ["H-001"]


def test_decode_unit():
    assert importer.decode("事项名称".encode("utf-8-sig")) == ("事项名称", "utf-8")
    assert importer.decode("事项名称".encode("utf-16")) == ("事项名称", "utf-16")
    with pytest.raises(importer.FileRefused):
        importer.decode(b"x", "no-such-encoding")
