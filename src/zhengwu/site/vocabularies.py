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
    # Departments have no publication dates (no plone.publication behavior:
    # effective is at most their publication, expiry never), so they are
    # always in their effective range: skipping Plone's effectiveRange filter
    # (a union over the whole DateRangeIndex for every anonymous query, on
    # every item's REST GET) changes no result, as in faceted.published_query.
    brains = catalog(portal_type="Department", sort_on="sortable_title", show_inactive=True)
    return SimpleVocabulary(
        [SimpleTerm(value=brain.UID, token=brain.UID, title=brain.Title) for brain in brains]
    )
