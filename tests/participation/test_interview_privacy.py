"""Questioners' contacts are the department's on every channel, and who
sees and moderates an interview in every review state."""

from plone import api
from tests.helpers import auth
from tests.helpers import body
from tests.participation.interview_helpers import make_interview
from zhengwu.participation import interview_questions as questions
from zope.globalrequest import getRequest
import gzip
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}
CONTACT, NAME = "13655556666", "提问人甲"


@pytest.fixture
def asked(functional_portal):
    interview = make_interview(functional_portal)
    question_id, errors = questions.ask(
        interview, {"text": "公开的问题", "name": NAME, "contact": CONTACT}, getRequest()
    )
    assert not errors
    questions.moderate(interview, question_id, "published")
    questions.ask(interview, {"text": "待审核的问题", "contact": "13677778888"}, getRequest())
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.enable_sitemap", True)
    transaction.commit()
    return interview


@pytest.mark.parametrize("user", ["Anonymous", "member", "first", "final", "responder2"])
def test_no_contact_and_no_waiting_question_outside_the_department(asked, functional_portal, user):
    site = functional_portal.absolute_url()
    url = asked.absolute_url()
    get = lambda address, **options: requests.get(  # noqa: E731
        address, auth=auth(user), timeout=60, allow_redirects=False, **options
    )
    channels = {
        "page": get(url),
        "rest": get(url, headers=JSON),
        "live": get(f"{url}/@@interview-live"),
        "questions": get(f"{url}/@interview-questions", headers=JSON),
        "moderate": get(f"{url}/@@interview-moderate"),
        "interviews": get(f"{site}/@interviews", headers=JSON),
        "search": get(
            f"{site}/@search",
            params={"portal_type": "Interview", "fullobjects": 1, "metadata_fields": "_all"},
            headers=JSON,
        ),
        "search text": get(f"{site}/@search", params={"SearchableText": "待审核"}, headers=JSON),
        "rss": get(f"{asked.aq_parent.absolute_url()}/RSS"),
    }
    for name, response in channels.items():
        text = body(response)
        assert CONTACT not in text and "13677778888" not in text, (name, user)
        assert "待审核的问题" not in text, (name, user)
    assert channels["page"].status_code == 200
    assert "公开的问题" in body(channels["page"])
    sitemap = requests.get(f"{site}/sitemap.xml.gz", params={"page": 1}, timeout=60)
    assert CONTACT not in gzip.decompress(sitemap.content).decode("utf-8")


@pytest.mark.parametrize("user", ["editor", "siteadmin"])
def test_the_department_moderates_and_sees_contacts(asked, user):
    page = requests.get(f"{asked.absolute_url()}/@@interview-moderate", auth=auth(user), timeout=60)
    assert page.status_code == 200
    assert "13677778888" in body(page)


STATES = ("private", "pending_first", "pending_second", "pending_final", "published", "withdrawn")


@pytest.mark.parametrize("state", STATES)
def test_the_public_sees_an_interview_only_published(portal, state):
    interview = make_interview(portal, state=state)
    with api.env.adopt_roles(["Anonymous"]):
        assert bool(api.user.has_permission("View", obj=interview)) == (state == "published")
    for user, moderates in (
        ("editor", True),
        ("author", True),
        ("final", False),
        ("member", False),
    ):
        with api.env.adopt_user(username=user):
            assert questions.may_moderate(interview) == moderates, (state, user)
