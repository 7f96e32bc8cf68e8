"""POST /@supervision-run: ``zhengwu check-links`` or ``zhengwu supervise``
inside the running server.

With FileStorage only one process may open the database: while the server
runs, the command line asks the server to do the work (instance/site_tasks.py).
Body: ``{"task": "check-links" | "supervise", "budget": s, "timeout": s,
"weekly": bool}``; the answer: ``{"task", "message", "result"}``.
"""

from zhengwu import _
from zhengwu.rest import BadRequest
from zhengwu.rest import json_body
from zhengwu.rest import Service
from zhengwu.review import audit_retention
from zhengwu.supervision import links
from zhengwu.supervision import notify
import re


TASKS = ("check-links", "supervise", "audit-export")
EXPORT_REFUSALS = {
    "day": _("day must be a date written YYYY-MM-DD."),
    "syslog": _("syslog must be HOST or HOST:PORT of a syslog server that can be found."),
    "to": _("The audit export could not be written in the instance's audit folder."),
}


def _seconds(data, name):
    value = data.get(name)
    if value is None:
        return None
    limit = links.LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.1 <= value <= limit:
        raise BadRequest(
            _(
                "${name} must be a number of seconds from 0.1 to ${limit}.",
                mapping={"name": name, "limit": int(limit)},
            ),
            name,
        )
    return float(value)


class SupervisionRunPost(Service):
    def reply(self):
        data = json_body(self.request)
        task = data.get("task")
        if task not in TASKS:
            raise BadRequest(_("task must be check-links, supervise or audit-export."), "task")
        weekly = data.get("weekly")
        if weekly is not None and not isinstance(weekly, bool):
            raise BadRequest(_("weekly must be true or false."), "weekly")
        said = []
        if task == "check-links":
            stored = links.check_links(
                self.context,
                budget=_seconds(data, "budget"),
                timeout=_seconds(data, "timeout"),
                log=said.append,
            )
            result = {k: v for k, v in stored.items() if k != "broken"}
        elif task == "audit-export":
            result = self.audit_export(data, said)
        else:
            outcome = notify.supervise(self.context, weekly=weekly or None, log=said.append)
            result = {"sent": len(outcome["sent"])}
        return {"task": task, "message": " ".join(said), "result": result}

    def audit_export(self, data, said):
        """The command line's ``audit-export`` while the server holds the
        database (FileStorage): the file is written by this process."""
        for name in ("day", "to", "syslog"):
            if data.get(name) is not None and not isinstance(data[name], str):
                raise BadRequest(_("${name} must be a string.", mapping={"name": name}), name)
        # Only a file name, written in the instance's audit folder: a web
        # request never chooses where on the server a file is written.
        name = data.get("to")
        if name is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.jsonl", name):
            raise BadRequest(_("to must be a file name ending in .jsonl, without a folder."), "to")
        folder = audit_retention.audit_folder()
        try:
            return audit_retention.export(
                self.context,
                day=data.get("day"),
                to=folder / name if name else None,
                syslog=data.get("syslog"),
                folder=folder,
                log=said.append,
            )
        except audit_retention.ExportError as error:
            # the command line's sentence names its options; a REST client
            # reads one in its language naming the body's field
            raise BadRequest(EXPORT_REFUSALS[error.field], error.field) from None
