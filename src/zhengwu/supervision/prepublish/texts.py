"""The words of an item, field by field: text fields, rich text, rows of
lists (a guide's materials), and the text of attached files.

Attachments are read with Plone's transforms
(``portal_transforms.convertTo("text/plain", …)``): PDF through
``pdf_to_text``, which runs ``pdftotext`` (Debian's ``poppler-utils``);
DOCX has no transform in Products.PortalTransforms, so when none is
registered its ``word/document.xml`` is read here (zipfile and lxml, nothing
to install); TXT is decoded as UTF-8 or GB 18030. A file whose text cannot
be read (a scanned PDF, OFD, DOC, WPS, spreadsheets, archives) is named, so
that the reviewers check it by eye. Texts extracted from a stored blob are
remembered in this process (keyed by the blob's oid and serial).
"""

from collections import OrderedDict
from dataclasses import dataclass
from lxml import etree
from lxml import html
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from plone.namedfile.interfaces import INamedFile
from plone.namedfile.interfaces import INamedImage
from zope.schema import getFieldsInOrder
import io
import logging
import zipfile


logger = logging.getLogger(__name__)

# Fields that hold no words of the item (ids, user ids, settings).
SKIPPED = {
    "id",
    "language",
    "creators",
    "contributors",
    "exclude_from_nav",
    "allow_discussion",
    "index_number",
    "changeNote",
    "table_of_contents",
}
TEXT_EXTENSIONS = ("txt",)
EXTRACTED = ("pdf", "docx", "txt")
MAX_CHARS = 2_000_000  # what is read of one file
_CACHE = OrderedDict()
_CACHE_SIZE = 256


@dataclass(frozen=True)
class Text:
    """Words found in ``field`` (its REST key, ``materials[0].name`` in a
    row), ``label`` (the field's title), ``filename`` when they come from a
    file; ``text`` is None for a file whose text could not be read."""

    field: str
    label: object
    text: str | None
    filename: str = ""


def texts(obj):
    """Every ``Text`` of ``obj``."""
    seen = set()
    for schema in iterSchemata(obj):
        try:
            adapted = schema(obj)
        except TypeError:
            continue
        for name, field in getFieldsInOrder(schema):
            if name in seen or name in SKIPPED:
                continue
            seen.add(name)
            try:
                value = getattr(adapted, name, None)
            except Exception:  # noqa: BLE001 - a broken behavior adapter
                logger.warning("cannot read %s of %s", name, obj.absolute_url(), exc_info=True)
                continue
            yield from _values(name, field.title, value)


def _values(name, label, value):
    if value is None:
        return
    if isinstance(value, str):
        if value.strip():
            yield Text(name, label, value)
    elif isinstance(value, RichTextValue):
        yield Text(name, label, html_text(value.raw or ""))
    elif INamedImage.providedBy(value):
        return
    elif INamedFile.providedBy(value):
        yield Text(name, label, file_text(value), value.filename or "")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _values(f"{name}.{key}", label, item)
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from _values(f"{name}[{index}]", label, item)


def html_text(markup):
    if not markup.strip():
        return ""
    try:
        tree = html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return markup
    return " ".join(tree.itertext())


def extension(filename):
    filename = (filename or "").lower()
    return filename.rpartition(".")[2] if "." in filename else ""


def file_text(value):
    """The text of a file, or None when it cannot be read."""
    key = _cache_key(value)
    if key is not None and key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    try:
        text = _extract(value)
    except Exception:  # noqa: BLE001 - a damaged file is reported unread, never a 500
        logger.warning("cannot read the text of %s", value.filename, exc_info=True)
        text = None
    if text is not None:
        text = text[:MAX_CHARS]
    if key is not None:
        _CACHE[key] = text
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return text


def _cache_key(value):
    blob = getattr(value, "_blob", None)
    oid = getattr(blob, "_p_oid", None)
    serial = getattr(blob, "_p_serial", None)
    return (oid, serial) if oid is not None else None


def _extract(value):
    kind = extension(value.filename)
    content_type = (getattr(value, "contentType", "") or "").split(";")[0]
    if kind not in EXTRACTED and content_type not in ("application/pdf", "text/plain"):
        return None
    data = value.data
    if kind in TEXT_EXTENSIONS or content_type == "text/plain":
        return _decode(data)
    text = _transformed(data, value.filename, "application/pdf" if kind == "pdf" else None)
    if text is None and kind == "docx":
        text = docx_text(data)
    return text if text and text.strip() else None


def _transformed(data, filename, mimetype):
    transforms = api.portal.get_tool("portal_transforms")
    stream = transforms.convertTo("text/plain", data, mimetype=mimetype, filename=filename)
    if stream is None:
        return None
    text = stream.getData()
    return _decode(text) if isinstance(text, bytes) else text


def _decode(data):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data):
    """The paragraphs of a DOCX (its body, headers, footers, notes)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [
            name
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml") and "/_rels/" not in name
        ]
        paragraphs = []
        for name in parts:
            root = etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False))
            for paragraph in root.iter(f"{W}p"):
                paragraphs.append("".join(t.text or "" for t in paragraph.iter(f"{W}t")))
    return "\n".join(paragraphs)
