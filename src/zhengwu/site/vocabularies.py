"""Vocabularies of the site domain, registered as named utilities."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def departments_vocabulary(context):
    """``zhengwu.vocabularies.Departments``: every department, by UID.

    The catalog query runs as the current user, so a vocabulary built for a
    form shows the departments that user can see.
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(portal_type="Department", sort_on="sortable_title")
    return SimpleVocabulary(
        [SimpleTerm(value=brain.UID, token=brain.UID, title=brain.Title) for brain in brains]
    )
