"""The draft's sections: its headings (h2–h4), numbered in order. The
consultation page shows the numbers and an anchor per heading
(``#section-<n>``); an opinion may name one (``section``: the number as
text), chosen from the vocabulary below."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from lxml import etree
from lxml import html as lxml_html
from zhengwu import _
from zhengwu.i18n import translated
from zope.interface import provider
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


HEADINGS = ("h2", "h3", "h4")


def _html(consultation):
    text = getattr(consultation, "text", None)
    return (getattr(text, "output", None) or "").strip()


def _tree(markup):
    return lxml_html.fragment_fromstring(markup, create_parent="div")


def _headings(tree):
    return list(tree.iter(*HEADINGS))


def sections(consultation):
    """``[(number, heading text)]`` of the draft, numbers from 1."""
    markup = _html(consultation)
    if not markup:
        return []
    try:
        tree = _tree(markup)
    except (etree.ParserError, ValueError):
        return []
    return [(n, " ".join(el.text_content().split())) for n, el in enumerate(_headings(tree), 1)]


def numbered_html(consultation, comment_link=None):
    """The draft as HTML with every heading numbered and anchored; with
    ``comment_link(n)`` → ``(url, text)``, a link after each heading to
    comment on that section."""
    markup = _html(consultation)
    if not markup:
        return ""
    try:
        tree = _tree(markup)
    except (etree.ParserError, ValueError):
        return markup
    for n, el in enumerate(_headings(tree), 1):
        el.set("id", f"section-{n}")
        number = etree.Element("span")
        number.set("class", "section-number")
        number.text = f"{n}. "
        number.tail = el.text
        el.text = None
        el.insert(0, number)
        if comment_link is not None:
            url, text = comment_link(n)
            paragraph = etree.Element("p")
            paragraph.set("class", "zhengwu-section-comment small")
            link = etree.SubElement(paragraph, "a")
            link.set("href", url)
            link.set("id", f"zhengwu-comment-section-{n}")
            link.text = text
            paragraph.tail = el.tail
            el.tail = None
            el.addnext(paragraph)
    return (
        "".join(lxml_html.tostring(child, encoding="unicode") for child in tree.iterchildren())
        if len(tree)
        else (tree.text or "")
    )


def section_title(consultation, number):
    """``"3. 第三章 …"`` for an opinion naming section 3, or the bare number
    when the draft changed since."""
    for n, heading in sections(consultation):
        if str(n) == str(number):
            return f"{n}. {heading}"
    return translated(_("Section ${n}", mapping={"n": number})) if number else ""


def consultation_of(context):
    """The consultation a field is bound to: itself, or an opinion's parent."""
    obj = aq_inner(context)
    while obj is not None:
        if getattr(obj, "portal_type", None) == "Consultation":
            return obj
        obj = aq_parent(obj)
    return None


@provider(IContextSourceBinder)
def sections_source(context):
    consultation = consultation_of(context)
    found = sections(consultation) if consultation is not None else []
    return SimpleVocabulary([SimpleTerm(str(n), str(n), f"{n}. {heading}") for n, heading in found])
