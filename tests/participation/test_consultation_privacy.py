"""A commenter's contact reaches the drafting department's handlers only,
on every channel: pages, REST, search, catalog, feeds, sitemap; nobody
finds an opinion by its commenter's name or contact."""

from plone import api
from plone.base.interfaces.syndication import IFeedSettings
from tests.helpers import auth
from tests.helpers import body
from tests.participation.consultation_helpers import add_opinion
from tests.participation.consultation_helpers import CONTACT
from tests.participation.consultation_helpers import make_consultation
import gzip
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}


@pytest.fixture
def published(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.enable_sitemap", True)
    consultation = make_consultation(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        IFeedSettings(consultation).enabled = True
    opinion = add_opinion(consultation, "published")
    pending = add_opinion(
        consultation, "pending", text="尚未审核的意见", contact="pending@example.com"
    )
    transaction.commit()
    return consultation, opinion, pending


def channels(site, consultation, opinion, userid=None):
    def get(url, **kw):
        return requests.get(url, auth=auth(userid) if userid else None, timeout=60, **kw)

    return {
        "consultation page": get(consultation.absolute_url()),
        "opinion page": get(opinion.absolute_url()),
        "consultation rest": get(consultation.absolute_url(), headers=JSON),
        "opinion rest": get(opinion.absolute_url(), headers=JSON),
        "opinions": get(f"{consultation.absolute_url()}/@opinions", headers=JSON),
        "consultations": get(f"{site}/@consultations", headers=JSON),
        "search fullobjects": get(
            f"{site}/@search", params={"portal_type": "Opinion", "fullobjects": 1}, headers=JSON
        ),
        "search all metadata": get(
            f"{site}/@search",
            params={"portal_type": "Opinion", "metadata_fields": "_all"},
            headers=JSON,
        ),
        "rss": get(f"{consultation.absolute_url()}/RSS"),
        "atom": get(f"{consultation.absolute_url()}/atom.xml"),
    }


@pytest.mark.parametrize("userid", [None, "member", "author", "final", "siteadmin", "responder2"])
def test_no_contact_on_any_channel(published, functional_portal, userid):
    consultation, opinion, _pending = published
    site = functional_portal.absolute_url()
    found = channels(site, consultation, opinion, userid)
    for name, response in found.items():
        assert response.status_code == 200, (name, response.status_code)
        text = body(response)
        assert CONTACT not in text, name
        assert "pending@example.com" not in text, name
        if userid != "siteadmin":  # administrators see pending opinions, never contacts
            assert "尚未审核的意见" not in text, name
    assert opinion.text in body(found["consultation page"])
    assert opinion.text in body(found["opinions"])
    assert opinion.tracking_number in body(found["rss"])


def test_the_sitemap_lists_published_opinions_only_without_contact(published, functional_portal):
    consultation, opinion, pending = published
    response = requests.get(
        f"{functional_portal.absolute_url()}/sitemap.xml.gz", params={"page": 1}, timeout=60
    )
    assert response.status_code == 200
    entries = gzip.decompress(response.content).decode("utf-8")
    assert opinion.absolute_url() in entries
    assert pending.absolute_url() not in entries
    assert CONTACT not in entries


def test_handlers_read_the_contact(published, functional_portal):
    consultation, opinion, pending = published
    for userid in ("handler", "handler2"):
        rest = requests.get(opinion.absolute_url(), headers=JSON, auth=auth(userid), timeout=60)
        assert rest.json()["contact"] == CONTACT
        page = requests.get(
            f"{consultation.absolute_url()}/@@consultation-moderation",
            auth=auth(userid),
            timeout=60,
        )
        assert CONTACT in body(page) and "pending@example.com" in body(page)
        assert page.headers["Cache-Control"].startswith("private, no-store")


@pytest.mark.parametrize("userid", ["author", "siteadmin", "final"])
def test_the_moderation_page_shows_others_no_contact(published, userid):
    consultation, _opinion, _pending = published
    page = requests.get(
        f"{consultation.absolute_url()}/@@consultation-moderation", auth=auth(userid), timeout=60
    )
    text = body(page)
    assert CONTACT not in text and "pending@example.com" not in text


@pytest.mark.parametrize("term", ["王先生", CONTACT, "pending@example.com"])
def test_nobody_finds_an_opinion_by_its_commenter(published, functional_portal, term):
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.unrestrictedSearchResults(SearchableText=term, portal_type="Opinion")
    for userid in ("handler", "Anonymous"):
        found = requests.get(
            f"{functional_portal.absolute_url()}/@search",
            params={"SearchableText": term},
            headers=JSON,
            auth=auth(userid),
            timeout=60,
        ).json()
        assert found["items_total"] == 0


def test_published_words_are_found_pending_ones_not(published):
    _consultation, opinion, pending = published
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog.unrestrictedSearchResults(SearchableText="公交站台", UID=opinion.UID())
    assert not catalog.unrestrictedSearchResults(SearchableText="尚未审核", portal_type="Opinion")
    assert catalog.unrestrictedSearchResults(SearchableText=pending.tracking_number)


def test_catalog_holds_no_contact(published):
    _consultation, opinion, pending = published
    catalog = api.portal.get_tool("portal_catalog")
    for obj in (opinion, pending):
        (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
        rid = brain.getRID()
        values = " ".join(str(v) for v in catalog.getMetadataForRID(rid).values())
        values += " ".join(str(v) for v in catalog.getIndexDataForRID(rid).values())
        for private in (CONTACT, "pending@example.com", "王先生"):
            assert private not in values


def test_no_view_reads_an_opinion_its_reader_may_not_see(published):
    _consultation, _opinion, pending = published
    for path in ("/@@plone_context_state/object_title", "/@@opinion-view", "/getId", "/text"):
        for userid in ("Anonymous", "member", "author"):
            response = requests.get(
                pending.absolute_url() + path, auth=auth(userid), timeout=60, allow_redirects=False
            )
            assert response.status_code in (302, 401, 403, 404), (path, userid)


def test_handlers_export_the_opinions_with_contacts(published):
    consultation, opinion, pending = published
    url = f"{consultation.absolute_url()}/@@consultation-opinions.csv"
    response = requests.get(url, auth=auth("handler"), timeout=60)
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("private, no-store")
    text = response.content.decode("utf-8-sig")
    assert opinion.tracking_number in text and pending.tracking_number in text
    assert CONTACT in text and "pending@example.com" in text
    for userid in (None, "member", "author", "siteadmin", "final"):
        refused = requests.get(
            url, auth=auth(userid) if userid else None, timeout=60, allow_redirects=False
        )
        assert refused.status_code in (302, 401, 403), userid
        assert CONTACT not in body(refused)


def test_the_export_neutralises_formulas(functional_portal):
    consultation = make_consultation(functional_portal)
    add_opinion(consultation, text='=HYPERLINK("http://evil")')
    transaction.commit()
    text = requests.get(
        f"{consultation.absolute_url()}/@@consultation-opinions.csv",
        auth=auth("handler"),
        timeout=60,
    ).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
