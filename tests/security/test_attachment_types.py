"""Finding 8 of issue 17: attachment types came from the client — a
citizen's ``x.pdf`` sent as ``text/html`` or ``image/svg+xml`` was stored
and served with that type (and for text/html, Plone's CSRF transform even
put the viewing handler's token into the file). Now the type is decided by
extension and content (``zhengwu.files.decide``), refused when they
disagree or are not allowed, stored as decided and served as a download
with ``nosniff``."""

from base64 import b64encode
from io import BytesIO
from plone import api
from tests.helpers import auth
from tests.petitions.helpers import make_box
from zope.schema import ValidationError
import pytest
import requests
import transaction
import zipfile


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"/>'
HTML = b"<html><body><script>fetch('/@users').then(r => r.text())</script></body></html>"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes():
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def attachment(data, filename, content_type):
    return {
        "data": b64encode(data).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": content_type,
    }


MESSAGE = {
    "category": "consultation",
    "title": "关于附件的咨询",
    "content": "请见附件。",
    "submitter_name": "张三丰",
    "phone": "13812345678",
    "publish_consent": False,
}


@pytest.fixture
def box(functional_portal):
    box = make_box(functional_portal, anonymous_submission=True)
    transaction.commit()
    return box


def submit(box, *files):
    return requests.post(
        f"{box.absolute_url()}/@petitions",
        json=dict(MESSAGE, attachments=list(files)),
        headers={"Accept": "application/json"},
        timeout=60,
    )


@pytest.mark.parametrize(
    "data, filename, content_type",
    [
        (SVG, "x.pdf", "image/svg+xml"),
        (HTML, "x.pdf", "text/html"),
        (SVG, "x.pdf", "application/pdf"),  # the client lies twice
        (HTML, "x.png", "image/png"),
        (PDF, "x.svg", "image/svg+xml"),  # a type not on the list
        (PDF, "x.html", "text/html"),
        (PDF, "x", "application/pdf"),  # no extension
        (PNG, "x.docx", "application/msword"),
    ],
)
def test_a_disguised_or_unlisted_file_is_refused(box, data, filename, content_type):
    response = submit(box, attachment(data, filename, content_type))
    assert response.status_code == 400, response.text[:300]
    error = response.json()["error"]
    assert {e["field"] for e in error["errors"]} == {"attachments"}, error
    transaction.begin()
    assert not box.objectIds()


def test_a_real_pdf_sent_as_html_is_stored_and_served_as_pdf(box):
    response = submit(box, attachment(PDF, "x.pdf", "text/html"))
    assert response.status_code == 201, response.text[:300]
    transaction.begin()
    (petition,) = box.objectValues()
    (stored,) = petition.attachments
    assert stored.contentType == "application/pdf"
    download = requests.get(
        f"{petition.absolute_url()}/@@attachment/0/x.pdf", auth=auth("handler"), timeout=60
    )
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.content == PDF  # nothing injected (no CSRF token)


def test_office_and_image_files_are_stored_with_their_type(box):
    response = submit(
        box,
        attachment(docx_bytes(), "申请.docx", "text/html"),
        attachment(PNG, "照片.png", "image/svg+xml"),
    )
    assert response.status_code == 201, response.text[:300]
    transaction.begin()
    (petition,) = box.objectValues()
    assert [f.contentType for f in petition.attachments] == [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/png",
    ]


def test_the_count_is_checked_before_anything_is_decoded(box, monkeypatch):
    from zhengwu.submissions import intake

    def fail(value):
        raise AssertionError("decoded before the count was checked")

    monkeypatch.setattr(intake, "_file", fail)
    too_many = [attachment(PDF, f"{n}.pdf", "application/pdf") for n in range(4)]
    values, errors = intake.read(
        dict(MESSAGE, attachments=too_many),
        __import__("zhengwu.petitions.petition", fromlist=["IPetition"]).IPetition,
        [*MESSAGE, "attachments"],
        box,
    )
    assert [e["field"] for e in errors] == ["attachments"], errors


def test_staff_attachments_follow_the_same_rule(portal):
    """The constraint of every attachment field (disclosure items, answers
    to requests, guides' forms): refused when disguised, typed when real."""
    from plone.namedfile.file import NamedBlobFile
    from zhengwu.files import check_attachment

    with pytest.raises(ValidationError):
        check_attachment(NamedBlobFile(HTML, filename="通知.pdf", contentType="application/pdf"))
    with pytest.raises(ValidationError):
        check_attachment(NamedBlobFile(SVG, filename="logo.svg", contentType="image/svg+xml"))
    real = NamedBlobFile(PDF, filename="通知.pdf", contentType="text/html")
    assert check_attachment(real) and real.contentType == "application/pdf"


def test_a_file_stored_before_the_rule_is_served_as_bytes():
    from plone.namedfile.file import NamedBlobFile
    from zhengwu.files import served_type

    old = NamedBlobFile(HTML, filename="x.pdf", contentType="text/html")
    assert served_type(old) == "application/octet-stream"
    assert served_type(NamedBlobFile(PDF, filename="x.pdf", contentType="application/pdf")) == (
        "application/pdf"
    )


def test_the_allowed_list_is_a_setting(portal):
    from zhengwu.files import decide

    assert decide(PNG, "a.png") == "image/png"
    api.portal.set_registry_record("zhengwu.security.attachment_extensions", ["pdf"])
    with pytest.raises(ValidationError):
        decide(PNG, "a.png")
    assert decide(PDF, "a.pdf") == "application/pdf"


def test_a_submission_with_attachments_may_be_larger_than_a_plain_json_body(box):
    """The JSON limit (2 MB without files) leaves a submission its
    attachment allowance: two 1.5 MB PDFs (4 MB of base64) are accepted."""
    big = PDF + b"%" + b"x" * (1_500_000) + b"\n"
    response = submit(
        box,
        attachment(big, "a.pdf", "application/pdf"),
        attachment(big, "b.pdf", "application/pdf"),
    )
    assert len(response.request.body) > 4_000_000
    assert response.status_code == 201, response.text[:300]
