"""Vocabularies of petitions, registered as named utilities."""

from zhengwu.petitions.kinds import CATEGORIES
from zhengwu.petitions.kinds import SATISFACTION
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def categories_vocabulary(context):
    """``zhengwu.vocabularies.PetitionCategories``: 咨询, 投诉, 建议, 求助, 举报."""
    return SimpleVocabulary([SimpleTerm(value=v, token=v, title=t) for v, t in CATEGORIES])


@provider(IVocabularyFactory)
def satisfaction_vocabulary(context):
    """``zhengwu.vocabularies.Satisfaction``: the five levels."""
    return SimpleVocabulary([SimpleTerm(value=v, token=v, title=t) for v, t in SATISFACTION])
