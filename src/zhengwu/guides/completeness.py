"""The key elements of a guide the national inspection rules check
(《政府网站与政务新媒体检查指标》: 办事指南要素缺失 fails a site), and the
administrators' report of what each guide lacks and which are out of date."""

from datetime import timedelta
from plone import api
from zhengwu import _
from zhengwu import clock


# (field, what the report calls it), in the order of a guide's page.
KEY_ELEMENTS = (
    ("item_name", _("Item name")),
    ("implementing_agency", _("Implementing agency")),
    ("legal_basis", _("Legal basis")),
    ("conditions", _("Conditions")),
    ("materials", _("Materials")),
    ("process", _("Process")),
    ("promised_limit_days", _("Promised time limit")),
    ("fee", _("Fee")),
    ("location", _("Location")),
    ("office_hours", _("Service hours")),
    ("consult_phone", _("Inquiry phone")),
)
PERIOD_RECORD = "zhengwu.guides.review_period_days"


def _present(value):
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple)):
        return bool(value)
    return True  # numbers, 0 included (即办: on the spot)


def missing(guide):
    """The labels of the key elements ``guide`` lacks."""
    return [label for name, label in KEY_ELEMENTS if not _present(getattr(guide, name, None))]


def missing_fields(guide):
    """The field names of the key elements ``guide`` lacks (what site
    supervision keeps in the catalog)."""
    return tuple(name for name, _label in KEY_ELEMENTS if not _present(getattr(guide, name, None)))


def labels(fields):
    """The labels of key elements given by field name."""
    known = dict(KEY_ELEMENTS)
    return [known[name] for name in fields if name in known]


def review_period():
    return api.portal.get_registry_record(PERIOD_RECORD, default=180) or 180


def is_stale(guide, period=None, on=None):
    """A published guide nobody has checked within the review period."""
    if api.content.get_state(guide, default=None) != "published":
        return False
    checked = getattr(guide, "last_reviewed", None)
    limit = (on or clock.today()) - timedelta(days=period or review_period())
    return checked is None or checked < limit


def report(context):
    """Every guide under ``context`` (all states; the caller must be allowed
    to manage guides): what it lacks and whether it is out of date, the
    guides with problems first."""
    period = review_period()
    on = clock.today()
    catalog = api.portal.get_tool("portal_catalog")
    rows = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="ServiceGuide",
        path="/".join(context.getPhysicalPath()),
        sort_on="sortable_title",
    ):
        guide = brain._unrestrictedGetObject()
        lacks = missing(guide)
        rows.append(
            {
                "guide": guide,
                "url": brain.getURL(),
                "title": guide.title,
                "item_code": guide.item_code or "",
                "review_state": brain.review_state,
                "missing": lacks,
                "last_reviewed": guide.last_reviewed,
                "stale": is_stale(guide, period, on),
            }
        )
    rows.sort(key=lambda row: not (row["missing"] or row["stale"]))
    return {"period": period, "rows": rows}
