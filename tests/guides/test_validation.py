"""Every field rule of a service guide, each with one clear sentence."""

from datetime import date
from plone import api
from tests.guides.helpers import complete_fields
from tests.guides.helpers import said
from zhengwu import _
from zhengwu.guides import rows
from zhengwu.guides.guide import IMaterial
from zhengwu.guides.guide import IProcessStep
from zhengwu.guides.guide import IServiceGuide
from zhengwu.guides.guide import Material
from zhengwu.guides.validators import check_phone
from zhengwu.guides.validators import check_url
from zope.interface import Invalid
from zope.schema import ValidationError
import pytest


@pytest.mark.parametrize(
    "number",
    [
        "0571-87654321",
        "057187654321",
        "(0571)87654321",
        "87654321",
        "0571-87654321转8001",
        "13812345678",
        "+86 138 1234 5678",
        "12345",
        "12366",
        "95598",
        "400-123-4567",
        "0571-87654321、12345",
        "0571-87654321；13812345678",
    ],
)
def test_good_phone_numbers(number):
    assert check_phone(number)


@pytest.mark.parametrize(
    "number", ["12", "电话", "1381234567", "23812345678", "0571-876", "abc-12345678", "、"]
)
def test_bad_phone_numbers(number):
    with pytest.raises(ValidationError) as refused:
        check_phone(number)
    assert "0571-87654321" in str(refused.value.doc())


@pytest.mark.parametrize(
    "url",
    ["https://zwfw.example.gov.cn/item/1", "http://localhost:8080/x?y=1", "https://政务.中国/a"],
)
def test_good_urls(url):
    assert check_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "zwfw.example.gov.cn",
        "ftp://example.gov.cn/",
        "javascript:alert(1)",
        "https://",
        "https:// x",
    ],
)
def test_bad_urls(url):
    with pytest.raises(ValidationError):
        check_url(url)


def test_promised_within_statutory():
    class Data:
        statutory_limit_days = 10
        promised_limit_days = 12

    with pytest.raises(Invalid) as refused:
        IServiceGuide.validateInvariants(Data())
    assert "promised" in str(refused.value.args[0]).lower()
    Data.promised_limit_days = 10
    IServiceGuide.validateInvariants(Data())


def test_last_reviewed_not_in_future(portal, set_clock):
    # Half past midnight in Beijing is still the day before in UTC: the date
    # that counts is China's.
    set_clock("2026-03-11T00:30+08:00")
    field = IServiceGuide["last_reviewed"]
    with pytest.raises(ValidationError):
        field.validate(date(2026, 3, 12))
    field.validate(date(2026, 3, 11))
    field.validate(date(2026, 3, 10))


@pytest.mark.parametrize(
    "row, message",
    [
        ({"originals": "1"}, IMaterial["name"].title),  # the name is required
        ({"name": "身份证", "originals": "一"}, IMaterial["originals"].title),
        ({"name": "身份证", "originals": 100}, IMaterial["originals"].title),
        ({"name": "身份证", "format": "fax"}, IMaterial["format"].title),
        (
            {"name": "身份证", "originals": 0, "copies": 0, "format": "paper"},
            _("A paper material needs at least one original or one copy."),
        ),
        ({"name": "身份证", "colour": "red"}, "colour"),
        ({"name": "身份证", "required": "maybe"}, IMaterial["required"].title),
        ({"name": "x" * 201}, "200"),
    ],
)
def test_bad_material_rows(portal, row, message):
    with pytest.raises(rows.RowError) as refused:
        rows.build(IMaterial, "Materials", [{"name": "营业执照"}, row])
    text = refused.value.doc()
    assert "row 2" in text or "第2行" in text
    assert said(message, text)


def test_bad_attachment_in_a_row(portal):
    from plone.namedfile.file import NamedBlobFile

    bad = NamedBlobFile(data=b"MZ", filename="setup.exe")
    with pytest.raises(rows.RowError) as refused:
        rows.build(IMaterial, "Materials", [{"name": "申请表", "blank_form": bad}])
    assert "PDF" in refused.value.doc()  # the file rule's sentence, either language
    good = NamedBlobFile(data=b"%PDF-1.4", filename="申请表.pdf")
    (material,) = rows.build(IMaterial, "Materials", [{"name": "申请表", "blank_form": good}])
    assert material.blank_form.filename == "申请表.pdf"


def test_rows_from_text_cells(portal):
    (material,) = rows.build(
        IMaterial,
        "Materials",
        [{"name": " 身份证 ", "originals": "1", "copies": "2", "format": "both", "required": "否"}],
    )
    assert (material.name, material.originals, material.copies) == ("身份证", 1, 2)
    assert material.format == "both" and material.required is False
    (step,) = rows.build(IProcessStep, "Process", [{"title": "受理"}])
    assert step.title == "受理" and step.description is None


def test_rows_keep_a_file(portal):
    from plone.namedfile.file import NamedBlobFile

    kept = NamedBlobFile(data=b"%PDF-1.4", filename="样表.pdf")
    existing = [Material(name="申请表", sample=kept)]
    (material,) = rows.build(
        IMaterial, "Materials", [{"name": "申请表（新版）", "sample": rows.Keep(0)}], existing
    )
    assert material.sample is kept


def test_service_object_required(portal):
    with pytest.raises(ValidationError):
        IServiceGuide["service_object"].validate([])


def test_helpers_fill_every_key_element(portal):
    from zhengwu.guides.completeness import KEY_ELEMENTS

    values = complete_fields()
    values["item_name"] = "x"
    values["implementing_agency"] = "uid"
    assert all(values.get(name) not in (None, "", []) for name, _label in KEY_ELEMENTS)
    assert api.portal.get_registry_record("zhengwu.guides.review_period_days") == 180
