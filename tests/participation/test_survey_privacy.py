"""Survey answers are the department's: Anonymous (and any reader outside
the department's editors and the administrators) never reaches one, on any
channel — the page, REST, easyform's saved-data pages and downloads, the
CSV export, search, catalog metadata, feeds and the sitemap."""

from plone import api
from tests.helpers import auth
from tests.helpers import body
from tests.participation.survey_helpers import answer
from tests.participation.survey_helpers import make_survey
from tests.participation.survey_helpers import publish_summary
import gzip
import json
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}
SECRET = ("13912345678", "独一无二的建议文字")


@pytest.fixture
def answered(functional_portal):
    survey = make_survey(functional_portal)
    answer(survey, satisfaction="满意", suggestion=SECRET[1], phone=SECRET[0])
    publish_summary(survey)
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.enable_sitemap", True)
    survey.reindexObject()
    transaction.commit()
    return survey


def channels(survey, site, user):
    url = survey.absolute_url()
    get = lambda address, **options: requests.get(  # noqa: E731
        address, auth=auth(user), timeout=60, allow_redirects=False, **options
    )
    return {
        "page": get(url),
        "rest": get(url, headers=JSON),
        "summary page": get(f"{url}/@@survey-summary"),
        "summary rest": get(f"{url}/@survey-summary", headers=JSON),
        "saveddata": get(f"{url}/@@saveddata"),
        "action data": get(f"{url}/actions/answers/@@data"),
        "csv": get(f"{url}/@@survey-answers-csv"),
        "search": get(
            f"{site}/@search", params={"portal_type": "EasyForm", "fullobjects": 1}, headers=JSON
        ),
        "search all metadata": get(
            f"{site}/@search",
            params={"portal_type": "EasyForm", "metadata_fields": "_all"},
            headers=JSON,
        ),
        "search text": get(f"{site}/@search", params={"SearchableText": SECRET[1]}, headers=JSON),
        "rss": get(f"{survey.aq_parent.absolute_url()}/RSS"),
    }


@pytest.mark.parametrize("user", ["Anonymous", "member", "first", "final", "responder2"])
def test_outside_the_department_nobody_reaches_an_answer(answered, functional_portal, user):
    site = functional_portal.absolute_url()
    for name, response in channels(answered, site, user).items():
        text = body(response)
        for value in SECRET:
            assert value not in text, (name, user, response.status_code)
    # the public page and the published summary are there
    page = requests.get(answered.absolute_url(), auth=auth(user), timeout=60)
    assert page.status_code == 200
    assert "政务服务满意度调查" in body(page)


@pytest.mark.parametrize("user", ["editor", "siteadmin"])
def test_the_department_reads_the_answers(answered, functional_portal, user):
    site = functional_portal.absolute_url()
    found = channels(answered, site, user)
    assert found["csv"].status_code == 200
    assert SECRET[0] in found["csv"].content.decode("utf-8-sig")
    # easyform's own data pages sit under its actions editor, which needs
    # "Modify portal content": a published survey is frozen, so the
    # department reads the answers through the CSV and REST.
    assert SECRET[1] in json.dumps(found["rest"].json()["savedDataStorage"], ensure_ascii=False)
    assert "savedDataStorage" in found["rest"].json()
    # even the department finds no survey by an answer's words
    assert found["search text"].json()["items_total"] == 0


def test_the_sitemap_lists_the_survey_without_answers(answered, functional_portal):
    site = functional_portal.absolute_url()
    sitemap = requests.get(f"{site}/sitemap.xml.gz", params={"page": 1}, timeout=60)
    assert sitemap.status_code == 200
    entries = gzip.decompress(sitemap.content).decode("utf-8")
    assert answered.absolute_url() in entries
    for value in SECRET:
        assert value not in entries


def test_catalog_holds_no_answer(answered):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=answered.UID())
    values = " ".join(str(v) for v in catalog.getMetadataForRID(brain.getRID()).values())
    values += " ".join(str(v) for v in catalog.getIndexDataForRID(brain.getRID()).values())
    for value in SECRET:
        assert value not in values


# Who holds easyform's "Download Saved Input" on a survey, in every review
# state: the department's editors and administrators, nobody else.
STATES = ("private", "pending_first", "pending_second", "pending_final", "published", "withdrawn")
READERS = {"editor", "author", "siteadmin"}  # author and editor: the department's editors
OTHERS = {"Anonymous", "member", "first", "second", "final", "contributor", "responder2"}


@pytest.mark.parametrize("state", STATES)
def test_who_reads_answers_in_every_state(portal, state):
    survey = make_survey(portal, state=state)
    for user in READERS | OTHERS:
        if user == "Anonymous":
            with api.env.adopt_roles(["Anonymous"]):
                allowed = api.user.has_permission(
                    "collective.easyform: Download Saved Input", obj=survey
                )
        else:
            allowed = api.user.has_permission(
                "collective.easyform: Download Saved Input", username=user, obj=survey
            )
        assert allowed == (user in READERS), (state, user)


@pytest.mark.parametrize(
    ("state", "public"),
    [(s, s == "published") for s in STATES],
)
def test_the_public_sees_a_survey_only_published(portal, state, public):
    survey = make_survey(portal, state=state)
    with api.env.adopt_roles(["Anonymous"]):
        assert bool(api.user.has_permission("View", obj=survey)) == public
