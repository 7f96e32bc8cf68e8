"""GET /@site-identity: the footer data for headless front-ends."""

from zhengwu.rest import Service
from zhengwu.site.identity import get_identity


class SiteIdentityGet(Service):
    def reply(self):
        return {"@id": f"{self.context.absolute_url()}/@site-identity", **get_identity()}
