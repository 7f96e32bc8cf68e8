"""The consultations of a folder or site, for the index page and
``GET @consultations``: published ones, newest opening first, filtered by
drafting department, year (of opening) and phase, read from catalog
metadata. A site holds tens of consultations a year, so the filters run
over the metadata rows rather than over indexes of their own."""

from plone import api
from zhengwu import clock
from zhengwu.i18n import translated
from zhengwu.participation import consultation as consultations
from zhengwu.site.department import organ_titles


def phase_of(brain, today):
    opens, closes = brain.consultation_opens, brain.consultation_closes
    if opens and today < opens:
        return consultations.UPCOMING
    if closes is None or today <= closes:
        return consultations.OPEN
    if brain.feedback_published:
        return consultations.CONCLUDED
    return consultations.AWAITING_FEEDBACK


def brains(context):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.searchResults(
        portal_type="Consultation",
        review_state="published",
        path="/".join(context.getPhysicalPath()),
    )


def select(context, department=None, year=None, phase=None, today=None):
    """``(entries, facets)``: the matching consultations as dicts, and for
    each filter the values found (over all consultations) with counts."""
    today = today or clock.today()
    titles = organ_titles()
    rows = []
    for brain in brains(context):
        opens = brain.consultation_opens
        rows.append(
            {
                "brain": brain,
                "department": brain.consultation_department,
                "year": opens.year if opens else None,
                "phase": phase_of(brain, today),
            }
        )
    facets = {"department": {}, "year": {}, "phase": {}}
    for row in rows:
        for name in facets:
            if row[name] is not None:
                facets[name][row[name]] = facets[name].get(row[name], 0) + 1
    wanted = [
        row
        for row in rows
        if (department is None or row["department"] == department)
        and (year is None or row["year"] == year)
        and (phase is None or row["phase"] == phase)
    ]
    wanted.sort(
        key=lambda row: (row["brain"].consultation_opens or today, row["brain"].getPath()),
        reverse=True,
    )
    entries = [entry(row["brain"], row["phase"], today, titles) for row in wanted]
    return entries, {
        "department": sorted(
            (
                {"value": uid, "title": titles.get(uid, uid), "count": count}
                for uid, count in facets["department"].items()
            ),
            key=lambda f: f["title"],
        ),
        "year": [
            {"value": y, "title": str(y), "count": c}
            for y, c in sorted(facets["year"].items(), reverse=True)
        ],
        "phase": [
            {
                "value": p,
                "title": translated(consultations.PHASE_TITLES[p]),
                "count": facets["phase"].get(p, 0),
            }
            for p in consultations.PHASES
            if facets["phase"].get(p)
        ],
    }


def entry(brain, phase, today, titles):
    opens, closes = brain.consultation_opens, brain.consultation_closes
    published = brain.feedback_published
    return {
        "@id": brain.getURL(),
        "title": brain.Title,
        "description": brain.Description,
        "department": brain.consultation_department,
        "department_title": titles.get(brain.consultation_department, ""),
        "opens": opens.isoformat() if opens else None,
        "closes": closes.isoformat() if closes else None,
        "phase": phase,
        "phase_title": translated(consultations.PHASE_TITLES[phase]),
        "days_left": (closes - today).days if closes and phase == consultations.OPEN else None,
        "feedback_published": published.isoformat() if published else None,
    }
