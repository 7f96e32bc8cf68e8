"""Catalog helpers the domains share."""

from plone.indexer import indexer


def metadata(interface, name):
    """An indexer giving the field ``name`` as it is: a metadata column for
    listings read without waking objects."""

    @indexer(interface)
    def value(obj):
        return getattr(obj, name, None)

    return value
