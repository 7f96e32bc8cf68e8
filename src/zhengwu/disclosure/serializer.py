"""REST JSON of disclosure items: the attachments as downloads, both sides of
the relations, and no relation target its reader may not view (plone.restapi
would otherwise summarise any target, published or not)."""

from plone import api
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxcontent import SerializeToJson
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zhengwu.disclosure import relations
from zhengwu.disclosure.item import IDisclosureItem
from zhengwu.interfaces import IZhengwuLayer
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.interface import implementer


def _summary(obj, request):
    return json_compatible(getMultiAdapter((obj, request), ISerializeToJsonSummary)())


@implementer(IFieldSerializer)
@adapter(IRelationChoice, IDexterityContent, IZhengwuLayer)
class ViewableRelationChoiceSerializer(DefaultFieldSerializer):
    def get_value(self, default=None):
        value = super().get_value()
        target = getattr(value, "to_object", None)
        if target is None or not api.user.has_permission("View", obj=target):
            return default
        return value


@implementer(IFieldSerializer)
@adapter(IRelationList, IDexterityContent, IZhengwuLayer)
class ViewableRelationListSerializer(DefaultFieldSerializer):
    def get_value(self, default=None):
        value = super().get_value() or []
        return [
            rel
            for rel in value
            if rel.to_object is not None and api.user.has_permission("View", obj=rel.to_object)
        ]


@implementer(ISerializeToJson)
@adapter(IDisclosureItem, IZhengwuLayer)
class SerializeItemToJson(SerializeToJson):
    def __call__(self, version=None, include_items=True):
        result = super().__call__(version=version, include_items=include_items)
        found = relations.incoming(self.context)
        result["supersedes"] = [
            _summary(o, self.request) for o in relations.supersedes(self.context, found)
        ]
        result["interpreted_documents"] = [
            _summary(o, self.request) for o in relations.interpreted_documents(self.context, found)
        ]
        return result
