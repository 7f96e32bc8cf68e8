"""The counted part of the website annual report (政府网站工作年度报表):
what the site's catalog says about a year, without loading an object.
``annual_report`` lays it out in the form's table.

- A year runs from 1 January 00:00 to 31 December 24:00 Beijing time.
- Published in the year: in state ``published`` now, with its ``effective``
  date in the year. Its column type is that of the nearest section above it
  that has one (``zhengwu.site.columns.column_type_of``), found from the
  catalog's paths.
- 概况类信息 are the items of ``other`` columns (机构概况 and the like),
  政务动态 those of ``news`` and ``notice`` columns, 信息公开目录 the
  disclosure items wherever they stand.
- Messages: the petition statistics (``zhengwu.petitions.stats``), by the
  year of receipt: received, answered, average working days from receipt to
  the approved reply; public answers are the year's messages published.
- Consultations, surveys and interviews are counted once their types exist
  (published in the year); until then their rows say so and hold nothing.
"""

from DateTime import DateTime
from plone import api
from zhengwu.petitions import stats as petition_stats
from zhengwu.site.columns import COLUMN_TYPE_IDS


REVIEW_WORKFLOW = "zhengwu_review_workflow"
# Reviewed types that are not information of their own: pictures and
# listings of other items; surveys (counted in their own row).
NOT_ARTICLES = ("Image", "Collection", "EasyForm")
PUBLISHED = "published"
# The official rows of 信息发布 and the column types they count.
OVERVIEW_TYPES = ("other",)
NEWS_TYPES = ("news", "notice")
# The participation types, counted when they exist (DESIGN.md section 3).
CONSULTATION_TYPE = "Consultation"
INTERVIEW_TYPE = "Interview"
SURVEY_TYPE, SURVEY_BEHAVIOR = "EasyForm", "zhengwu.survey"


def bounds(year):
    """The year's first instant and the next year's, Beijing time."""
    return DateTime(f"{year}/01/01 00:00:00 GMT+8"), DateTime(f"{year + 1}/01/01 00:00:00 GMT+8")


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _in_year(brains, year, attribute="effective"):
    start, end = bounds(year)
    return [b for b in brains if getattr(b, attribute) and start <= getattr(b, attribute) < end]


def _dated(year):
    """A catalog range for the year; ``_in_year`` then cuts it to the second
    (the date indexes keep minutes)."""
    start, end = bounds(year)
    return {"query": (start, end), "range": "min:max"}


def article_types():
    """The types that carry published words: those under the review
    workflow, pictures and listings aside."""
    workflow = api.portal.get_tool("portal_workflow")
    return sorted(
        name
        for name in api.portal.get_tool("portal_types").listContentTypes()
        if name not in NOT_ARTICLES and REVIEW_WORKFLOW in workflow.getChainForPortalType(name)
    )


def _column_types():
    """{path: column type} of every typed section."""
    return {
        brain.getPath(): brain.column_type
        for brain in _catalog().unrestrictedSearchResults(column_type=COLUMN_TYPE_IDS)
    }


def _type_of(path, typed):
    """The column type of the nearest typed section above ``path``."""
    parts = path.split("/")
    for end in range(len(parts) - 1, 1, -1):
        found = typed.get("/".join(parts[:end]))
        if found:
            return found
    return None


def count_information(year):
    """{"total", "overview", "news", "disclosure_catalog", "by_column_type"}."""
    brains = _in_year(
        _catalog().unrestrictedSearchResults(
            portal_type=article_types(), review_state=PUBLISHED, effective=_dated(year)
        ),
        year,
    )
    typed = _column_types()
    by_type = dict.fromkeys((*COLUMN_TYPE_IDS, "none"), 0)
    disclosure = 0
    for brain in brains:
        by_type[_type_of(brain.getPath(), typed) or "none"] += 1
        disclosure += brain.portal_type == "DisclosureItem"
    return {
        "total": len(brains),
        "overview": sum(by_type[t] for t in OVERVIEW_TYPES),
        "news": sum(by_type[t] for t in NEWS_TYPES),
        "disclosure_catalog": disclosure,
        "by_column_type": by_type,
    }


def count_topics(year):
    """Topic columns online at the year's end, and those opened in it."""
    _start, end = bounds(year)
    brains = [
        b
        for b in _catalog().unrestrictedSearchResults(column_type="topic", review_state=PUBLISHED)
        if b.created < end
    ]
    return {"maintained": len(brains), "new": len(_in_year(brains, year, "created"))}


def count_services(year):
    """Guides online at the year's end, those with online handling, and
    those first published in the year."""
    _start, end = bounds(year)
    guides = [
        b
        for b in _catalog().unrestrictedSearchResults(
            portal_type="ServiceGuide", review_state=PUBLISHED
        )
        if b.effective and b.effective < end
    ]
    return {
        "guides": len(guides),
        "guides_online": sum(1 for b in guides if b.online_url),
        "guides_published": len(_in_year(guides, year)),
    }


def count_mailboxes(year):
    _start, end = bounds(year)
    return sum(
        1
        for b in _catalog().unrestrictedSearchResults(
            portal_type="PetitionBox", review_state=PUBLISHED
        )
        if b.created < end
    )


def count_messages(year):
    totals = petition_stats.totals(year)
    published = len(
        _catalog().unrestrictedSearchResults(
            portal_type="Petition", petition_year=year, review_state=PUBLISHED
        )
    )
    return {
        "received": totals["received"],
        "answered": totals["answered"],
        "average_working_days": totals["average_working_days"],
        "published_replies": published,
    }


def _type_exists(name, behavior=None):
    fti = api.portal.get_tool("portal_types").getTypeInfo(name)
    if fti is None:
        return False
    return behavior is None or behavior in (getattr(fti, "behaviors", None) or ())


def count_held(portal_type, year, behavior=None):
    """Items of ``portal_type`` published in the year; None when the type
    (or its behavior) does not exist."""
    if not _type_exists(portal_type, behavior):
        return None
    brains = _catalog().unrestrictedSearchResults(
        portal_type=portal_type, review_state=PUBLISHED, effective=_dated(year)
    )
    return len(_in_year(brains, year))


def compute(year):
    """Everything the data says about the year."""
    information = count_information(year)
    return {
        "information": information,
        "topics": count_topics(year),
        "interpretations": information["by_column_type"]["interpretation"],
        "services": count_services(year),
        "mailboxes": count_mailboxes(year),
        "messages": count_messages(year),
        "consultations": count_held(CONSULTATION_TYPE, year),
        "surveys": count_held(SURVEY_TYPE, year, SURVEY_BEHAVIOR),
        "interviews": count_held(INTERVIEW_TYPE, year),
    }
