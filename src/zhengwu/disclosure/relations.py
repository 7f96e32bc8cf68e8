"""Both directions of the relations between items: 替代 (superseded_by) and
解读关联 (interpretations), each side showing only what its reader may view."""

from plone import api
from zc.relation.interfaces import ICatalog
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds


def _viewable(objects):
    return [obj for obj in objects if obj is not None and api.user.has_permission("View", obj=obj)]


def superseded_by(item):
    relation = item.superseded_by
    target = relation.to_object if relation is not None and not relation.isBroken() else None
    found = _viewable([target])
    return found[0] if found else None


def incoming(item):
    """relationship → the items naming ``item`` in it (unbroken relations,
    unfiltered), from one look-up of the relation catalog: what
    ``api.relation.get(target=item, relationship=…, unrestricted=True)``
    finds for each relationship."""
    intids = queryUtility(IIntIds)
    catalog = queryUtility(ICatalog)
    intid = intids.queryId(item) if intids is not None else None
    found = {}
    if catalog is None or intid is None:
        return found
    for relation in catalog.findRelations({"to_id": intid}):
        if not relation.isBroken():
            found.setdefault(relation.from_attribute, []).append(relation.from_object)
    return found


def supersedes(item, found=None):
    """The items this one replaced (they name it as ``superseded_by``)."""
    found = incoming(item) if found is None else found
    return _viewable(found.get("superseded_by", ()))


def interpretations(item):
    return _viewable(r.to_object for r in (item.interpretations or []) if not r.isBroken())


def interpreted_documents(item, found=None):
    """The items that list this one among their interpretations."""
    found = incoming(item) if found is None else found
    return _viewable(found.get("interpretations", ()))
