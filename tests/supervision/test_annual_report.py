"""The website annual report (政府网站工作年度报表) on a constructed year:
every counted number, items just inside and just outside the year in
Beijing time, the entered part saved per year, and who may read and write
it."""

from DateTime import DateTime
from datetime import date
from plone import api
from plone.app.testing import setRoles
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from tests.guides.helpers import said
from tests.helpers import auth
from tests.helpers import body
from tests.helpers import make_item
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from zhengwu.rest import BadRequest
from zhengwu.supervision import annual_report
from zhengwu.supervision import annual_report_counts
from zhengwu.supervision import annual_report_entries as entries
from zhengwu.testing import TEST_PASSWORD
import pytest
import re
import requests
import transaction


YEAR = 2025
# Just inside and just outside the year, Beijing time.
LAST_MINUTES = "2025/12/31 23:30:00 GMT+8"
NEXT_YEAR = "2026/01/01 00:30:00 GMT+8"
BEFORE = "2024/12/31 23:30:00 GMT+8"
FIRST_MINUTES = "2025/01/01 00:30:00 GMT+8"


def dated(obj, effective=None, created=None):
    if effective:
        obj.setEffectiveDate(DateTime(effective))
    if created:
        obj.creation_date = DateTime(created)
    obj.reindexObject()
    return obj


def section(container, sid, column_type=None, state="published", created="2025/02/01 GMT+8"):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=container, type="Folder", id=sid, title=sid, column_type=column_type
        )
        if state == "published":
            api.content.transition(folder, transition="publish")
    return dated(folder, created=created)


def published(container, when, portal_type="Document"):
    return dated(make_item(api.portal.get(), "published", portal_type, container=container), when)


def petition(box, state, received, replied=None):
    obj, _code = make_petition(box, state)
    obj.received_date = received
    obj.due_date = date(received.year, 12, 31)
    if replied:
        obj.replied_date = replied
    obj.reindexObject()
    return obj


def build_year(portal):
    """The constructed year; EXPECTED below says what it holds."""
    dept = portal["zh-cn"]["dept"]
    news = section(dept, "news", "news")
    published(news, LAST_MINUTES, "News Item")  # in
    published(news, FIRST_MINUTES, "News Item")  # in
    published(news, NEXT_YEAR, "News Item")  # 2026
    published(news, BEFORE, "News Item")  # 2024
    published(news, "2025/05/05 GMT+8", "Image")  # a picture is no information
    dated(make_item(portal, "private", container=news), "2025/05/05 GMT+8")  # not published
    dated(make_item(portal, "withdrawn", container=news), "2025/05/06 GMT+8")  # taken offline
    notice = section(dept, "notice", "notice")
    published(notice, "2025/06/01 10:00 GMT+8")
    interpretation = section(dept, "interpretation", "interpretation")
    published(interpretation, "2025/03/01 GMT+8")
    published(interpretation, LAST_MINUTES)
    overview = section(dept, "overview", "other")
    published(overview, "2025/08/08 GMT+8")
    published(dept, "2025/09/09 GMT+8")  # the department folder has no column type
    # The disclosure catalog, a policy column.
    catalog = make_catalog(portal)
    with api.env.adopt_roles(["Manager"]):
        catalog.column_type = "policy"
        catalog.reindexObject()
    for when in ("2025/02/01 GMT+8", LAST_MINUTES, NEXT_YEAR):
        dated(make_disclosure_item(catalog, "published"), when)
    # Topics: maintained at the year's end, one of them opened in the year.
    topic = section(dept, "topic-2024", "topic", created="2024/05/01 GMT+8")
    published(topic, "2025/10/10 GMT+8")
    section(dept, "topic-2025", "topic", created=FIRST_MINUTES)
    section(dept, "topic-2026", "topic", created=NEXT_YEAR)
    section(dept, "topic-draft", "topic", state="private", created="2025/03/03 GMT+8")
    # Services: guides online at the year's end, one with online handling more.
    service = section(dept, "service", "service")
    dated(make_guide(service, "published", online_url="https://zwfw.example.gov.cn/1"), BEFORE)
    dated(make_guide(service, "published", online_url=""), "2025/05/01 GMT+8")
    dated(
        make_guide(service, "published", online_url="https://zwfw.example.gov.cn/2"), LAST_MINUTES
    )
    dated(make_guide(service, "published"), NEXT_YEAR)
    dated(make_guide(service, "private"), "2025/05/01 GMT+8")
    # Mailboxes and messages.
    box = dated(make_box(portal), created="2025/01/10 GMT+8")
    dated(make_box(portal), created="2025/03/10 GMT+8")
    dated(make_box(portal), created=NEXT_YEAR)
    petition(box, "answered", date(2025, 3, 3), date(2025, 3, 7))  # Mon → Fri: 4 working days
    petition(box, "closed", date(2025, 3, 3), date(2025, 3, 14))  # 9 working days
    petition(box, "published", date(2025, 4, 14), date(2025, 4, 16))  # 2 working days
    petition(box, "assigned", date(2025, 12, 1))  # open at the year's end
    petition(box, "rejected", date(2025, 5, 12))
    petition(box, "published", date(2024, 12, 30), date(2025, 1, 6))  # 2024's
    petition(box, "answered", date(2026, 1, 5), date(2026, 1, 7))  # 2026's


EXPECTED = {
    # news 2, notice 1, interpretation 2, other 1, none 1, policy 2, topic 1, service 2
    "information.total": 12,
    "information.overview": 1,
    "information.news": 3,
    "information.disclosure_catalog": 2,
    "information.column_type.news": 2,
    "information.column_type.notice": 1,
    "information.column_type.policy": 2,
    "information.column_type.interpretation": 2,
    "information.column_type.service": 2,
    "information.column_type.interaction": 0,
    "information.column_type.topic": 1,
    "information.column_type.other": 1,
    "information.column_type.none": 1,
    "topics.maintained": 2,
    "topics.new": 1,
    "interpretation.total": 2,
    "services.guide_catalog": True,
    "services.guides": 3,
    "services.guides_online": 2,
    "services.guides_published": 2,
    "interaction.mailboxes": 2,
    "interaction.messages.received": 5,
    "interaction.messages.answered": 3,
    "interaction.messages.average_working_days": 5.0,  # (4 + 9 + 2) / 3
    "interaction.messages.published_replies": 1,
    "interaction.consultations": 0,  # the type exists (participation), none held
    "interaction.surveys": 0,  # the type exists (zhengwu.survey), none published that year
    "interaction.interviews": 0,  # the type exists, none published that year
}


@pytest.fixture
def year_site(portal):
    build_year(portal)
    return portal


def test_every_counted_number_of_the_constructed_year(year_site):
    data = annual_report.report(YEAR)
    figures = annual_report.figures(data)
    assert {k: figures[k] for k in EXPECTED} == EXPECTED
    rows = {r["id"]: r for s in data["sections"] for r in s["rows"]}
    for rid in EXPECTED:
        assert rows[rid]["source"] == "data", rid
    assert not rows["interaction.interviews"]["note"]  # counted: the type exists
    # Nothing entered yet: the entered rows are empty.
    assert data["entered"] is False
    assert figures["site.unique_visitors"] is None and figures["security.security_checks"] is None
    assert rows["security.security_checks"]["source"] == "entered"


def test_the_next_year_counts_what_crossed_midnight(year_site):
    figures = annual_report.figures(annual_report.report(YEAR + 1))
    # The news item and the disclosure item of 2026-01-01 00:30 Beijing time.
    assert figures["information.column_type.news"] == 1
    assert figures["information.disclosure_catalog"] == 1
    assert figures["services.guides"] == 4 and figures["services.guides_published"] == 1
    assert figures["topics.maintained"] == 3 and figures["topics.new"] == 1
    assert figures["interaction.mailboxes"] == 3
    assert figures["interaction.messages.received"] == 1


def test_held_events_are_counted_once_their_type_exists(year_site, monkeypatch):
    monkeypatch.setattr(annual_report_counts, "INTERVIEW_TYPE", "News Item")
    figures = annual_report.figures(annual_report.report(YEAR))
    assert figures["interaction.interviews"] == 2
    assert figures["interaction.consultations"] == 0


def test_site_basics_come_from_the_identity_settings(portal):
    for name, value in {
        "sponsor": "示例市人民政府办公室",
        "site_code": "9999000001",
        "icp_number": "示ICP备20260001号-1",
        "contact_address": "示例市人民大道1号",
    }.items():
        api.portal.set_registry_record(f"zhengwu.identity.{name}", value)
    figures = annual_report.figures(annual_report.report(YEAR))
    assert figures["site.sponsor"] == "示例市人民政府办公室"
    assert figures["site.site_code"] == "9999000001"
    assert figures["site.icp_number"] == "示ICP备20260001号-1"
    assert figures["site.address"] == "示例市人民大道1号"
    assert figures["site.url"] == portal.absolute_url()
    assert figures["site.name"]


ENTRIES = {
    "site_kind": "portal",
    "unique_visitors": 120000,
    "page_views": 860000,
    "interpretation_materials": 1,
    "interpretation_products": 1,
    "media_articles": 0,
    "hot_responses": 3,
    "cases_natural_persons": 300,
    "cases_legal_persons": 45,
    "security_checks": 4,
    "problems_found": 6,
    "problems_fixed": 5,
    "emergency_drills": True,
    "new_media": True,
    "wechat_name": "示例发布",
    "wechat_posts": 520,
    "innovation": {"accessibility", "multilingual"},
    "head": "王主任",
    "filled_on": date(2026, 1, 20),
}


def test_entries_are_saved_per_year_and_shown(portal):
    entries.save_entries(YEAR, ENTRIES)
    data = annual_report.report(YEAR)
    figures = annual_report.figures(data)
    assert data["entered"] is True
    assert figures["site.unique_visitors"] == 120000
    assert figures["services.cases"] == 345
    assert figures["security.problems_fixed"] == 5
    assert figures["security.emergency_drills"] is True
    assert figures["security.security_monitoring"] is None  # not entered
    assert figures["new_media.wechat_name"] == "示例发布"
    assert len(figures["innovation.innovation"]) == 2
    assert figures["signatures.filled_on"] == "2026-01-20"
    assert figures["site.kind"]
    other = annual_report.figures(annual_report.report(YEAR - 1))
    assert other["site.unique_visitors"] is None and other["services.cases"] is None
    assert entries.years_entered() == [YEAR]


def test_the_rules_between_entered_fields():
    assert entries.check(ENTRIES, interpretations=2) == []
    fields = [f for f, _m in entries.check(ENTRIES, interpretations=1)]
    assert fields == ["interpretation_materials"]
    bad = dict(ENTRIES, problems_fixed=7, interview_questions=1, interview_answers=2)
    bad.update(new_media=False)
    fields = [f for f, _m in entries.check(bad, interpretations=2)]
    assert fields == ["problems_fixed", "interview_answers", "new_media"]


@pytest.mark.parametrize("form", [{}, {"year": "last"}, {"year": "1999"}, {"year": "2027"}])
def test_the_year_is_required_and_bounded(form):
    with pytest.raises(BadRequest) as refused:
        annual_report.report_year(form)
    assert refused.value.field == "year"


def test_the_page_shows_last_year_without_a_year():
    # The product's clock stands at 2026-06-15 (tests/conftest.py).
    assert annual_report.report_year({}, required=False) == 2025


def test_the_control_panel_links_the_report(portal):
    (configlet,) = [
        a
        for a in portal.portal_controlpanel.listActions()
        if a.getId() == "zhengwu-website-annual-report"
    ]
    assert configlet.permissions == ("zhengwu: View site supervision",)
    assert "@@website-annual-report" in configlet.getActionExpression()


# Who may read and write it, over HTTP


@pytest.fixture
def site(functional_portal):
    api.user.create(username="inspector", email="inspector@example.gov.cn", password=TEST_PASSWORD)
    setRoles(functional_portal, "inspector", ["Member", "Inspector"])
    dept = functional_portal["zh-cn"]["dept"]
    news = section(dept, "news", "news")
    published(news, LAST_MINUTES, "News Item")
    published(news, NEXT_YEAR, "News Item")
    transaction.commit()
    return functional_portal.absolute_url()


def get(url, user, **params):
    return requests.get(
        url,
        params=params,
        auth=auth(user),
        headers={"Accept": "application/json"},
        timeout=60,
        allow_redirects=False,
    )


@pytest.mark.parametrize(
    "user, path", [("inspector", ""), ("siteadmin", ""), ("inspector", "/zh-cn")]
)
def test_inspectors_and_administrators_read_the_json(site, user, path):
    response = get(f"{site}{path}/@website-annual-report", user, year=YEAR)
    assert response.status_code == 200, response.text[:500]
    data = response.json()
    assert data["year"] == YEAR
    assert annual_report.figures(data)["information.column_type.news"] == 1
    assert [s["id"] for s in data["sections"]][:3] == ["site", "information", "topics"]


@pytest.mark.parametrize("params", [{}, {"year": "2025x"}, {"year": "1999"}])
def test_a_bad_year_is_a_400_naming_it(site, params):
    response = get(f"{site}/@website-annual-report", "inspector", **params)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "year"
    assert response.json()["error"]["type"] == "BadRequest"


@pytest.mark.parametrize("user", ["Anonymous", "editor", "member"])
def test_others_may_not_read_it(site, user):
    response = get(f"{site}/@website-annual-report", user, year=YEAR)
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["type"] == "Unauthorized" and error["message"]
    page = requests.get(
        f"{site}/@@website-annual-report",
        params={"year": YEAR},
        auth=auth(user),
        timeout=60,
        allow_redirects=False,
    )
    assert page.status_code == 302 and "require_login" in page.headers["Location"]
    assert "zhengwu-website-report-table" not in body(page)


def test_the_inspector_reads_the_page_but_cannot_enter_figures(site):
    page = requests.get(
        f"{site}/@@website-annual-report", params={"year": YEAR}, auth=auth("inspector"), timeout=60
    )
    assert page.status_code == 200
    assert "zhengwu-website-report-table" in body(page)
    assert "zhengwu-report-edit" not in body(page)  # no link to the form
    form = requests.get(
        f"{site}/@@website-annual-report-entries",
        params={"year": YEAR},
        auth=auth("inspector"),
        timeout=60,
        allow_redirects=False,
    )
    assert form.status_code == 302 and "require_login" in form.headers["Location"]
    posted = requests.post(
        f"{site}/@@website-annual-report-entries?year={YEAR}",
        data={"form.widgets.unique_visitors": "5", "form.buttons.save": "Save"},
        auth=auth("inspector"),
        timeout=60,
        allow_redirects=False,
    )
    assert posted.status_code == 302 and "require_login" in posted.headers["Location"]
    transaction.begin()
    assert entries.get_entries(YEAR)["unique_visitors"] is None


def _form(site, user="siteadmin", year=YEAR):
    response = requests.get(
        f"{site}/@@website-annual-report-entries",
        params={"year": year},
        auth=auth(user),
        timeout=60,
    )
    assert response.status_code == 200, response.text[:500]
    token = re.search(r'name="_authenticator" value="([^"]+)"', response.text)
    return response, (token.group(1) if token else None)


def _post(site, fields, user="siteadmin", year=YEAR):
    _page, token = _form(site, user, year)
    data = {f"form.widgets.{k}": v for k, v in fields.items()}
    data["form.buttons.save"] = "Save"
    if token:
        data["_authenticator"] = token
    return requests.post(
        f"{site}/@@website-annual-report-entries?year={year}",
        data=data,
        auth=auth(user),
        timeout=60,
    )


def test_an_administrator_enters_the_figures_of_a_year(site):
    response = _post(
        site,
        {
            "unique_visitors": "1200",
            "security_checks": "4",
            "problems_found": "3",
            "problems_fixed": "2",
            "phone": "0571-87654321",
        },
    )
    assert response.status_code == 200
    assert response.url.split("?")[0].endswith("/@@website-annual-report")  # back to the report
    transaction.begin()
    saved = entries.get_entries(YEAR)
    assert saved["unique_visitors"] == 1200 and saved["problems_fixed"] == 2
    assert entries.get_entries(YEAR - 1)["unique_visitors"] is None
    report = get(f"{site}/@website-annual-report", "inspector", year=YEAR).json()
    assert annual_report.figures(report)["security.security_checks"] == 4


def test_bad_entries_are_form_errors_and_nothing_is_saved(site):
    response = _post(
        site,
        {"unique_visitors": "-3", "problems_found": "1", "problems_fixed": "2", "phone": "call me"},
    )
    assert response.status_code == 200
    assert "website-annual-report-entries" in response.url  # still on the form
    text = body(response)
    assert text.count('class="invalid-feedback"') == 2  # the number and the phone
    assert said(entries.InvalidPhone.__doc__, text)
    transaction.begin()
    assert entries.get_entries(YEAR)["unique_visitors"] is None
    # The rule between fields, alone: named on its field.
    response = _post(site, {"problems_found": "1", "problems_fixed": "2"})
    text = body(response)
    assert "website-annual-report-entries" in response.url
    assert text.count('class="invalid-feedback"') == 1
    assert said(entries.check({"problems_found": 1, "problems_fixed": 2}, 0)[0][1], text)
    transaction.begin()
    assert entries.get_entries(YEAR)["problems_fixed"] is None


def test_a_bad_year_on_the_form_is_a_message(site):
    response = requests.get(
        f"{site}/@@website-annual-report-entries",
        params={"year": "1066"},
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 400
    assert "alert-danger" in body(response)
