"""``GET @openapi``: the OpenAPI 3.1 document of every product endpoint,
as JSON, for anyone (a front-end team's tools read it: code generators,
schemathesis). The human-readable page is ``@@api-docs``."""

from plone import api
from zhengwu.rest import Service
from zhengwu.site.openapi import document


class OpenAPIGet(Service):
    def reply(self):
        return document(api.portal.get().absolute_url())
