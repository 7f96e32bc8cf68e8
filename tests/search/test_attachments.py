"""The words of attached files find their item (issue 19, item 4)."""

from plone import api
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.indexing import processQueue
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.supervision.test_prepublish import docx
from zhengwu.search import attachments
from zhengwu.search.query import understand
import io
import zipfile


def pdf(text):
    """A one-page PDF showing ``text`` (ASCII), with its cross-reference
    table (pypdf, the reader when pdftotext is missing, needs one)."""
    stream = f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj" % number + body + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def ofd(*texts):
    """A minimal OFD package: one page with ``texts`` as text codes."""
    ns = "http://www.ofdspec.org/2016"
    codes = "".join(
        f"<ofd:TextObject><ofd:TextCode>{t}</ofd:TextCode></ofd:TextObject>" for t in texts
    )
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{ns}"/>')
        archive.writestr(
            "Doc_0/Pages/Page_0/Content.xml",
            f'<ofd:Page xmlns:ofd="{ns}"><ofd:Content><ofd:Layer>{codes}</ofd:Layer>'
            "</ofd:Content></ofd:Page>",
        )
    return data.getvalue()


def reindexed(item):
    """Reindexed now, not at the end of the transaction."""
    item.reindexObject()
    processQueue()


def search(text):
    query = understand(text).query
    return [b.getId for b in api.portal.get_tool("portal_catalog")(SearchableText=query)]


def test_texts_of_each_kind():
    files = [
        NamedBlobFile(docx("住房公积金缴存比例调整说明"), filename="说明.docx"),
        NamedBlobFile(pdf("Annex Zhengwu 2026"), filename="annex.pdf"),
        NamedBlobFile(pdf("Exported OFD"), filename="export.ofd"),  # OFD-as-PDF
        NamedBlobFile(ofd("城乡居民", "养老保险"), filename="正文.ofd"),
        NamedBlobFile(b"\x89PNG....", filename="logo.png"),
    ]
    text = attachments.attachment_text(files)
    for words in (
        "住房公积金缴存比例调整说明",
        "Annex Zhengwu 2026",
        "Exported OFD",
        "城乡居民养老保险",
    ):
        assert words in text


def test_an_item_is_found_by_its_attachments(portal):
    catalog = make_catalog(portal)
    item = make_disclosure_item(
        catalog,
        "published",
        title="关于调整缴存比例的通知",
        attachments=[
            NamedBlobFile(docx("住房公积金缴存比例调整说明"), filename="说明.docx"),
            NamedBlobFile(ofd("灵活就业人员参保"), filename="附件.ofd"),
        ],
    )
    item.reindexObject()
    assert search("公积金缴存") == [item.getId()]
    assert search("灵活就业") == [item.getId()]
    assert search("不存在的附件内容") == []


def test_a_reindex_does_not_extract_again(portal, monkeypatch):
    catalog = make_catalog(portal)
    item = make_disclosure_item(
        catalog,
        "private",
        attachments=[NamedBlobFile(docx("缓存的附件文字"), filename="a.docx")],
    )
    reindexed(item)
    calls = []
    original = attachments._extract
    monkeypatch.setattr(
        attachments, "_extract", lambda value: calls.append(value) or original(value)
    )
    item.reindexObject()
    assert calls == []
    # a new file is read
    item.attachments = [NamedBlobFile(docx("新的附件文字"), filename="b.docx")]
    reindexed(item)
    assert len(calls) == 1
    with api.env.adopt_roles(["Manager"]):
        assert search("新的附件") == [item.getId()]
