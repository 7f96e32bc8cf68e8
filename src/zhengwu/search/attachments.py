"""The text of attached files in the full text of their item (the search
finds a disclosure item or guide by the words of its PDF, DOCX or OFD; the
result is the item).

Extraction is the pre-publish checks' (``supervision.prepublish.texts``:
Plone's ``portal_transforms`` for PDF — ``pdftotext`` —, DOCX read from its
XML), with two additions: an OFD file that is a PDF inside (OFD-as-PDF, as
several document systems export) is read as PDF, a real OFD by its text
codes (``Doc_N/Pages/Page_N/Content.xml``); and, when ``pdftotext`` is
missing, pypdf reads the PDF.

A file's text is kept on the file object itself (``_zhengwu_search_text``,
with the file's size): a reindex reads it from there instead of extracting
again, and a replaced file is a new object, so its text is new too.
"""

from lxml import etree
from plone.namedfile.interfaces import INamedFile
import io
import logging
import zipfile


logger = logging.getLogger("zhengwu.search")

ATTRIBUTE = "_zhengwu_search_text"
MAX_CHARS = 200_000  # of one file, in the full text (the first pages of a long annex)
MAX_BYTES = 50 * 1024 * 1024
OFD_TEXT = "{http://www.ofdspec.org/2016}TextCode"


def attachment_text(files):
    """The text of the files (a list field's values, None skipped)."""
    texts = []
    for value in files or ():
        if value is None or not INamedFile.providedBy(value):
            continue
        text = file_text(value)
        if text:
            texts.append(text)
    return "\n".join(texts)


def file_text(value):
    """The text of one file, from its cache or extracted and cached."""
    size = getattr(value, "size", None) or len(value.data or b"")
    cached = getattr(value, ATTRIBUTE, None)
    if cached is not None and cached[0] == size:
        return cached[1]
    text = ""
    if size <= MAX_BYTES:
        try:
            text = _extract(value) or ""
        except Exception:  # noqa: BLE001 - a damaged file leaves its item indexed without it
            logger.warning("cannot read the text of %s", value.filename, exc_info=True)
    text = text[:MAX_CHARS]
    try:
        setattr(value, ATTRIBUTE, (size, text))
    except AttributeError:  # pragma: no cover - a file type with slots
        pass
    return text


def _extension(value):
    name = (value.filename or "").lower()
    return name.rpartition(".")[2] if "." in name else ""


def _extract(value):
    from zhengwu.supervision.prepublish import texts

    kind = _extension(value)
    data = value.data
    if data[:5] == b"%PDF-":  # a PDF, whatever its name says (OFD-as-PDF)
        return _pdf(data, value.filename)
    if kind == "ofd":
        return ofd_text(data)
    if kind == "docx":
        return texts.docx_text(data)
    if kind in texts.TEXT_EXTENSIONS:
        return texts._decode(data)
    return None


def _pdf(data, filename):
    from zhengwu.supervision.prepublish import texts

    name = (filename or "file").rpartition(".")[0] + ".pdf"
    try:
        text = texts._transformed(data, name, "application/pdf")
    except Exception:  # noqa: BLE001 - no transform (pdftotext missing): pypdf below
        text = None
    return text if text and text.strip() else _pypdf(data)


def _pypdf(data):
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover
        return None
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def ofd_text(data):
    """The text codes of every page of an OFD (GB/T 33190) document."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        pages = sorted(
            name
            for name in archive.namelist()
            if name.endswith("Content.xml") and "/Pages/" in name
        )
        parts = []
        for name in pages:
            root = etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False))
            parts += [node.text or "" for node in root.iter(OFD_TEXT)]
    return "".join(parts)
