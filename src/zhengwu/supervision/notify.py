"""Told in time (issue 15, item 6): the daily supervision run.

``supervise(portal)`` — what ``zhengwu supervise`` runs every morning:

1. computes the indicators (``zhengwu.supervision.indicators.compute``) and
   compares each one's state with the state remembered from the last run
   (portal annotation ``ANNOTATION_KEY``). When an indicator enters
   ``warning`` or ``failed`` (or goes from ``warning`` to ``failed``), the
   site administrators are written to, and the editors of every department
   whose content is among the indicator's items, with their items; a
   department whose items newly appear under an indicator already failing
   is written to as well. Nothing is sent while a state stays the same;
2. on the configured weekday (registry ``zhengwu.supervision.mail.weekly_weekday``)
   sends the weekly summary: every indicator to the administrators, each
   department's open items to its editors;
3. reminds petition handlers (and the department responders of assigned
   petitions) and disclosure officers of the items due within
   ``zhengwu.supervision.mail.due_days`` working days (default 3) or
   overdue — once when an item becomes due soon, once when it becomes
   overdue.

Each recipient gets one message per kind, in the site's language, with links.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from persistent.mapping import PersistentMapping
from plone import api
from zhengwu import _
from zhengwu import clock
from zhengwu.petitions.indexers import department as answerable_department
from zhengwu.site.department import IDepartment
from zhengwu.site.department_groups import group_id
from zhengwu.supervision import mail
from zhengwu.supervision.states import STATE_TITLES
from zhengwu.workdays import working_days_between
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate
import logging


logger = logging.getLogger(__name__)

ANNOTATION_KEY = "zhengwu.supervision.notify"
SEVERITY = {"ok": 0, "warning": 1, "failed": 2}
ALERT_STATES = ("warning", "failed")
MAX_LINES = 50  # items listed per indicator in one message; the dashboard has them all
ADMIN_ROLES = ("Manager", "Site Administrator")
PETITION_STATES = ("submitted", "accepted", "assigned", "reply_pending")
RESPONDER_STATES = ("assigned", "reply_pending")
REQUEST_STATES = ("received", "registered", "consulting", "extended")

# The kinds of message: subject and opening line.
KINDS = {
    "alert": (
        _("[Site supervision] ${site}: indicators need attention"),
        _(
            "These indicators of the national inspection of government websites have "
            "entered a warning or failed state:"
        ),
    ),
    "weekly": (
        _("[Site supervision] ${site}: weekly summary"),
        _("Where the site stands against the inspection indicators this week:"),
    ),
    "due": (
        _("[Site supervision] ${site}: items due soon"),
        _("These items are due within ${days} working days or overdue:"),
    ),
}


def _default_compute(portal):
    from zhengwu.supervision.indicators import compute  # the dashboard's module

    return compute(portal)


def _memory(portal):
    annotations = IAnnotations(portal)
    memory = annotations.get(ANNOTATION_KEY)
    if memory is None:
        memory = annotations[ANNOTATION_KEY] = PersistentMapping()
    for key in ("states", "departments", "reminders"):
        if key not in memory:
            memory[key] = PersistentMapping()
    return memory


def _setting(name, default):
    value = api.portal.get_registry_record(f"zhengwu.supervision.mail.{name}", default=None)
    return default if value is None else value


class Run:
    """One run: what to tell whom, then the messages."""

    def __init__(self, portal, folder=None):
        self.portal = portal
        self.folder = folder
        self.portal_path = "/".join(portal.getPhysicalPath())
        self.base = (
            api.portal.get_registry_record("zhengwu.supervision.links.site_url", default="")
            or portal.absolute_url()
        ).rstrip("/")
        language = api.portal.get_registry_record("plone.default_language", default="zh-cn")
        self.language = language.replace("-", "_").split("_")[0] + (
            "_" + language.split("-")[1].upper() if "-" in language else ""
        )
        self.outbox = {}  # address → kind → [section]
        self._departments = {}
        self._admins = None
        self.worklists = {
            self.t(_("Petitions")): "@@petition-worklist",
            self.t(_("Disclosure requests")): "@@disclosure-request-worklist",
        }

    # -- words and links -------------------------------------------------
    def t(self, message):
        return translate(message, domain="zhengwu", target_language=self.language)

    def url(self, item):
        path = item.get("path") or ""
        if path.startswith(self.portal_path):
            path = path[len(self.portal_path) :]
        if path or not item.get("url"):
            return self.base + "/" + path.lstrip("/")
        return item["url"]

    # -- who --------------------------------------------------------------
    def admins(self):
        if self._admins is None:
            found = set()
            for user in api.user.get_users():
                roles = set(user.getRoles())
                email = user.getProperty("email") or ""
                if roles & set(ADMIN_ROLES) and email:
                    found.add(email)
            self._admins = sorted(found)
        return self._admins

    def group_emails(self, department, suffix):
        gid = group_id(department, suffix)
        if not gid:
            return []
        return sorted(
            {u.getProperty("email") for u in api.user.get_users(groupname=gid)} - {None, ""}
        )

    def department_of(self, path):
        """The department (object) whose folder ``path`` lies in, or None."""
        if not path:
            return None
        if not path.startswith(self.portal_path + "/") and path != self.portal_path:
            path = self.portal_path + "/" + path.lstrip("/")
        if path in self._departments:
            return self._departments[path]
        obj = self.portal.unrestrictedTraverse(path, None)
        found = None
        while obj is not None and obj is not self.portal:
            if IDepartment.providedBy(obj):
                found = obj
                break
            obj = aq_parent(aq_inner(obj))
        self._departments[path] = found
        return found

    def department_by_uid(self, uid):
        if not uid:
            return None
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(UID=uid, portal_type="Department")
        return brains[0]._unrestrictedGetObject() if brains else None

    # -- what -------------------------------------------------------------
    def add(self, addresses, kind, section):
        for address in addresses:
            sections = self.outbox.setdefault(address, {}).setdefault(kind, [])
            if section not in sections:
                sections.append(section)

    def indicator_section(self, indicator, items):
        state = indicator.get("state", "ok")
        heading = "{title}：{state}（{value_label} {value}，{threshold_label} {threshold}）".format(
            title=indicator.get("title", indicator.get("id", "")),
            state=self.t(STATE_TITLES.get(state, state)),
            value_label=self.t(_("value")),
            value=indicator.get("value", ""),
            threshold_label=self.t(_("threshold")),
            threshold=indicator.get("threshold", ""),
        )
        lines = [f"{i.get('title') or i.get('path', '')}  {self.url(i)}" for i in items[:MAX_LINES]]
        if len(items) > MAX_LINES:
            more = _(
                "… and ${count} more on the dashboard", mapping={"count": len(items) - MAX_LINES}
            )
            lines.append(self.t(more))
        return (heading, tuple(lines))

    def send(self):
        site = api.portal.get().Title() or ""
        sent = []
        for address, kinds in sorted(self.outbox.items()):
            for kind, sections in kinds.items():
                subject_msg, opening = KINDS[kind]
                subject = self.t(type(subject_msg)(subject_msg, mapping={"site": site}))
                days = _setting("due_days", 3)
                text = [self.t(type(opening)(opening, mapping={"days": days})), ""]
                for heading, lines in sections:
                    text.append(heading)
                    text.extend(f"  - {line}" for line in lines)
                    text.append("")
                text.append(self.t(_("The site-health dashboard:")) + f" {self.base}/@@site-health")
                if kind == "due":
                    text.pop()
                    label = self.t(_("Your worklist:"))
                    for heading, _lines in sections:
                        view = self.worklists.get(heading)
                        if view:
                            text.append(f"{heading} · {label} {self.base}/{view}")
                where = mail.send(
                    self.portal, address, subject, "\n".join(text) + "\n", folder=self.folder
                )
                sent.append({"to": address, "kind": kind, "where": where})
        return sent


def supervise(portal, compute=None, folder=None, weekly=None, log=None):
    """The daily run; returns ``{"sent": [{to, kind, where}], "states": {id: state}}``."""
    say = log or logger.info
    result = (compute or _default_compute)(portal)
    memory = _memory(portal)
    run = Run(portal, folder)
    indicators = result.get("indicators") or []
    _alerts(run, indicators, memory)
    today = clock.today()
    weekday = int(_setting("weekly_weekday", 0))
    if weekly or (
        weekly is None and today.weekday() == weekday and memory.get("weekly") != today.isoformat()
    ):
        _weekly(run, indicators)
        memory["weekly"] = today.isoformat()
    _reminders(run, memory, today)
    sent = run.send()
    say(
        f"Supervision: {len(indicators)} indicators, {len(sent)} messages "
        f"({'SMTP' if mail.mail_configured(portal) else 'written to ' + str(folder or mail.mail_folder())})."
    )
    return {"sent": sent, "states": dict(memory["states"])}


def _by_department(run, items):
    """{department uid: (department, [items])} and the items outside any."""
    grouped, outside = {}, []
    for item in items:
        department = run.department_of(item.get("path"))
        if department is None:
            outside.append(item)
            continue
        grouped.setdefault(department.UID(), (department, []))[1].append(item)
    return grouped, outside


def _alerts(run, indicators, memory):
    states, departments = memory["states"], memory["departments"]
    for indicator in indicators:
        key = indicator.get("id")
        state = indicator.get("state", "ok")
        before = states.get(key, "ok")
        items = indicator.get("items") or []
        grouped, _outside = _by_department(run, items)
        alerting = state in ALERT_STATES
        entered = alerting and SEVERITY.get(state, 0) > SEVERITY.get(before, 0)
        if entered:
            run.add(run.admins(), "alert", run.indicator_section(indicator, items))
        if alerting:
            known = set(departments.get(key, ()))
            for uid, (department, own) in grouped.items():
                if entered or uid not in known:
                    run.add(
                        run.group_emails(department, "editors"),
                        "alert",
                        run.indicator_section(indicator, own),
                    )
        states[key] = state
        departments[key] = sorted(grouped) if alerting else []


def _weekly(run, indicators):
    for indicator in indicators:
        items = indicator.get("items") or []
        run.add(run.admins(), "weekly", run.indicator_section(indicator, items))
        if indicator.get("state", "ok") == "ok":
            continue
        grouped, _outside = _by_department(run, items)
        for department, own in grouped.values():
            run.add(
                run.group_emails(department, "editors"),
                "weekly",
                run.indicator_section(indicator, own),
            )


def _flag(today, due, days):
    if due is None:
        return None
    if today > due:
        return "overdue"
    if working_days_between(today, due) <= days:
        return "due_soon"
    return None


def _reminders(run, memory, today):
    days = int(_setting("due_days", 3))
    catalog = api.portal.get_tool("portal_catalog")
    remembered = memory["reminders"]
    current = {}
    flags = {"overdue": _("Overdue"), "due_soon": _("Due soon")}
    for portal_type, states, suffix in (
        ("Petition", PETITION_STATES, "petition-handlers"),
        ("DisclosureRequest", REQUEST_STATES, "disclosure-officers"),
    ):
        for brain in catalog.unrestrictedSearchResults(
            portal_type=portal_type, review_state=list(states), path=run.portal_path
        ):
            flag = _flag(today, getattr(brain, "due_date", None), days)
            if flag is None:
                continue
            current[brain.UID] = flag
            if remembered.get(brain.UID) == flag:
                continue
            obj = brain._unrestrictedGetObject()
            if portal_type == "Petition":
                uid = answerable_department(obj)
            else:
                uid = getattr(obj, "organ", None)
            department = run.department_by_uid(uid) or run.department_of(brain.getPath())
            recipients = []
            if department is not None:
                recipients = run.group_emails(department, suffix)
                if portal_type == "Petition" and brain.review_state in RESPONDER_STATES:
                    recipients += run.group_emails(department, "responders")
            if not recipients:
                recipients = run.admins()
            number = getattr(brain, "tracking_number", None) or ""
            line = "{number} {title}（{due_label} {due}，{flag}）  {url}".format(
                number=number,
                title=brain.Title or "",
                due_label=run.t(_("due")),
                due=brain.due_date.isoformat(),
                flag=run.t(flags[flag]),
                url=run.url({"path": brain.getPath()}),
            )
            heading = run.t(
                _("Petitions") if portal_type == "Petition" else _("Disclosure requests")
            )
            run.add(sorted(set(recipients)), "due", (heading, (line,)))
    # Several items of one kind for one person: one section with every line.
    for kinds in run.outbox.values():
        if "due" in kinds:
            merged = {}
            for heading, lines in kinds["due"]:
                merged.setdefault(heading, []).extend(lines)
            kinds["due"] = [(h, tuple(lines)) for h, lines in merged.items()]
    memory["reminders"] = PersistentMapping(current)
