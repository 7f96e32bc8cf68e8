"""Vocabularies of service guides, registered as named utilities."""

from zhengwu.guides import themes
from zhengwu.guides.kinds import ITEM_TYPES
from zhengwu.guides.kinds import MATERIAL_FORMATS
from zhengwu.guides.kinds import SERVICE_OBJECTS
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _simple(pairs):
    return SimpleVocabulary([SimpleTerm(value=v, token=v, title=t) for v, t in pairs])


@provider(IVocabularyFactory)
def item_types_vocabulary(context):
    """``zhengwu.vocabularies.ServiceItemTypes``: 事项类型."""
    return _simple(ITEM_TYPES)


@provider(IVocabularyFactory)
def service_objects_vocabulary(context):
    """``zhengwu.vocabularies.ServiceObjects``: 自然人, 法人."""
    return _simple(SERVICE_OBJECTS)


@provider(IVocabularyFactory)
def material_formats_vocabulary(context):
    """``zhengwu.vocabularies.MaterialFormats``: paper, electronic, both."""
    return _simple(MATERIAL_FORMATS)


@provider(IVocabularyFactory)
def themes_vocabulary(context):
    """``zhengwu.vocabularies.ServiceThemes``: the shipped life and business
    events and those administrators added."""
    return _simple((theme.id, theme.title) for theme in themes.all_themes())
