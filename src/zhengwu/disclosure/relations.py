"""Both directions of the relations between items: 替代 (superseded_by) and
解读关联 (interpretations), each side showing only what its reader may view."""

from plone import api


def _viewable(objects):
    return [obj for obj in objects if obj is not None and api.user.has_permission("View", obj=obj)]


def superseded_by(item):
    relation = item.superseded_by
    target = relation.to_object if relation is not None and not relation.isBroken() else None
    found = _viewable([target])
    return found[0] if found else None


def supersedes(item):
    """The items this one replaced (they name it as ``superseded_by``)."""
    relations = api.relation.get(target=item, relationship="superseded_by", unrestricted=True)
    return _viewable(r.from_object for r in relations)


def interpretations(item):
    return _viewable(r.to_object for r in (item.interpretations or []) if not r.isBroken())


def interpreted_documents(item):
    """The items that list this one among their interpretations."""
    relations = api.relation.get(target=item, relationship="interpretations", unrestricted=True)
    return _viewable(r.from_object for r in relations)
