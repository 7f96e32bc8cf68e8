"""The audit log's retention and its export to a log server
(``zhengwu audit-export``; docs/security.md, *Audit*).

- Retention: entries are kept ``zhengwu.review.audit_retention_days`` days
  (at least 180: the Cybersecurity Law, Art. 21, asks for six months);
  older ones are removed by the daily export, never before.
- Export: one day's entries (a day in China's time, 00:00 to 24:00 +08:00),
  oldest first, one JSON object a line (JSON Lines), to a file or to a
  syslog server (RFC 5424 over UDP, facility ``authpriv``), so that a log
  server outside Zope keeps them whatever happens to the site.
"""

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from pathlib import Path
from plone import api
from zhengwu import clock
from zhengwu.review.audit_log import IAuditLog
from zope.component import getUtility
import json
import os
import socket


RETENTION_RECORD = "zhengwu.review.audit_retention_days"
MINIMUM_DAYS = 180


def audit_folder():
    """Where exports go by default: ``var/audit`` of the instance
    (``$ZHENGWU_INSTANCE``, ``./instance``)."""
    home = Path(os.environ.get("ZHENGWU_INSTANCE") or "instance").resolve()
    return home / "var" / "audit"


class ExportError(ValueError):
    """A bad day or destination: one sentence for the command line;
    ``field`` names the option (``day``, ``syslog``, ``to``)."""

    def __init__(self, message, field):
        super().__init__(message)
        self.field = field


def parse_day(value):
    """``YYYY-MM-DD``; yesterday in China when None."""
    if value is None:
        return clock.today() - timedelta(days=1)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ExportError(
            f"--day must be a date written YYYY-MM-DD, not {value!r}.", "day"
        ) from None


def parse_syslog(value):
    """``host[:port]`` (port 514 by default) of a syslog server."""
    host, _, port = value.rpartition(":") if ":" in value else (value, "", "514")
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ExportError(f"--syslog must be HOST or HOST:PORT, not {value!r}.", "syslog")
    return host, int(port)


def day_bounds(day):
    start = datetime.combine(day, time(0), clock.CHINA)
    return start, start + timedelta(days=1) - timedelta(microseconds=1)


def lines(log, day):
    """The day's entries as JSON Lines, oldest first."""
    for entry in log.oldest_first(*day_bounds(day)):
        yield json.dumps(dict(entry), ensure_ascii=False, sort_keys=True)


def syslog_message(line, hostname):
    """An RFC 5424 message: facility authpriv (10), severity info (6)."""
    entry = json.loads(line)
    return f"<86>1 {entry['time']} {hostname} zhengwu - audit - {line}".encode()


def send_syslog(rows, address):
    host, port = address
    hostname = socket.gethostname()
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)
    except OSError:
        raise ExportError(f"The syslog server {host} cannot be found.", "syslog") from None
    family, kind, proto, _name, target = infos[0]
    sent = 0
    with socket.socket(family, kind, proto) as sock:
        for line in rows:
            sock.sendto(syslog_message(line, hostname), target)
            sent += 1
    return sent


def write_file(rows, path):
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        count = 0
        with partial.open("w", encoding="utf-8") as out:
            for line in rows:
                out.write(line + "\n")
                count += 1
        partial.replace(path)  # a reader never sees half a day
    except OSError as error:
        raise ExportError(f"Cannot write {path}: {error.strerror}.", "to") from None
    return count


def retention_days():
    days = api.portal.get_registry_record(RETENTION_RECORD, default=MINIMUM_DAYS)
    return max(MINIMUM_DAYS, int(days or MINIMUM_DAYS))


def prune(log, now=None):
    """Remove what is older than the retention; how many were removed.
    The log is stamped by the machine's clock, so it is read here too."""
    now = now or datetime.now(clock.CHINA)
    return log.prune(now - timedelta(days=retention_days()))


def export(portal, day=None, to=None, syslog=None, folder=None, log=print):
    """Export ``day`` (a ``YYYY-MM-DD`` string; yesterday by default) to the
    file ``to`` (default ``<folder>/audit-<day>.jsonl``) or to the syslog
    server ``syslog``; then apply the retention. ``{"day", "entries",
    "pruned", "to"}``."""
    day = parse_day(day)
    audit = getUtility(IAuditLog, context=portal)
    rows = lines(audit, day)
    if syslog:
        address = parse_syslog(syslog)
        count = send_syslog(rows, address)
        where = f"syslog://{address[0]}:{address[1]}"
    else:
        target = Path(to) if to else Path(folder or ".") / f"audit-{day.isoformat()}.jsonl"
        count = write_file(rows, target)
        where = str(target)
    pruned = prune(audit)
    log(f"Audit log of {day.isoformat()}: {count} entries written to {where}.")
    if pruned:
        log(f"Audit log: {pruned} entries older than {retention_days()} days removed.")
    return {"day": day.isoformat(), "entries": count, "pruned": pruned, "to": where}
