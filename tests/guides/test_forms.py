"""The classic add and edit forms: the materials table with file uploads,
kept files, deleted and reordered rows, and row errors as form errors."""

from plone import api
from plone.protect.authenticator import createToken
from tests.guides.helpers import make_guide
from tests.helpers import auth
from tests.helpers import body
import re
import requests
import transaction


def _authenticator(html, userid="author"):
    """The CSRF token plone.protect expects from ``userid`` (its transform
    adds it to the rendered form in a browser)."""
    found = re.search(r'name="_authenticator" value="([^"]+)"', html)
    if found:
        return found.group(1)
    with api.env.adopt_user(username=userid):
        return createToken()


def _base_form(dept_uid, token):
    return {
        "_authenticator": token,
        "form.widgets.item_name": "社会保障卡申领",
        "form.widgets.item_code": "113301000020190099",
        "form.widgets.item_type:list": "public_service",
        "form.widgets.implementing_agency:list": dept_uid,
        "form.widgets.service_object:list": "natural_person",
        "form.widgets.service_object-empty-marker": "1",
        "form.widgets.themes:list": "social_security",
        "form.widgets.themes-empty-marker": "1",
        "form.widgets.legal_basis": "《社会保险法》",
        "form.widgets.conditions": "参保人员。",
        "form.widgets.materials.count": "4",
        "form.widgets.materials.0.position": "2",
        "form.widgets.materials.0.name": "居民身份证",
        "form.widgets.materials.0.originals": "1",
        "form.widgets.materials.0.copies": "0",
        "form.widgets.materials.0.format": "paper",
        "form.widgets.materials.0.required": "on",
        "form.widgets.materials.1.position": "1",
        "form.widgets.materials.1.name": "社会保障卡申领登记表",
        "form.widgets.materials.1.originals": "1",
        "form.widgets.materials.1.copies": "0",
        "form.widgets.materials.1.format": "paper",
        "form.widgets.materials.2.position": "3",
        "form.widgets.materials.2.name": "近期免冠照片",
        "form.widgets.materials.2.originals": "2",
        "form.widgets.materials.2.copies": "",
        "form.widgets.materials.2.format": "paper",
        "form.widgets.materials.2.required": "on",
        # the fourth row is blank and ignored
        "form.widgets.materials.3.position": "",
        "form.widgets.materials.3.name": "",
        "form.widgets.materials.3.format": "paper",
        "form.widgets.materials.3.required": "on",
        "form.widgets.process.count": "2",
        "form.widgets.process.0.title": "提交申请",
        "form.widgets.process.0.description": "携带材料到窗口。",
        "form.widgets.process.1.title": "制卡发放",
        "form.widgets.statutory_limit_days": "20",
        "form.widgets.promised_limit_days": "5",
        "form.widgets.location": "示例市政务服务中心",
        "form.widgets.office_hours": "工作日",
        "form.widgets.consult_phone": "0571-87654321",
        "form.widgets.fee": "不收费",
        "form.buttons.save": "Save",
    }


def test_add_and_edit_with_files(functional_portal):
    dept = functional_portal["zh-cn"]["dept"]
    transaction.commit()
    add_url = f"{dept.absolute_url()}/++add++ServiceGuide"
    page = requests.get(add_url, auth=auth("author"), timeout=60)
    assert page.status_code == 200
    assert (
        "form.widgets.materials.count" in body(page)
        and "Add a row" in body(page)
        or "添加一行" in body(page)
    )
    form = _base_form(dept.UID(), _authenticator(page.text))
    files = {
        "form.widgets.materials.1.blank_form": ("登记表.pdf", b"%PDF-1.4 form", "application/pdf"),
    }
    saved = requests.post(add_url, data=form, files=files, auth=auth("author"), timeout=60)
    assert saved.status_code == 200, saved.text[-2000:]
    transaction.begin()
    guide = next(
        o
        for o in dept.objectValues()
        if o.portal_type == "ServiceGuide" and o.item_code == "113301000020190099"
    )
    # Ordered by the No. column; the blank row is gone.
    assert [m.name for m in guide.materials] == [
        "社会保障卡申领登记表",
        "居民身份证",
        "近期免冠照片",
    ]
    assert guide.materials[0].blank_form.filename == "登记表.pdf"
    assert guide.materials[0].required is False and guide.materials[2].copies == 0
    assert [s.title for s in guide.process] == ["提交申请", "制卡发放"]

    # Edit: the kept file stays, a deleted row goes, a new sample arrives.
    edit_url = f"{guide.absolute_url()}/@@edit"
    page = requests.get(edit_url, auth=auth("author"), timeout=60)
    assert "登记表.pdf" in body(page)
    form = _base_form(dept.UID(), _authenticator(page.text))
    form.update(
        {
            "form.widgets.materials.count": "3",
            "form.widgets.materials.0.position": "1",
            "form.widgets.materials.0.name": "社会保障卡申领登记表",
            "form.widgets.materials.0.blank_form.keep": "0",
            "form.widgets.materials.1.position": "2",
            "form.widgets.materials.1.name": "居民身份证",
            "form.widgets.materials.2.delete": "on",
        }
    )
    files = {"form.widgets.materials.1.sample": ("身份证样例.jpg", b"\xff\xd8jpeg", "image/jpeg")}
    saved = requests.post(edit_url, data=form, files=files, auth=auth("author"), timeout=60)
    assert saved.status_code == 200
    transaction.begin()
    assert [m.name for m in guide.materials] == ["社会保障卡申领登记表", "居民身份证"]
    assert guide.materials[0].blank_form.filename == "登记表.pdf"
    assert guide.materials[1].sample.filename == "身份证样例.jpg"

    # Remove the file.
    form["form.widgets.materials.0.blank_form.remove"] = "on"
    requests.post(edit_url, data=form, auth=auth("author"), timeout=60)
    transaction.begin()
    assert guide.materials[0].blank_form is None


def test_row_errors_are_form_errors(functional_portal):
    dept = functional_portal["zh-cn"]["dept"]
    transaction.commit()
    add_url = f"{dept.absolute_url()}/++add++ServiceGuide"
    page = requests.get(add_url, auth=auth("author"), timeout=60)
    before = len(dept.objectIds())
    form = _base_form(dept.UID(), _authenticator(page.text))
    form["form.widgets.materials.2.originals"] = "很多"
    form["form.widgets.promised_limit_days"] = "30"  # longer than the statutory 20
    form["form.widgets.consult_phone"] = "请拨打"
    files = {
        "form.widgets.materials.1.blank_form": ("virus.exe", b"MZ", "application/octet-stream")
    }
    response = requests.post(add_url, data=form, files=files, auth=auth("author"), timeout=60)
    assert response.status_code == 200
    html = body(response)
    errors = [
        " ".join(re.sub(r"<[^>]+>", " ", error).split())
        for error in re.findall(r'class="invalid-feedback">(.*?)</div>', html, re.S)
    ]
    # One sentence per field in error, each naming what is wrong.
    assert len(errors) == 3, errors
    assert errors[0].startswith("申请材料第1行，空白表格：")  # the .exe, in the row ordered first
    assert errors[1] == "承诺办结时限不能超过法定办结时限。"
    assert "0571-87654321" in errors[2]  # the phone rule's sentence
    # The typed rows are shown again.
    assert "社会保障卡申领登记表" in html
    transaction.begin()
    assert len(dept.objectIds()) == before


def test_a_published_guide_is_frozen(functional_portal):
    transaction.begin()
    guide = make_guide(functional_portal["zh-cn"]["dept"], "published")
    transaction.commit()
    response = requests.get(
        f"{guide.absolute_url()}/@@edit", auth=auth("author"), timeout=60, allow_redirects=False
    )
    assert response.status_code in (302, 401)
    assert api.content.get_state(guide) == "published"
