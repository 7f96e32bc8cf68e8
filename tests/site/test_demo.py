"""The demo profile builds 示例市人民政府 (tests of other features never use it)."""

from collections import Counter
from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zhengwu import clock
from zhengwu.demo import consultations as consultations_demo
from zhengwu.demo import disclosure as disclosure_demo
from zhengwu.demo import guides as guides_demo
from zhengwu.demo import petitions as petitions_demo
from zhengwu.demo import requests as requests_demo
from zhengwu.demo import site as demo_site
from zhengwu.guides import completeness
from zhengwu.interfaces import IZhengwuLayer
from zhengwu.participation import consultation
from zhengwu.petitions import stats
from zhengwu.requests import report
from zhengwu.requests import worklist
from zhengwu.site.columns import columns
from zhengwu.site.roles import GOVERNMENT_ROLES
from zhengwu.theme.home import HomeView
from zope.globalrequest import getRequest
from zope.interface import alsoProvides
import pytest


ROLE_OF_SUFFIX = {
    "editors": "Editor",
    "first-reviewers": "FirstReviewer",
    "second-reviewers": "SecondReviewer",
    "final-approvers": "FinalApprover",
    "petition-handlers": "PetitionHandler",
    "responders": "DepartmentResponder",
    "disclosure-officers": "DisclosureOfficer",
}


def check_mailboxes():
    """The demo's messages in every state, counted by the year of receipt, and
    the alarm of a consultation waiting near three months."""
    petitions = api.content.find(portal_type="Petition")
    states = {b.review_state for b in petitions}
    assert states == {
        "submitted",
        "accepted",
        "rejected",
        "assigned",
        "reply_pending",
        "answered",
        "published",
        "closed",
    }
    assert len(petitions) == len(petitions_demo.MESSAGES)
    received = Counter(b.getObject().received_date.year for b in petitions)
    by_year = Counter()
    for row in stats.figures():
        by_year[row["year"]] += row["received"]
    assert by_year == received
    assert max(received) == clock.today().year
    assert stats.alarm()  # an 80-day-old consultation waits


def check_requests(portal):
    """The demo's requests in every state; the annual report of this year and
    the last agrees with the requests' own dates, whatever today is."""
    found = api.content.find(portal_type="DisclosureRequest")
    assert len(found) == len(requests_demo.REQUESTS)
    assert {b.review_state for b in found} == {s for s, *_ in requests_demo.REQUESTS}
    with api.env.adopt_user(username="officer"):
        waiting = worklist.entries(portal, getRequest())
    assert {w["review_state"]["token"] for w in waiting} >= {"received", "extended", "consulting"}
    records = [b.getObject() for b in found]
    answered = [r for r in records if r.answered_date is not None]
    assert len(answered) == 4
    this_year = clock.today().year
    for year in (this_year, this_year - 1):
        table = report.count_requests(year)
        assert report.balanced(table), year
        assert table["new"]["total"] == sum(
            r.received_date is not None and r.received_date.year == year for r in records
        ), year
        assert table["answered"]["total"] == sum(r.answered_date.year == year for r in answered)
    # The archived request was received and answered last year, always.
    assert report.count_requests(this_year - 1)["disclosed"]["total"] == 1
    # Part two counts by the year of publication, Zope's own clock.
    normative = [
        b.getObject()
        for b in api.content.find(portal_type="DisclosureItem", disclosure_kind="normative")
    ]
    assert len(normative) == 5
    published = Counter(item.publication_date.year for item in normative)
    for year, count in published.items():
        assert report.count_documents(year)["normative"]["issued"] == count


class TestTheDemo:
    """The demo applied once for all these tests (the demo's layer,
    tests/site/conftest.py); each test's changes are rolled back."""

    def test_departments(self, demo_portal):
        folder = demo_portal["zh-cn"]["departments"]
        assert [d for d, *_ in demo_site.DEPARTMENTS] == list(folder.objectIds())
        assert folder["fgw"].organization_code == "11999900MB0000020J"

    def test_a_user_for_every_role(self, demo_portal):
        for userid, _name, dept_id, suffix, site_roles in demo_site.USERS:
            user = api.user.get(username=userid)
            assert user is not None, userid
            if dept_id:
                dept = demo_portal["zh-cn"]["departments"][dept_id]
                assert ROLE_OF_SUFFIX[suffix] in api.user.get_roles(user=user, obj=dept), userid
                # the role is the department's, not the site's
                site_wide = api.user.get_roles(user=user, obj=demo_portal["zh-cn"])
                assert ROLE_OF_SUFFIX[suffix] not in site_wide, userid
            for role in site_roles:
                assert role in api.user.get_roles(user=user), userid

    def test_every_government_role_has_a_demo_user(self, demo_portal):
        covered = {ROLE_OF_SUFFIX[suffix] for *_, suffix, _roles in demo_site.USERS if suffix}
        assert set(GOVERNMENT_ROLES) <= covered

    def test_identity_and_front_page(self, demo_portal):
        assert api.portal.get_registry_record("zhengwu.identity.site_code") == "9999000001"
        root = demo_portal["zh-cn"]
        assert root.getDefaultPage() == "front-page"
        assert api.content.get_state(root["front-page"]) == "published"
        assert api.content.get_state(root["xwzx"]["zwgk-gzhy"]) == "published"

    def test_the_home_page(self, demo_portal):
        """The front page shows the portal's home page, every block filled,
        news on distinct days, newest first."""
        root = demo_portal["zh-cn"]
        assert root["front-page"].getLayout() == "portal-home"
        request = getRequest()
        alsoProvides(request, IZhengwuLayer)
        view = HomeView(root["front-page"], request)
        news = view.news()["entries"]
        assert len(news) == len(demo_site.NEWS) >= 6
        dates = [e["date"] for e in news]
        assert dates == sorted(set(dates), reverse=True)  # distinct, newest first
        assert [e["title"] for e in view.notices()["entries"]] == [
            title for _id, title, *_rest in demo_site.NOTICES
        ]
        assert len(view.policies()["entries"]) == 7
        assert len(view.interpretations()["entries"]) == len(demo_site.INTERPRETATIONS)
        assert view.services()["entries"] and view.interaction()["messages"]
        assert [t["title"] for t in view.topics()] == [t for _id, t, *_ in demo_site.TOPICS]
        szf = root["xxgk"]["szf"]
        assert [r.to_object.getId() for r in szf["zwgk-yd"].interpretations] == ["jd-zwgk-yd"]
        for column in (root["xwzx"], root["xwzx"]["tzgg"], root["xxgk"]["zcjd"]):
            assert column.getLayout() == "news-listing"
        html = root["front-page"].restrictedTraverse("@@portal-home")()
        assert all(e["title"] in html for e in news)

    def test_sections_have_column_types(self, demo_portal):
        root = demo_portal["zh-cn"]
        found = {b.getPath().split("/zh-cn/")[1]: b.column_type for b in columns(root)}
        assert found["xwzx"] == "news"
        assert found["xwzx/tzgg"] == "notice"
        assert found["xxgk/zcjd"] == "interpretation"
        assert found["ztzl"] == "topic"
        assert found["bsfw"] == "service"
        assert found["hdjl"] == "interaction"
        assert {found[p] for p in found if p.startswith("xxgk/")} == {"policy", "interpretation"}
        assert {found[p] for p in found if p.startswith("hdjl/")} == {"interaction"}

    def test_applying_it_twice_changes_nothing(self, demo_portal):
        before = sorted(demo_portal["zh-cn"].objectIds())
        applyProfile(demo_portal, "zhengwu:demo")
        assert sorted(demo_portal["zh-cn"].objectIds()) == before

    def test_disclosure_catalogs(self, demo_portal):
        section = demo_portal["zh-cn"]["xxgk"]
        assert {c for c, *_ in disclosure_demo.CATALOGS} <= set(section.objectIds())
        items = api.content.find(portal_type="DisclosureItem", review_state="published")
        assert len(items) == len(disclosure_demo.ITEMS) >= 30
        assert len({b.topic[:2] for b in items}) >= 8  # across topics
        # and departments
        assert len({b.issuing_organ for b in items}) == len(disclosure_demo.CATALOGS)
        assert len({b.index_number for b in items}) == len(items)
        szf = section["szf"]
        old = szf["yjya-2020"]
        assert old.validity == "repealed" and old.superseded_by.to_object == szf["yjya-2026"]
        assert szf["yshj-ssyj"].interpretations[0].to_object == szf["yshj-jd"]
        # every item went through the three reviews
        history = [
            h["action"]
            for h in section["czj"]["ys-2026"].workflow_history["zhengwu_review_workflow"]
        ]
        assert history[-4:] == ["submit", "approve_first", "approve_second", "publish"]

    def test_service_guides(self, demo_portal):
        section = demo_portal["zh-cn"]["bsfw"]
        assert section.getLayout() == "service-guide-index"
        guides = api.content.find(portal_type="ServiceGuide", review_state="published")
        assert len(guides) == len(guides_demo.GUIDES) >= 12
        assert len({b.implementing_agency for b in guides}) >= 5  # across departments
        assert len({t for b in guides for t in b.themes}) >= 10  # and themes
        for brain in guides:
            guide = brain.getObject()
            assert completeness.missing(guide) == [], guide.getId()
        assert section["hkqr"].materials[0].blank_form.filename == "户口迁入申请表.pdf"
        history = [h["action"] for h in section["hkqr"].workflow_history["zhengwu_review_workflow"]]
        assert history[-4:] == ["submit", "approve_first", "approve_second", "publish"]

    def test_mailboxes(self, demo_portal):
        boxes = set(demo_portal["zh-cn"]["hdjl"].objectIds())
        assert {b for b, *_ in petitions_demo.BOXES} <= boxes
        check_mailboxes()

    def test_disclosure_requests(self, demo_portal):
        check_requests(demo_portal)

    def test_the_survey(self, demo_portal):
        """One survey, online through the reviews, with answers and its
        summary published (zhengwu.demo.surveys)."""
        from zhengwu.demo import surveys as surveys_demo
        from zhengwu.participation import survey as surveys
        from zhengwu.participation.survey_summary import summary

        survey = demo_portal["zh-cn"]["hdjl"][surveys_demo.SURVEY_ID]
        assert api.content.get_state(survey) == "published"
        history = [h["action"] for h in survey.workflow_history["zhengwu_review_workflow"]]
        assert history[-4:] == ["submit", "approve_first", "approve_second", "publish"]
        assert surveys.is_open(survey)
        assert surveys.published_summary(survey)["by"] == "approver"
        data = summary(survey)
        assert data["total"] == len(surveys_demo.ANSWERS)
        counts = {o["title"]: o["count"] for o in data["questions"][0]["options"]}
        assert counts["满意"] == 3

    def test_the_interviews(self, demo_portal):
        """A past interview with its pairs and transcript, a scheduled one
        with questions waiting (zhengwu.demo.interviews)."""
        from zhengwu.demo import interviews as interviews_demo
        from zhengwu.participation import interview as interviews
        from zhengwu.participation import interview_questions as questions

        section = demo_portal["zh-cn"]["hdjl"]
        past, scheduled = section[interviews_demo.PAST_ID], section[interviews_demo.SCHEDULED_ID]
        for interview in (past, scheduled):
            assert api.content.get_state(interview) == "published"
        assert interviews.phase(past) == "past" and past.transcript
        assert len(questions.public_data(past)["pairs"]) == len(interviews_demo.PAIRS)
        assert interviews.phase(scheduled) == "scheduled"
        waiting = questions.moderator_questions(scheduled, "pending")
        assert len(waiting) == len(interviews_demo.WAITING)
        assert questions.public_data(scheduled)["questions"] == []

    def test_consultations(self, demo_portal):
        check_consultations(demo_portal)

    def test_the_english_site(self, demo_portal):
        """/en has a home page, the sections and the news, published and
        linked to their Chinese originals (the language switch)."""
        from plone.app.multilingual.interfaces import ITranslationManager
        from zhengwu.demo import english

        en = demo_portal["en"]
        assert en.getDefaultPage() == "front-page"
        for chinese_id, (en_id, *_rest) in english.SECTIONS.items():
            section = en[en_id]
            assert api.content.get_state(section) == "published"
            assert section.column_type == demo_portal["zh-cn"][chinese_id].column_type
            manager = ITranslationManager(demo_portal["zh-cn"][chinese_id])
            assert manager.get_translation("en") == section
        news = en["news"]
        assert len(news.objectIds()) == len(english.NEWS)
        for obj in [en["front-page"], *news.objectValues()]:
            assert api.content.get_state(obj) == "published"
            assert obj.Language() == "en"

    def test_everything_in_a_language_folder_has_its_language(self, demo_portal):
        """The demo is made by a profile, where plone.app.multilingual's own
        subscriber does not run (zhengwu.site.languages sets it): every
        indexed item under /zh-cn is zh-cn, under /en en (citizens' records
        aside: messages, requests, opinions), so navigation and
        ``Language=`` searches find the demo."""
        catalog = demo_portal.portal_catalog
        for language in ("zh-cn", "en"):
            path = "/".join(demo_portal[language].getPhysicalPath())
            found = Counter(
                b.Language
                for b in catalog.unrestrictedSearchResults(path={"query": path, "depth": -1})
                # citizens' records (ICitizenRecord) keep no language
                if b.portal_type not in ("Petition", "DisclosureRequest", "Opinion", "LRF")
                and "/assets" not in b.getPath()
            )
            assert set(found) == {language}, (language, found)
        catalogs = catalog.unrestrictedSearchResults(portal_type="DisclosureCatalog")
        in_chinese = catalog.unrestrictedSearchResults(
            portal_type="DisclosureCatalog", Language="zh-cn"
        )
        assert len(catalogs) > 1 and len(in_chinese) == len(
            [
                b
                for b in catalogs
                if b.getPath().startswith(f"{demo_portal.absolute_url_path()}/zh-cn/")
            ]
        )


def check_consultations(portal):
    """One open consultation with opinions (some published), one concluded
    with its feedback published through the three reviews."""
    section = portal["zh-cn"]["hdjl"]["yjzj"]
    assert section.getLayout() == "consultation-index"
    concluded = section[consultations_demo.CONCLUDED["id"]]
    assert api.content.get_state(concluded) == "published"
    assert consultation.phase(concluded) == consultation.CONCLUDED
    feedback = concluded[consultations_demo.FEEDBACK["id"]]
    history = [h["action"] for h in feedback.workflow_history["zhengwu_review_workflow"]]
    assert history[-4:] == ["submit", "approve_first", "approve_second", "publish"]
    assert len(feedback.decision_rows()) == 3
    opinions = api.content.find(portal_type="Opinion", unrestricted=True)
    states = [api.content.get_state(b._unrestrictedGetObject()) for b in opinions]
    assert len(opinions) == len(consultations_demo.OPINIONS)
    assert {"published", "pending", "refused"} <= set(states)


def test_no_other_test_sees_the_demo(portal):
    """The demo's layer is torn down after its class: the integration
    portal every other test uses has neither demo content nor demo users."""
    root = portal["zh-cn"]
    assert not {"departments", "xxgk", "bsfw", "hdjl", "xwzx"} & set(root.objectIds())
    assert api.user.get(username="reviewer1") is None
    assert not api.content.find(portal_type=["PetitionBox", "DisclosureCatalog"])


@pytest.mark.parametrize(
    "when",
    ["2027-01-15T09:00+08:00", "2027-12-31T23:30+08:00"],
    ids=["mid-january", "new-years-eve"],
)
def test_the_demo_across_the_year_end(portal, set_clock, when):
    """Built on either side of a year end, the demo's figures still add up."""
    set_clock(when)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    applyProfile(portal, "zhengwu:demo")
    check_mailboxes()
    check_requests(portal)
    check_consultations(portal)
