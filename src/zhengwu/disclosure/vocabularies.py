"""Vocabularies of the disclosure catalog, registered as named utilities."""

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
    return SimpleVocabulary(
        [
            SimpleTerm(value=code, token=code, title=topics.topic_title(code))
            for code in topics.topics_by_code()
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
