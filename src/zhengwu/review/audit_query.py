"""Reading the audit log: the filters and the CSV export shared by the
control panel and the ``@audit-log`` REST endpoint."""

from datetime import datetime
from datetime import time
from datetime import UTC
from zhengwu import _
from zhengwu.clock import china_iso
from zhengwu.rest import BadRequest
from zhengwu.rest import single
from zhengwu.review.audit_log import FIELDS
from zhengwu.review.audit_log import IAuditLog
from zhengwu.spreadsheet import safe_cell
from zope.component import getUtility
import csv
import io
import itertools


FILTERS = ("actor", "action", "path", "since", "until")


def _date(field, value, end=False):
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BadRequest(_("Use a date such as 2026-01-31 or 2026-01-31T09:30."), field) from None
    if len(value) == 10 and end:  # a bare date includes the whole day
        parsed = datetime.combine(parsed.date(), time.max)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def parse_filters(form):
    """{filter: value} from request parameters; raises ``BadRequest``."""
    filters = {name: single(form, name) for name in FILTERS}
    since = _date("since", filters["since"])
    until = _date("until", filters["until"], end=True)
    if since and until and since > until:
        raise BadRequest(_("The end date is before the start date."), "until")
    return {
        "actor": filters["actor"] or None,
        "action": filters["action"] or None,
        "path": filters["path"] or None,
        "since": since,
        "until": until,
    }


def wants_csv(form):
    """Whether ``format=csv`` asks for the CSV export."""
    return single(form, "format") == "csv"


def search(filters):
    """Entries newest first; their times (stored in UTC) in China time."""
    return (
        dict(entry, time=china_iso(entry["time"]))
        for entry in getUtility(IAuditLog).search(**filters)
    )


def count(filters):
    return getUtility(IAuditLog).count(**filters)


def batch(entries, start, size):
    """One page of a generator, and whether more follow."""
    page = list(itertools.islice(entries, start, start + size + 1))
    return page[:size], len(page) > size


def write_csv(response, filters):
    """Stream the selection into the response as an attachment."""
    response.setHeader("Content-Type", "text/csv; charset=utf-8")
    response.setHeader("Content-Disposition", 'attachment; filename="audit-log.csv"')
    for chunk in csv_rows(search(filters)):
        response.write(chunk.encode("utf-8"))


def csv_rows(entries):
    """The CSV export, produced row by row (never the whole log in memory)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS)
    yield "\ufeff" + buffer.getvalue()  # BOM: spreadsheet programs then read UTF-8
    for entry in entries:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([safe_cell(entry.get(name, "")) for name in FIELDS])
        yield buffer.getvalue()
