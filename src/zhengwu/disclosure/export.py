"""Open-data export of a catalog selection as CSV or JSON.

Rows are written one brain at a time into a spooled temporary file (memory
up to 1 MB, disk beyond) which the WSGI server then streams: neither the
list of entries nor the document is ever held in memory whole.
"""

from tempfile import SpooledTemporaryFile
from zhengwu.disclosure.listing import FIELDS
from zhengwu.spreadsheet import safe_cell
import csv
import io
import json


SPOOL = 1024 * 1024


def write_csv(brains, writer):
    out = SpooledTemporaryFile(max_size=SPOOL)
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    rows = csv.writer(text)
    rows.writerow(FIELDS)
    for brain in brains:
        rows.writerow([safe_cell(v) for v in writer.row(brain)])
    text.flush()
    text.detach()
    out.seek(0)
    return out


def write_json(brains, writer, total):
    out = SpooledTemporaryFile(max_size=SPOOL)
    out.write(b'{"items_total": %d, "items": [' % total)
    for n, brain in enumerate(brains):
        if n:
            out.write(b",\n")
        out.write(json.dumps(writer.entry(brain), ensure_ascii=False).encode("utf-8"))
    out.write(b"]}\n")
    out.seek(0)
    return out
