"""GET /@audit-log: the audit log for Site Administrators, newest first.

Filters ``actor``, ``action``, ``path``, ``since``, ``until``; batched like
plone.restapi's lists with ``b_start`` and ``b_size`` (at most 500);
``format=csv`` (or ``Accept: text/csv``) streams the whole selection as CSV.
"""

from plone.restapi.services import _no_content_marker
from zhengwu.rest import batched
from zhengwu.rest import integer
from zhengwu.rest import MAX_START
from zhengwu.rest import Page
from zhengwu.rest import Service
from zhengwu.review import audit_query
import itertools


MAX_BATCH = 500


class AuditLogGet(Service):
    def reply(self):
        form = self.request.form
        filters = audit_query.parse_filters(form)
        start = integer(form, "b_start", 0, 0, MAX_START)
        # Any size is taken, and kept within one to MAX_BATCH entries.
        size = min(max(integer(form, "b_size", 25, 0, MAX_START), 1), MAX_BATCH)
        wants_csv = audit_query.wants_csv(form)
        if wants_csv or "text/csv" in (self.request.getHeader("Accept") or ""):
            audit_query.write_csv(self.request.response, filters)
            return _no_content_marker
        # The log is read as a stream: only this page's entries, and the
        # total from the log's lengths where the filters allow.
        entries = itertools.islice(audit_query.search(filters), start, start + size)
        return batched(self.request, Page(entries, audit_query.count(filters)), start, size)
