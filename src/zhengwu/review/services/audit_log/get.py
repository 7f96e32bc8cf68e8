"""GET /@audit-log: the audit log for Site Administrators, newest first.

Filters ``actor``, ``action``, ``path``, ``since``, ``until``; batched with
``b_start`` and ``b_size`` (at most 500); ``format=csv`` (or
``Accept: text/csv``) streams the whole selection as CSV.
"""

from plone.restapi.services import _no_content_marker
from plone.restapi.services import Service
from urllib.parse import urlencode
from zhengwu.review import audit_query
from zope.i18n import translate


MAX_BATCH = 500


class AuditLogGet(Service):
    def reply(self):
        form = self.request.form
        try:
            filters = audit_query.parse_filters(form)
            start = audit_query.number(form, "b_start", 0)
            size = audit_query.number(form, "b_size", 25)
            wants_csv = audit_query.text(form, "format") == "csv"
        except audit_query.BadFilter as error:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "field": error.field,
                    "message": translate(error.message, context=self.request),
                }
            }
        wants_csv = wants_csv or "text/csv" in (self.request.getHeader("Accept") or "")
        if wants_csv:
            audit_query.write_csv(self.request.response, filters)
            return _no_content_marker
        size = min(max(size, 1), MAX_BATCH)
        items, more = audit_query.batch(audit_query.search(filters), start, size)
        base = f"{self.context.absolute_url()}/@audit-log"
        query = {k: v for k, v in form.items() if k in audit_query.FILTERS and v}
        result = {
            "@id": f"{base}?{urlencode(dict(query, b_start=start, b_size=size))}",
            "items": items,
        }
        if more:
            result["batching"] = {
                "next": f"{base}?{urlencode(dict(query, b_start=start + size, b_size=size))}"
            }
        return result
