"""The guide page (表格化), its print view and the downloads of forms."""

from io import BytesIO
from plone.namedfile.file import NamedBlobFile
from tests.guides.helpers import make_guide
from tests.helpers import auth
from tests.helpers import body
from zhengwu.guides.guide import Material
from zhengwu.guides.guide import ProcessStep
import pytest
import requests
import transaction
import zipfile


def docx(text):
    """A .docx as Word writes it (a ZIP with word/document.xml): a sample's
    content must be what its name says (zhengwu.files.decide)."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document>{text}</w:document>")
    return out.getvalue()


SAMPLE = docx("sample")


@pytest.fixture
def guide(functional_portal):
    transaction.begin()
    materials = [
        Material(
            name="居民户口簿",
            originals=1,
            copies=1,
            format="paper",
            source="公安机关核发",
            blank_form=NamedBlobFile(data=b"%PDF-1.4 form", filename="户口簿填写表.pdf"),
            sample=NamedBlobFile(data=SAMPLE, filename="样表.docx"),
        ),
        Material(name="居民身份证", originals=1, format="both", required=False),
    ]
    guide = make_guide(
        functional_portal["zh-cn"]["dept"],
        "published",
        title="户口迁入审批",
        materials=materials,
        process=[ProcessStep(title="提交申请", description="携带材料到窗口。\n可网上预约。")],
    )
    transaction.commit()
    return guide


def test_guide_page_is_a_table(guide):
    page = body(requests.get(guide.absolute_url(), timeout=60))
    assert 'id="zhengwu-guide-basics"' in page and 'id="zhengwu-guide-materials"' in page
    for text in (
        "户口迁入审批",
        "居民户口簿",
        "公安机关核发",
        "提交申请",
        "0571-87654321",
        "12345",
    ):
        assert text in page
    assert "@@print" in page
    assert 'id="zhengwu-guide-missing"' not in page


def test_forms_and_samples_download(guide):
    base = guide.absolute_url()
    form = requests.get(f"{base}/@@material-file/0/blank_form/户口簿填写表.pdf", timeout=60)
    assert form.status_code == 200 and form.content == b"%PDF-1.4 form"
    assert "attachment" in form.headers["Content-Disposition"]
    sample = requests.get(f"{base}/@@material-file/0/sample/样表.docx", timeout=60)
    assert sample.content == SAMPLE
    page = body(requests.get(base, timeout=60))
    assert "@@material-file/0/blank_form/" in page and "@@material-file/0/sample/" in page
    for path in ("1/blank_form/x", "9/sample/x", "0/text/x", "x/sample/y", "0"):
        assert requests.get(f"{base}/@@material-file/{path}", timeout=60).status_code == 404


def test_print_view(guide):
    response = requests.get(f"{guide.absolute_url()}/@@print", timeout=60)
    assert response.status_code == 200
    page = body(response)
    assert "size: A4" in page
    assert "户口迁入审批" in page and "居民户口簿" in page and "提交申请" in page
    # A page of its own: no site navigation or portlets on paper.
    assert "portal-globalnav" not in page and "portal-column" not in page


def test_editors_see_what_a_draft_lacks(functional_portal):
    transaction.begin()
    draft = make_guide(functional_portal["zh-cn"]["dept"], title="草稿", location=None)
    transaction.commit()
    page = body(requests.get(draft.absolute_url(), auth=auth("author"), timeout=60))
    assert 'id="zhengwu-guide-missing"' in page
    assert "Location" in page or "办理地点" in page
