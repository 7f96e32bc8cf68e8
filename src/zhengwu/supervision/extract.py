"""What a published item links to: every ``href``/``src`` of its rich text,
the web addresses written in its plain-text fields, and its attachments.

The fields are found from the item's schemata (its type's and its
behaviors'), so every type — Document, News Item, DisclosureItem,
ServiceGuide, Petition and the ones still to come — is read the same way,
including the objects and lists of a schema (a guide's materials). Fields
with a read permission of their own (personal data) are left alone.
"""

from lxml import html as lxml_html
from plone.app.textfield.interfaces import IRichTextValue
from plone.autoform.interfaces import READ_PERMISSIONS_KEY
from plone.dexterity.utils import iterSchemata
from plone.namedfile.interfaces import INamedFile
from zope import schema
from zope.schema import getFieldsInOrder
import logging
import re


logger = logging.getLogger(__name__)


# Bare addresses in plain text (a guide's "online_url", "legal_basis" …).
BARE_URL = re.compile(r"https?://[^\s<>\"'，。；、）)]+", re.IGNORECASE)
LINK_ATTRIBUTES = ("href", "src")
IGNORED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "#")


def links_in_html(text):
    """The ``href``/``src`` values of an HTML fragment, in order, once each."""
    if not text or not text.strip():
        return []
    try:
        tree = lxml_html.fragment_fromstring(text, create_parent="div")
    except Exception:  # unparseable markup: fall back to the bare addresses
        return links_in_text(text)
    found = []
    for element in tree.iter():
        for attribute in LINK_ATTRIBUTES:
            value = element.get(attribute) if hasattr(element, "get") else None
            if value and value.strip():
                found.append(value.strip())
    return _checkable(found)


def links_in_text(text):
    if not text:
        return []
    if "<a " in text or "<img " in text:
        return links_in_html(text)
    return _checkable(match.group(0).rstrip(".,;:") for match in BARE_URL.finditer(text))


def _checkable(urls):
    out = []
    for url in urls:
        if url.lower().startswith(IGNORED_SCHEMES) or url in out:
            continue
        out.append(url)
    return out


def item_links(obj):
    """``(links, attachments)`` of a Dexterity item: the addresses it links
    to, and ``(field title, named file)`` of its files and images."""
    links, files = [], []
    for iface in iterSchemata(obj):
        # Fields with a read permission of their own (the personal data of
        # petitions and requests) are not the public's: never read them.
        guarded = set(iface.queryTaggedValue(READ_PERMISSIONS_KEY, {}) or {})
        for name, field in getFieldsInOrder(iface):
            if name in guarded:
                continue
            try:
                value = getattr(iface(obj, None) or obj, name, None)
            except Exception:  # a behavior adapter that cannot read this item
                logger.debug("cannot read %s of %r", name, obj, exc_info=True)
                continue
            _walk(field, value, links, files)
    unique = {id(named): (title, named) for title, named in files}
    return _checkable(links), list(unique.values())


def _walk(field, value, links, files, depth=0):
    if value is None or depth > 3:
        return
    if IRichTextValue.providedBy(value):
        links.extend(links_in_html(value.raw))
    elif INamedFile.providedBy(value):
        files.append((field.title, value))
    elif isinstance(value, str):
        if isinstance(field, (schema.Text, schema.TextLine, schema.URI)) or field is None:
            links.extend(links_in_text(value))
    elif isinstance(value, (list, tuple, set, frozenset)):
        inner = getattr(field, "value_type", None)
        for each in value:
            _walk(inner, each, links, files, depth + 1)
    elif isinstance(value, dict):
        inner = getattr(field, "value_type", None)
        for each in value.values():
            _walk(inner, each, links, files, depth + 1)
    elif isinstance(field, schema.Object):
        for name, sub in getFieldsInOrder(field.schema):
            _walk(sub, getattr(value, name, None), links, files, depth + 1)


def blob_error(named_file):
    """None when the file's data can be read, else what is wrong."""
    blob = getattr(named_file, "_blob", None)
    if blob is None:  # a NamedFile keeps its data in the ZODB record
        return None if getattr(named_file, "data", None) is not None else "no data"
    try:
        with blob.open("r") as stream:
            stream.read(1)
    except Exception as error:  # POSKeyError "No blob file", OSError
        return error.__class__.__name__
    return None
