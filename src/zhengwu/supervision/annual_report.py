"""The website annual report (政府网站工作年度报表), in the format of the
State Council's notice 国办函〔2018〕12号: every government website publishes
it on its home page by 31 January, with eight parts — 信息发布, 专栏专题,
解读回应, 办事服务, 互动交流, 安全防护, 移动新媒体, 创新发展 — after the
site's basic data.

What the site's data can say is counted by ``annual_report_counts`` (from
the catalog, no object loaded); the rest is entered by administrators once
a year (``annual_report_entries``). This module lays both out in the form's
table: every row says which (``source`` is ``data`` or ``entered``).
"""

from plone import api
from zhengwu import _
from zhengwu import clock
from zhengwu.i18n import translated
from zhengwu.rest import BadRequest
from zhengwu.rest import integer
from zhengwu.site.columns import COLUMN_TYPES
from zhengwu.site.identity import get_identity
from zhengwu.supervision import annual_report_entries as entries
from zhengwu.supervision.annual_report_counts import compute


NOT_AVAILABLE = _("Not counted: the site has no such content type yet.")

SECTIONS = (
    ("site", _("Basic information")),
    ("information", _("Information published")),
    ("topics", _("Special columns and topics")),
    ("interpretation", _("Interpretation and response")),
    ("services", _("Online services")),
    ("interaction", _("Interaction")),
    ("security", _("Security")),
    ("new_media", _("Mobile and new media")),
    ("innovation", _("Innovation")),
    ("signatures", _("Signatures")),
)


# The table


def _row(rid, title, value, source, unit=None, level=0, note=None):
    return {
        "id": rid,
        "title": title,
        "value": value,
        "unit": unit,
        "source": source,
        "level": level,
        "note": note,
    }


def _choice_title(items, value):
    return dict(items).get(value) if value else None


def _sections(year, data, typed):
    """``[(section id, [row…])]`` with untranslated titles."""
    e = entries.get_entries(year)
    identity = get_identity()
    portal = api.portal.get()
    site_title = api.portal.get_registry_record("plone.site_title", default="") or portal.title
    info, services, messages = data["information"], data["services"], data["messages"]
    # The units of the official form: 条, 个, 次, 个 (users), 项 (services), 件, 期.
    ITEMS, PIECES, TIMES, PEOPLE = _("items"), _("pieces"), _("times"), _("people")
    SERVICES, CASES, SESSIONS = _("services"), _("cases"), _("sessions")
    D, E = "data", "entered"

    def entered(rid, title, unit=None, level=0, name=None):
        return _row(rid, title, e[name or rid.rsplit(".", 1)[-1]], E, unit, level)

    def held(rid, title, value):
        return _row(rid, title, value, D, SESSIONS, 1, NOT_AVAILABLE if value is None else None)

    cases = [e["cases_natural_persons"], e["cases_legal_persons"]]
    innovation = [title for value, title in entries.INNOVATIONS if value in (e["innovation"] or ())]
    return [
        (
            "site",
            [
                _row("site.name", _("Site name"), site_title, D),
                _row("site.url", _("Home page address"), portal.absolute_url(), D),
                _row("site.sponsor", _("Sponsoring organ"), identity["sponsor"] or None, D),
                _row(
                    "site.kind",
                    _("Kind of website"),
                    _choice_title(entries.SITE_KINDS, e["site_kind"]),
                    E,
                ),
                _row(
                    "site.site_code",
                    _("Site identification code"),
                    identity["site_code"] or None,
                    D,
                ),
                _row("site.icp_number", _("ICP record number"), identity["icp_number"] or None, D),
                _row(
                    "site.police_number",
                    _("Public security record number"),
                    identity["police_number"] or None,
                    D,
                ),
                _row("site.address", _("Contact address"), identity["contact_address"] or None, D),
                entered("site.unique_visitors", _("Unique visitors"), PEOPLE),
                entered("site.page_views", _("Total visits"), TIMES),
            ],
        ),
        (
            "information",
            [
                _row("information.total", _("Items published"), info["total"], D, ITEMS),
                _row(
                    "information.overview", _("Overview information"), info["overview"], D, ITEMS, 1
                ),
                _row("information.news", _("Government news"), info["news"], D, ITEMS, 1),
                _row(
                    "information.disclosure_catalog",
                    _("Disclosure catalog items"),
                    info["disclosure_catalog"],
                    D,
                    ITEMS,
                    1,
                ),
                *[
                    _row(
                        f"information.column_type.{value}",
                        title,
                        info["by_column_type"][value],
                        D,
                        ITEMS,
                        2,
                    )
                    for value, title in (*typed, ("none", _("Columns without a type")))
                ],
            ],
        ),
        (
            "topics",
            [
                _row(
                    "topics.maintained",
                    _("Topics maintained"),
                    data["topics"]["maintained"],
                    D,
                    PIECES,
                ),
                _row("topics.new", _("Topics opened this year"), data["topics"]["new"], D, PIECES),
            ],
        ),
        (
            "interpretation",
            [
                _row(
                    "interpretation.total",
                    _("Interpretations published"),
                    data["interpretations"],
                    D,
                    ITEMS,
                ),
                entered(
                    "interpretation.materials",
                    _("Interpretation texts"),
                    ITEMS,
                    1,
                    "interpretation_materials",
                ),
                entered(
                    "interpretation.products",
                    _("Interpretation products"),
                    ITEMS,
                    1,
                    "interpretation_products",
                ),
                entered("interpretation.media_articles", _("Media commentaries"), ITEMS, 1),
                entered("interpretation.hot_responses", _("Responses to public concerns"), TIMES),
            ],
        ),
        (
            "services",
            [
                _row(
                    "services.guide_catalog",
                    _("Publishes a catalog of services"),
                    services["guides"] > 0,
                    D,
                ),
                entered("services.registered_users", _("Registered users"), PEOPLE),
                _row("services.guides", _("Services published"), services["guides"], D, SERVICES),
                _row(
                    "services.guides_online",
                    _("Services that can be done entirely online"),
                    services["guides_online"],
                    D,
                    SERVICES,
                ),
                _row(
                    "services.guides_published",
                    _("Services first published this year"),
                    services["guides_published"],
                    D,
                    SERVICES,
                    1,
                ),
                _row(
                    "services.cases",
                    _("Cases handled"),
                    sum(c or 0 for c in cases) if any(c is not None for c in cases) else None,
                    E,
                    CASES,
                ),
                entered("services.cases_natural_persons", _("for natural persons"), CASES, 1),
                entered("services.cases_legal_persons", _("for legal persons"), CASES, 1),
            ],
        ),
        (
            "interaction",
            [
                entered("interaction.unified_platform", _("Uses the unified interaction platform")),
                _row("interaction.mailboxes", _("Mailboxes"), data["mailboxes"], D, PIECES),
                _row(
                    "interaction.messages.received",
                    _("Messages received"),
                    messages["received"],
                    D,
                    ITEMS,
                    1,
                ),
                _row(
                    "interaction.messages.answered",
                    _("Messages answered"),
                    messages["answered"],
                    D,
                    ITEMS,
                    1,
                ),
                _row(
                    "interaction.messages.average_working_days",
                    _("Average time to answer"),
                    messages["average_working_days"],
                    D,
                    _("working days"),
                    1,
                ),
                _row(
                    "interaction.messages.published_replies",
                    _("Answers published"),
                    messages["published_replies"],
                    D,
                    ITEMS,
                    1,
                ),
                held("interaction.consultations", _("Consultations held"), data["consultations"]),
                held("interaction.surveys", _("Surveys held"), data["surveys"]),
                entered("interaction.consultation_opinions", _("Opinions received"), ITEMS, 1),
                entered(
                    "interaction.survey_results_published", _("Results published"), SESSIONS, 1
                ),
                held("interaction.interviews", _("Online interviews held"), data["interviews"]),
                entered(
                    "interaction.interview_questions", _("Questions from the public"), ITEMS, 1
                ),
                entered("interaction.interview_answers", _("Questions answered"), ITEMS, 1),
                entered("interaction.smart_qa", _("Offers intelligent question answering")),
            ],
        ),
        (
            "security",
            [
                entered("security.security_checks", _("Security tests and assessments"), TIMES),
                entered("security.problems_found", _("Problems found"), PIECES),
                entered("security.problems_fixed", _("Problems corrected"), PIECES),
                entered(
                    "security.security_monitoring", _("Has security monitoring and early warning")
                ),
                entered("security.emergency_drills", _("Held emergency drills")),
                entered(
                    "security.security_officer",
                    _("Has named the person responsible for the site's security"),
                ),
            ],
        ),
        (
            "new_media",
            [
                entered("new_media.new_media", _("Has mobile or new media accounts")),
                entered("new_media.weibo_name", _("Weibo account")),
                entered("new_media.weibo_posts", _("Weibo posts"), ITEMS, 1),
                entered("new_media.weibo_followers", _("Weibo followers"), PEOPLE, 1),
                entered("new_media.wechat_name", _("WeChat account")),
                entered("new_media.wechat_posts", _("WeChat posts"), ITEMS, 1),
                entered("new_media.wechat_subscribers", _("WeChat subscribers"), PEOPLE, 1),
                entered("new_media.other_media", _("Other media")),
            ],
        ),
        (
            "innovation",
            [
                _row("innovation.innovation", _("Innovations"), innovation or None, E),
                entered("innovation.innovation_other", _("Other innovations")),
            ],
        ),
        (
            "signatures",
            [
                entered("signatures.head", _("Head of the office")),
                entered("signatures.reviewer", _("Reviewed by")),
                entered("signatures.preparer", _("Prepared by")),
                entered("signatures.phone", _("Contact phone")),
                _row(
                    "signatures.filled_on",
                    _("Date filled in"),
                    e["filled_on"].isoformat() if e["filled_on"] else None,
                    E,
                ),
            ],
        ),
    ]


def _text(value, request):
    if isinstance(value, list):
        return [translated(v, request) for v in value]
    if hasattr(value, "domain") and hasattr(value, "default"):  # a Message
        return translated(value, request)
    return value


def report(year, request=None):
    """The JSON of ``@website-annual-report``: the year and its sections,
    each with its rows (``id``, ``title``, ``value``, ``unit``, ``source``,
    ``level``, ``note``)."""
    data = compute(year)
    sections = []
    titles = dict(SECTIONS)
    for sid, rows in _sections(year, data, COLUMN_TYPES):
        sections.append(
            {
                "id": sid,
                "title": translated(titles[sid], request),
                "rows": [
                    {key: _text(value, request) for key, value in row.items()} for row in rows
                ],
            }
        )
    return {
        "year": year,
        "period": {"start": f"{year}-01-01", "end": f"{year}-12-31", "time_zone": "Asia/Shanghai"},
        "entered": year in entries.years_entered(),
        "sections": sections,
    }


def report_year(form, required=True):
    """The ``year`` parameter: 2000 to this year (China time). Required
    for the REST service; the page shows last year when none is given,
    the report being due by 31 January."""
    this_year = clock.today().year
    year = integer(form, "year", None, 2000, this_year)
    if year is None:
        if required:
            raise BadRequest(
                _(
                    "Give the year of the report, from ${low} to ${high}.",
                    mapping={"low": 2000, "high": this_year},
                ),
                "year",
            )
        year = this_year - 1
    return year


def figures(report_data):
    """{row id: value} of a report's JSON (tests, templates)."""
    return {row["id"]: row["value"] for s in report_data["sections"] for row in s["rows"]}
