"""A small Office Open XML writer: a letter as a .docx document (title,
then paragraphs), opened by Word, WPS and LibreOffice alike. No library
is needed for text letters.

Every text is cleaned of the characters XML cannot hold
(``zhengwu.security.text.clean``) as it is written: whatever was stored
before the rule, or comes from a setting, the document stays well-formed."""

from io import BytesIO
from xml.sax.saxutils import escape as _escape
from zhengwu.security.text import clean
import zipfile


_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>{title}</dc:title>
</cp:coreProperties>"""


def escape(text):
    """``text`` as XML character data: cleaned, then escaped."""
    return _escape(clean(str(text)))


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# 仿宋 body and 小标宋 title, as official letters are set; fonts fall back.
_FONTS = '<w:rFonts w:ascii="FangSong" w:eastAsia="仿宋" w:hAnsi="FangSong"/>'


def _run(text, size, bold=False):
    props = f'{_FONTS}{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/>'
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(text, size=32, bold=False, center=False, right=False):
    align = "center" if center else "right" if right else None
    ppr = f'<w:pPr><w:jc w:val="{align}"/></w:pPr>' if align else ""
    return f"<w:p>{ppr}{_run(text, size, bold)}</w:p>"


def document(title, paragraphs, closing=()):
    """The bytes of a .docx: ``title`` centred, ``paragraphs`` (strings),
    then the ``closing`` lines (signature, date) set right."""
    body = [_paragraph(title, size=44, bold=True, center=True)]
    body += [_paragraph(p) for p in paragraphs]
    body += [_paragraph(line, right=True) for line in closing]
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/></w:sectPr>'
        "</w:body></w:document>"
    )
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("docProps/core.xml", _CORE.format(title=escape(title)))
        archive.writestr("word/document.xml", xml)
    return out.getvalue()
