"""The demo profile builds 示例市人民政府 (tests of other features never use it)."""

from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zhengwu.site import demo
import pytest


@pytest.fixture
def demo_portal(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    applyProfile(portal, "zhengwu:demo")
    return portal


def test_departments(demo_portal):
    folder = demo_portal["zh-cn"]["departments"]
    assert [d for d, *_ in demo.DEPARTMENTS] == list(folder.objectIds())
    assert folder["fgw"].organization_code == "11999900MB0000020J"


ROLE_OF_SUFFIX = {
    "editors": "Editor",
    "first-reviewers": "FirstReviewer",
    "second-reviewers": "SecondReviewer",
    "final-approvers": "FinalApprover",
    "petition-handlers": "PetitionHandler",
    "responders": "DepartmentResponder",
    "disclosure-officers": "DisclosureOfficer",
}


def test_a_user_for_every_role(demo_portal):
    # One test for all users: applying the demo is what takes the time.
    for userid, _name, dept_id, suffix, site_roles in demo.USERS:
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


def test_every_government_role_has_a_demo_user(demo_portal):
    from zhengwu.site.roles import GOVERNMENT_ROLES

    covered = {ROLE_OF_SUFFIX[suffix] for *_, suffix, _roles in demo.USERS if suffix}
    assert set(GOVERNMENT_ROLES) <= covered


def test_identity_and_front_page(demo_portal):
    assert api.portal.get_registry_record("zhengwu.identity.site_code") == "9999000001"
    root = demo_portal["zh-cn"]
    assert root.getDefaultPage() == "front-page"
    assert api.content.get_state(root["front-page"]) == "published"
    assert api.content.get_state(root["xwzx"]["zwgk-gzhy"]) == "published"


def test_applying_it_twice_changes_nothing(demo_portal):
    before = sorted(demo_portal["zh-cn"].objectIds())
    applyProfile(demo_portal, "zhengwu:demo")
    assert sorted(demo_portal["zh-cn"].objectIds()) == before


def test_disclosure_catalogs(demo_portal):
    from zhengwu.disclosure import demo as disclosure_demo

    section = demo_portal["zh-cn"]["xxgk"]
    assert {c for c, *_ in disclosure_demo.CATALOGS} <= set(section.objectIds())
    items = api.content.find(portal_type="DisclosureItem", review_state="published")
    assert len(items) == len(disclosure_demo.ITEMS) >= 30
    assert len({b.topic[:2] for b in items}) >= 8  # across topics
    assert len({b.issuing_organ for b in items}) == len(disclosure_demo.CATALOGS)  # and departments
    assert len({b.index_number for b in items}) == len(items)
    old = section["szf"]["yjya-2020"]
    assert old.validity == "repealed" and old.superseded_by.to_object == section["szf"]["yjya-2026"]
    assert section["szf"]["yshj-ssyj"].interpretations[0].to_object == section["szf"]["yshj-jd"]
    # every item went through the three reviews
    history = [
        h["action"] for h in section["czj"]["ys-2026"].workflow_history["zhengwu_review_workflow"]
    ]
    assert history[-4:] == ["submit", "approve_first", "approve_second", "publish"]


def test_service_guides(demo_portal):
    from zhengwu.guides import completeness
    from zhengwu.guides import demo as guides_demo

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


def test_mailboxes(demo_portal):
    from zhengwu.petitions import demo as petitions_demo
    from zhengwu.petitions import stats

    section = demo_portal["zh-cn"]["hdjl"]
    assert {b for b, *_ in petitions_demo.BOXES} <= set(section.objectIds())
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
    assert stats.figures() and stats.alarm()  # an 80-day-old consultation waits


def test_disclosure_requests(demo_portal):
    from zhengwu.requests import demo as requests_demo
    from zhengwu.requests import report
    from zhengwu.requests import worklist
    from zhengwu.workdays.calendar import today
    from zope.globalrequest import getRequest

    found = api.content.find(portal_type="DisclosureRequest")
    assert len(found) == len(requests_demo.REQUESTS)
    assert {b.review_state for b in found} == {s for s, *_ in requests_demo.REQUESTS}
    with api.env.adopt_user(username="officer"):
        waiting = worklist.entries(demo_portal, getRequest())
    assert {w["review_state"]["token"] for w in waiting} >= {"received", "extended", "consulting"}
    this_year = report.count_requests(today().year)
    assert this_year["answered"]["total"] >= 3 and report.balanced(this_year)
    last_year = report.count_requests(today().year - 1)
    assert last_year["disclosed"]["total"] == 1
    documents = report.count_documents(today().year)
    assert documents["normative"]["issued"] >= 3
