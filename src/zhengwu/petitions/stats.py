"""Statistics of petitions per year and department, and the alarm of
consultations approaching three months without an answer.

Read from catalog metadata only (no petition is loaded): at 50,000
petitions a pass is one loop over their brains. Working days between
receipt and reply come from a cumulative count built once per pass. The
result is cached per process until the catalog changes or the day turns.
"""

from collections import Counter
from datetime import timedelta
from plone import api
from zhengwu import clock
from zhengwu.petitions import deadlines
from zhengwu.petitions.kinds import ANSWERED_STATES
from zhengwu.petitions.kinds import OPEN_STATES
from zhengwu.petitions.kinds import SATISFACTION
from zhengwu.site.department import organ_titles
from zhengwu.workdays import entered_schedules
from zhengwu.workdays.calendar import day_status
import Missing
import threading


_cache = {}
_lock = threading.Lock()


COLUMNS = (
    "received_date",
    "due_date",
    "replied_date",
    "review_state",
    "petition_department",
    "satisfaction",
)


def _rows():
    """``(received, due, replied, state, department, satisfaction)`` of
    every petition, straight from the catalog's metadata table: no query
    machinery and no brain per petition."""
    internal = api.portal.get_tool("portal_catalog")._catalog
    rids = internal.getIndex("portal_type")._index.get("Petition")
    if rids is None:
        return
    if isinstance(rids, int):
        rids = (rids,)
    positions = [internal.schema[name] for name in COLUMNS]
    data = internal.data
    for rid in rids:
        record = data[rid]
        yield tuple(
            None if record[position] is Missing.Value else record[position]
            for position in positions
        )


class WorkingDayCounter:
    """Working days between two dates by a cumulative table over the range
    the petitions span (one pass over the calendar, not one per petition)."""

    def __init__(self, first, last, schedules):
        self.first = first
        self.cumulative = []
        count, day = 0, first
        while day <= last:
            count += day_status(day, schedules)[0]
            self.cumulative.append(count)
            day += timedelta(days=1)

    def between(self, start, end):
        """Working days after ``start`` up to and including ``end``."""
        return self.cumulative[(end - self.first).days] - self.cumulative[(start - self.first).days]


def _empty(year, uid, title):
    return {
        "year": year,
        "department": {"token": uid, "title": title},
        "received": 0,
        "rejected": 0,
        "answered": 0,
        "answered_on_time": 0,
        "open": 0,
        "overdue": 0,
        "average_working_days": None,
        "working_days": 0,
        "satisfaction": {value: 0 for value, _title in SATISFACTION},
    }


def compute(on=None):
    """Every year's and department's figures (cached)."""
    catalog = api.portal.get_tool("portal_catalog")
    on = on or clock.today()
    key = (catalog.getCounter(), on, api.portal.get().getPhysicalPath())
    with _lock:
        if key in _cache:
            return _cache[key]
    result = _compute(on)
    with _lock:
        _cache.clear()
        _cache[key] = result
    return result


def _compute(on):
    organs = organ_titles()
    entries = []
    first = last = None
    for entry in _rows():
        received, replied = entry[0], entry[2]
        if received is None:
            continue
        entries.append(entry)
        first = received if first is None or received < first else first
        end = replied or on
        last = end if last is None or end > last else last
    counter = WorkingDayCounter(first, last, entered_schedules()) if entries else None
    table = {}
    days = Counter()
    for received, due_date, replied, state, uid, satisfaction in entries:
        key = (received.year, uid)
        row = table.get(key)
        if row is None:
            row = table[key] = _empty(received.year, uid, organs.get(uid, ""))
        row["received"] += 1
        if state == "rejected":
            row["rejected"] += 1
            continue
        if state in ANSWERED_STATES and replied:
            row["answered"] += 1
            if due_date is None or replied <= due_date:
                row["answered_on_time"] += 1
            else:
                row["overdue"] += 1
            days[key] += counter.between(received, replied)
        elif state in OPEN_STATES:
            row["open"] += 1
            if due_date is not None and on > due_date:
                row["overdue"] += 1
        if satisfaction in row["satisfaction"]:
            row["satisfaction"][satisfaction] += 1
    for key, row in table.items():
        row["working_days"] = days[key]
        if row["answered"]:
            row["average_working_days"] = round(days[key] / row["answered"], 1)
    return sorted(table.values(), key=lambda r: (-r["year"], -r["received"]))


def figures(year=None, department=None, on=None):
    rows = compute(on)
    return [
        row
        for row in rows
        if (year is None or row["year"] == year)
        and (department is None or row["department"]["token"] == department)
    ]


def totals(year, on=None):
    """One year's figures over every department: ``received``,
    ``rejected``, ``answered``, ``answered_on_time``, ``open``, ``overdue``
    and ``average_working_days`` (from the summed working days, not an
    average of averages). The website annual report reads this."""
    keys = ("received", "rejected", "answered", "answered_on_time", "open", "overdue")
    out = dict.fromkeys(keys, 0)
    days = 0
    for row in figures(year, on=on):
        for key in keys:
            out[key] += row[key]
        days += row["working_days"]
    out["average_working_days"] = round(days / out["answered"], 1) if out["answered"] else None
    return out


def years(on=None):
    return sorted({row["year"] for row in compute(on)}, reverse=True)


def alarm(on=None):
    """Valid consultations without an answer after ``ALARM_DAYS`` days: the
    national rules fail a site that leaves one unanswered for 3 months."""
    on = on or clock.today()
    limit = on - timedelta(days=deadlines.ALARM_DAYS)
    catalog = api.portal.get_tool("portal_catalog")
    organs = organ_titles()
    out = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Petition", review_state=list(OPEN_STATES), sort_on="created"
    ):
        received = brain.received_date
        if brain.category != "consultation" or not received or received > limit:
            continue
        three_months = add_months(received, 3)
        out.append(
            {
                "@id": brain.getURL(),
                "tracking_number": brain.tracking_number,
                "title": brain.Title,
                "review_state": brain.review_state,
                "department": {
                    "token": brain.petition_department,
                    "title": organs.get(brain.petition_department, ""),
                },
                "received_date": received.isoformat(),
                "days_open": (on - received).days,
                "three_months_on": three_months.isoformat(),
                "past_three_months": on >= three_months,
            }
        )
    return sorted(out, key=lambda e: e["received_date"])


def add_months(day, months):
    """``day`` moved on by calendar months (the 31st becomes the last day of a
    shorter month): the three-month line of the national rules."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    return day


def month(on=None):
    """This month's figures for the portal's home page: messages received
    this month, answered this month, and of those answered on time.
    Read from metadata as ``compute`` is, and cached the same way."""
    on = on or clock.today()
    catalog = api.portal.get_tool("portal_catalog")
    key = ("month", catalog.getCounter(), on, api.portal.get().getPhysicalPath())
    with _lock:
        if key in _month_cache:
            return _month_cache[key]
    first = on.replace(day=1)
    result = {"year": on.year, "month": on.month, "received": 0, "answered": 0, "on_time": 0}
    for received, due_date, replied, state, _uid, _satisfaction in _rows():
        if received is not None and first <= received <= on:
            result["received"] += 1
        if state in ANSWERED_STATES and replied is not None and first <= replied <= on:
            result["answered"] += 1
            if due_date is None or replied <= due_date:
                result["on_time"] += 1
    with _lock:
        _month_cache.clear()
        _month_cache[key] = result
    return result


_month_cache = {}
