"""Vocabularies of the disclosure catalog, registered as named utilities."""

from functools import lru_cache
from zhengwu.disclosure import topics
from zhengwu.disclosure.genres import DOCUMENT_KINDS
from zhengwu.disclosure.genres import GENRES
from zhengwu.disclosure.genres import VALIDITY
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def topics_vocabulary(context):
    """``zhengwu.vocabularies.DisclosureTopics``: every subject code, titled
    with its path (``财政、金融、审计 › 税务``)."""
    return _topics_vocabulary(topics.extension_lines(topics.EXTENSION_RECORD))


@lru_cache(maxsize=8)
def _topics_vocabulary(extension_lines):
    # Built once per set of the administrators' extensions: every REST GET
    # of an item and every edit form binds the field to it (160 terms).
    by_code = topics.topics_by_code_for(extension_lines)
    return SimpleVocabulary(
        [
            SimpleTerm(value=code, token=code, title=topics.topic_title_in(by_code, code))
            for code in by_code
        ]
    )


@provider(IVocabularyFactory)
def genres_vocabulary(context):
    """``zhengwu.vocabularies.DocumentGenres``: the 15 official genres and 其他."""
    return SimpleVocabulary([SimpleTerm(value=v, token=v, title=t) for v, t in GENRES])


@provider(IVocabularyFactory)
def validity_vocabulary(context):
    """``zhengwu.vocabularies.Validity``."""
    return SimpleVocabulary([SimpleTerm(value=v, token=v, title=t) for v, t in VALIDITY])


@provider(IVocabularyFactory)
def document_kinds_vocabulary(context):
    """``zhengwu.vocabularies.DocumentKinds``: 规章 and 行政规范性文件."""
    return SimpleVocabulary([SimpleTerm(value=v, token=v, title=t) for v, t in DOCUMENT_KINDS])
