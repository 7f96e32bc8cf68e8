"""The ZCTextIndex lexicon element that cuts Chinese into words
(``zhengwu_lexicon`` in ``profiles/default/catalog.xml``; docs/search.md).

A ZCTextIndex lexicon runs text through its pipeline three ways:
``process`` when indexing, ``processGlob`` for each atom of a query (the
words the query parser builds its tree from), ``process_post_glob`` for
those words again when they are looked up — which must leave them as they
are. The element keeps no state of its own (it is pickled into the
lexicon): the tokenizer is the process's (``segmenter``).

ZCTextIndex makes an atom that gives several words a phrase (the words
adjacent and in order). For Latin text that is what ``foo-bar`` means; for
Chinese, where one typed run is several words, the words need only all be
there: ``patches.parse_atom`` makes an unquoted run an AND of its words
and keeps quoted text a phrase.
"""

from Products.ZCTextIndex.interfaces import ISplitter
from Products.ZCTextIndex.PipelineFactory import element_factory
from zhengwu.search import dictionary
from zhengwu.search import segmenter
from zope.interface import implementer


GROUP = "Word Splitter"
NAME = "Zhengwu Chinese splitter"
GLOB = "*?"


def _texts(lst):
    for text in lst:
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        if text:
            yield text


@implementer(ISplitter)
class Splitter:
    """Words of Chinese and Latin text, jieba's search mode for the index."""

    def process(self, lst):
        dictionary.ensure_site_words()
        return [word for text in _texts(lst) for word in segmenter.index_words(text)]

    def processGlob(self, lst):
        dictionary.ensure_site_words()
        words = []
        for text in _texts(lst):
            stripped = text.rstrip(GLOB)
            globbed = stripped != text
            found = segmenter.query_words(stripped.replace("*", " ").replace("?", " "))
            if not found:
                continue
            last = found[-1]
            if (globbed and "〔" not in last) or (
                len(last) == 1 and segmenter.is_han(last) and not text.startswith('"')
            ):
                # Plone's search adds * for a prefix; a lone character
                # (税) is a prefix of the words it begins.
                found[-1] = last + "*"
            words.extend(found)
        return words

    def process_post_glob(self, lst):
        return [text.replace("*", "").replace("?", "") for text in _texts(lst)]


def is_ours(lexicon):
    """Whether a lexicon cuts with this splitter."""
    return any(isinstance(element, Splitter) for element in getattr(lexicon, "_pipeline", ()))


try:
    element_factory.registerFactory(GROUP, NAME, Splitter)
except ValueError:  # registered already (the module reloaded)
    pass
