"""GET /@index-number/{index_number}: the published item with that number.

The number holds a slash (``11999900MB0000010H/2026-00001``), so the service
takes every path segment after its name.
"""

from plone import api
from plone.restapi.interfaces import ISerializeToJson
from zhengwu import _
from zhengwu.rest import NotFound
from zhengwu.rest import Service
from zope.component import getMultiAdapter
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class IndexNumberGet(Service):
    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self

    def reply(self):
        number = "/".join(self.params) or self.request.form.get("index_number", "")
        brains = api.content.find(
            context=api.portal.get(),
            portal_type="DisclosureItem",
            review_state="published",
            index_number=number,
        )
        if not number or not brains:
            raise NotFound(
                _("No published item has the index number ${number}.", mapping={"number": number})
            )
        language = api.portal.get_current_language()
        brain = next((b for b in brains if b.Language == language), brains[0])
        return getMultiAdapter((brain.getObject(), self.request), ISerializeToJson)()
