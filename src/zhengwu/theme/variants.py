"""简/繁: the whole site in Traditional Chinese, converted from the simplified
pages on the server with OpenCC (phrase level: 软件 → 軟體 in Taiwan's
standard, 軟件 in Hong Kong's).

How a Traditional page is asked for, kept and converted:

- The marker is a path segment on the site root, ``/Plone/++hant++/zh-cn/…``
  (behind a virtual host ``https://www.example.gov.cn/++hant++/zh-cn/…``).
  Traversing it marks the request (``ITraditionalRequest``) and makes the
  site root a virtual root with ``++hant++`` in its script path, as the
  VirtualHostMonster's ``_vh_`` segments do (``request.setVirtualRoot``): every
  URL Plone generates from then on (``absolute_url``, navigation, forms'
  actions, resources) carries the marker, so links keep the reader's choice
  and a caching proxy keeps the two scripts apart by URL alone — no cookie,
  no ``Vary``.
- ``TraditionalTransform`` (a plone.transformchain transform ordered after
  Diazo and before plone.protect) converts the final HTML of a Chinese page
  (``<html lang="zh…">``) of a marked request: text nodes and the
  attributes people read (``title``, ``alt``, ``placeholder``,
  ``aria-label``…), never URLs, scripts, styles, form values or the text of
  a ``<textarea>``: a form posted from a converted page stores what the
  editor wrote, not a converted copy. The page then says ``lang="zh-Hant"``.
- Searching: ``SearchableText`` in Traditional characters (from a converted
  page or typed by a reader in Taiwan or Hong Kong) is converted back to
  simplified (``tw2sp``/``hk2s``, phrase level, so 軟體 finds 软件) before the
  classic search page or ``@search`` reads it.
- REST JSON stays simplified: front-ends convert for themselves.
"""

from lxml import etree
from lxml import html
from plone import api
from plone.app.caching.purge import ContentPurgePaths
from plone.transformchain.interfaces import ITransform
from Products.CMFCore.interfaces import IDynamicType
from Products.CMFCore.interfaces import ISiteRoot
from repoze.xmliter.serializer import XMLSerializer
from repoze.xmliter.utils import getHTMLSerializer
from urllib.parse import quote
from z3c.caching.interfaces import IPurgePaths
from zhengwu import _
from zhengwu.interfaces import IZhengwuLayer
from zope import schema
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
from zope.traversing.interfaces import ITraversable
import functools
import logging
import opencc
import posixpath
import re
import threading


logger = logging.getLogger(__name__)

MARKER = "++hant++"
REGISTRY_PREFIX = "zhengwu.traditional"
DEFAULT_STANDARD = "s2twp"
# Simplified → Traditional, and the way back for search terms, per standard.
BACK = {"s2twp": "tw2sp", "s2hk": "hk2s"}
LANG = "zh-Hant"

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A character OpenCC passes through untouched and never joins into a phrase:
# the text nodes of a page are converted in one call, separated by it.
SEPARATOR = "\ue000"
# Elements whose text is never converted: code, styles, and what a form posts.
SKIPPED = {"script", "style", "textarea", "code", "kbd", "samp"}
# Attributes people read (never URLs, values or data).
READ_ATTRIBUTES = (
    "title",
    "alt",
    "placeholder",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "label",
    "summary",
)
BUTTON_TYPES = {"submit", "button", "reset"}


class ITraditionalRequest(Interface):
    """A request for the Traditional Chinese pages (``++hant++`` traversed)."""


standards = SimpleVocabulary(
    [
        SimpleTerm("s2twp", "s2twp", _("Taiwan standard, with Taiwan phrases (軟體, 網路)")),
        SimpleTerm("s2hk", "s2hk", _("Hong Kong standard (軟件, 網絡)")),
    ]
)


class ITraditionalSettings(Interface):
    """The Traditional Chinese pages: which standard OpenCC converts to."""

    standard = schema.Choice(
        title=_("Traditional Chinese standard"),
        description=_(
            "The characters and phrases the Traditional Chinese (繁體) pages use: "
            "Taiwan's (軟體, 網路, 資訊) or Hong Kong's (軟件, 網絡, 信息)."
        ),
        vocabulary=standards,
        default=DEFAULT_STANDARD,
        required=True,
    )


def standard():
    """The configured conversion (``s2twp`` or ``s2hk``)."""
    value = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.standard", default=None)
    return value if value in BACK else DEFAULT_STANDARD


_lock = threading.Lock()


@functools.cache
def _converter(config):
    return opencc.OpenCC(config)


def convert(text, config=None):
    """``text`` converted by OpenCC's ``config`` (the configured standard by default)."""
    if not text or not CJK.search(text):
        return text
    converter = _converter(config or standard())
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text  # lone surrogates (a forged query): OpenCC cannot read it, leave it
    with _lock:
        return converter.convert(text)


def to_simplified(text, config=None):
    """A reader's Traditional text in simplified characters and phrases."""
    return convert(text, BACK[config or standard()])


# The marker in URLs


def is_traditional(request):
    return ITraditionalRequest.providedBy(request)


@implementer(ITraversable)
@adapter(ISiteRoot, IBrowserRequest)
class TraditionalNamespace:
    """``++hant++`` on the site root: mark the request and make the site a
    virtual root whose script path ends with the marker, so that every URL
    generated afterwards carries it. Anywhere else the name is not found."""

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def traverse(self, name, remaining):
        request = self.request
        if not is_traditional(request):
            site = self.context
            # The site's path as the reader sees it (inside a virtual host,
            # with its own _vh_ segments), then the marker.
            script = list(request._script)
            script += request.physicalPathToVirtualPath(site.getPhysicalPath())
            # PARENTS ends with the site (the object being traversed).
            request.setVirtualRoot(script + [MARKER])
            # What the VirtualHostMonster records of a virtual root, which
            # plone.subrequest (Diazo's rules, ESI tiles) reads to find it.
            path = posixpath.normpath(request.get("PATH_INFO") or "/").rstrip("/")
            past = path.split(f"/{MARKER}", 1)[1].lstrip("/") if f"/{MARKER}" in path else ""
            parts = (request["SERVER_URL"], "/".join(request._script), quote(past))
            request["VIRTUAL_URL_PARTS"] = parts
            request["VIRTUAL_URL"] = "/".join(part for part in parts if part)
            alsoProvides(request, ITraditionalRequest)
        return self.context


def _site_prefixes(request):
    """The site's URL without and with the marker."""
    traditional = api.portal.get().absolute_url()
    if is_traditional(request):
        return traditional[: -len(MARKER) - 1], traditional
    return traditional, traditional + "/" + MARKER


def _current_url(request):
    url = request.get("ACTUAL_URL") or request.get("URL", "")
    query = request.get("QUERY_STRING")
    return f"{url}?{query}" if query else url


def simplified_url(request, url=None):
    """``url`` (by default the current page's) without the marker."""
    plain, marked = _site_prefixes(request)
    url = url or _current_url(request)
    if url == marked or url.startswith(marked + "/") or url.startswith(marked + "?"):
        return plain + url[len(marked) :]
    return url


def traditional_url(request, url=None):
    """``url`` (by default the current page's) with the marker."""
    plain, marked = _site_prefixes(request)
    url = simplified_url(request, url)
    if url == plain or url.startswith(plain + "/") or url.startswith(plain + "?"):
        return marked + url[len(plain) :]
    return url


# Converting the page


def _convert_tree(root, config):
    """Convert, in one OpenCC call, every text a reader reads in ``root``."""
    places = []

    def visit(element, skipped):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag:
            skipped = (
                skipped
                or tag.lower() in SKIPPED
                or element.get("translate") == "no"
                or "notranslate" in (element.get("class") or "").split()
            )
            if not skipped:
                for name in READ_ATTRIBUTES:
                    value = element.get(name)
                    if value and CJK.search(value):
                        places.append((element, name, value))
                if tag == "meta" and CJK.search(element.get("content") or ""):
                    places.append((element, "content", element.get("content")))
                if tag == "input" and (element.get("type") or "").lower() in BUTTON_TYPES:
                    value = element.get("value")
                    if value and CJK.search(value):
                        places.append((element, "value", value))
                if element.text and CJK.search(element.text):
                    places.append((element, None, element.text))
            elif tag == "script" and element.get("data-zhengwu-convert") is not None:
                # Translated strings handed to a script, as JSON.
                if element.text and CJK.search(element.text):
                    places.append((element, None, element.text))
            for child in element:
                visit(child, skipped)
                # A child's tail is its parent's text.
                if child.tail and not skipped and CJK.search(child.tail):
                    places.append((child, "tail", child.tail))
        return places

    visit(root, False)
    if not places:
        return
    texts = [text.replace(SEPARATOR, " ") for _, _, text in places]
    converted = convert(SEPARATOR.join(texts), config).split(SEPARATOR)
    if len(converted) != len(places):  # never expected; leave the page as it is
        logger.warning("Traditional conversion lost its separators; page left simplified")
        return
    for (element, where, _text), new in zip(places, converted, strict=True):
        if where is None:
            element.text = new
        elif where == "tail":
            element.tail = new
        else:
            element.set(where, new)


@implementer(ITransform)
@adapter(Interface, ITraditionalRequest)
class TraditionalTransform:
    """The final HTML of a Chinese page in Traditional characters."""

    # After Diazo (plone.app.theming: 8850), before plone.protect (9000),
    # which adds its tokens to the forms of the converted tree.
    order = 8900

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def transformBytes(self, result, encoding):
        return self.transformIterable([result.decode(encoding, "ignore")], encoding)

    def transformUnicode(self, result, encoding):
        return self.transformIterable([result], encoding)

    transformString = transformUnicode

    def _tree(self, result, encoding):
        response = self.request.response
        if response.status != 200:
            return None
        if isinstance(result, XMLSerializer):
            return result
        content_type = response.getHeader("Content-Type") or ""
        if not content_type.startswith("text/html"):
            return None
        if response.getHeader("Content-Encoding") in ("zip", "deflate", "compress", "gzip"):
            return None
        if isinstance(result, list) and len(result) == 1 and not result[0].strip():
            return None
        try:
            serializer = getHTMLSerializer(result, pretty_print=False, encoding=encoding)
        except (AttributeError, TypeError, etree.ParseError):
            return None
        serializer.serializer = html.tostring
        return serializer

    def transformIterable(self, result, encoding):
        serializer = self._tree(result, encoding)
        if serializer is None:
            return None
        root = serializer.tree.getroot()
        if root is None or not (root.get("lang") or "").lower().startswith("zh"):
            return None  # a fragment, or a page in another language
        _convert_tree(root, standard())
        root.set("lang", LANG)
        return serializer


# Searching in Traditional characters


def simplify_search_terms(event):
    """IPubAfterTraversal: ``SearchableText`` back to simplified characters
    and phrases, for the classic search page, its live search and ``@search``."""
    request = event.request
    if not IZhengwuLayer.providedBy(request):
        return
    form = getattr(request, "form", None)
    if not form:
        return
    value = form.get("SearchableText")
    if isinstance(value, str):
        # Lone surrogates (%ED%A0%80: no character) broke Plone's search page
        # and OpenCC with a 500: they become U+FFFD, as any decoder would.
        readable = value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        if readable != value:
            form["SearchableText"] = value = readable
            if "SearchableText" in request.other:
                request.other["SearchableText"] = readable
    if isinstance(value, str) and CJK.search(value):
        simplified = to_simplified(value)
        if simplified != value:
            form["SearchableText"] = simplified
            if "SearchableText" in request.other:
                request.other["SearchableText"] = simplified


# Purging the Traditional pages with the simplified ones


@implementer(IPurgePaths)
@adapter(IDynamicType)
class TraditionalPurgePaths:
    """When plone.app.caching purges a changed item's pages from the caching
    proxy, the same pages under ``++hant++`` go too. (Computed from a
    simplified request, as an editor's is: under the marker, Plone's own
    adapter already gives the Traditional paths.)"""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        request = getRequest()
        if request is None or is_traditional(request):
            return []
        site = api.portal.get().virtual_url_path()
        prefix = f"/{site}" if site else ""
        paths = []
        for path in ContentPurgePaths(self.context).getRelativePaths():
            if path == prefix or path.startswith(prefix + "/"):
                paths.append(f"{prefix}/{MARKER}{path[len(prefix) :]}")
        return paths

    def getAbsolutePaths(self):
        return []
