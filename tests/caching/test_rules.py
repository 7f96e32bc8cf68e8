"""The caching rules (issue 16, item 2; docs/operations.md, Caching).

Published content read by Anonymous is kept by a caching proxy (``s-maxage``)
and revalidated by browsers (``max-age=0`` with an ETag, 304 when unchanged);
what is personal or for one user — worklists, status look-ups by code,
citizens' records and their files and letters, control panels, the audit
log, supervision, review queues, login, the answers to submissions — is
never publicly cacheable, for Anonymous and for the officials who may read
it; an official's GET of a public page is private too.
"""

from plone import api
from tests.disclosure.helpers import make_catalog as make_disclosure_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from tests.helpers import auth
from tests.helpers import make_item
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from tests.petitions.helpers import MESSAGE
from tests.requests.helpers import APPLICATION
from tests.requests.helpers import make_catalog as make_request_catalog
from tests.requests.helpers import make_request
from zope.globalrequest import setRequest
import pytest
import requests
import transaction


def directives(response):
    """Cache-Control as ``{directive: value or None}``."""
    found = {}
    for part in response.headers.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            found[name.lower()] = value or None
    return found


def shared_cacheable(response):
    """Whether a caching proxy may keep the answer for other readers: no
    Cache-Control at all (the proxy's default lifetime applies), or one
    without ``private``/``no-store`` that allows a lifetime."""
    cc = directives(response)
    if not cc:
        return True
    if "private" in cc or "no-store" in cc:
        return False
    return "public" in cc or int(cc.get("s-maxage") or 0) > 0 or int(cc.get("max-age") or 0) > 0


def assert_never_cached(response, where):
    assert not shared_cacheable(response), (where, response.status_code, response.headers)
    assert "s-maxage" not in directives(response), where


def assert_proxy_cached(response, where):
    cc = directives(response)
    assert response.status_code == 200, (where, response.status_code)
    assert int(cc.get("s-maxage") or 0) > 0, (where, response.headers)
    assert "private" not in cc and "no-store" not in cc, where
    assert response.headers.get("ETag"), where
    assert "Accept" in response.headers.get("Vary", ""), where
    return cc


@pytest.fixture
def site(functional_portal):
    """Everything the rules are checked on, committed for the server:
    ``{name: object}``."""
    portal = functional_portal
    setRequest(portal.REQUEST)
    try:
        root = portal["zh-cn"]
        dept = root["dept"]
        box = make_box(portal)
        petition, petition_code = make_petition(box, state="published")
        request_catalog = make_request_catalog(portal)
        record, record_code = make_request(request_catalog, state="answered")
        disclosure_catalog = make_disclosure_catalog(portal)
        made = {
            "portal": portal,
            "root": root,
            "dept": dept,
            "page": make_item(portal, "published"),
            "news": make_item(portal, "published", portal_type="News Item", title="示例市召开会议"),
            "draft": make_item(portal, "private"),
            "catalog": disclosure_catalog,
            "disclosure": make_disclosure_item(disclosure_catalog, "published"),
            "guide": make_guide(dept, "published"),
            "box": box,
            "petition": petition,
            "petition_code": petition_code,
            "request_catalog": request_catalog,
            "record": record,
            "record_code": record_code,
        }
        transaction.commit()
    finally:
        setRequest(None)
    return made


def get(url, user="Anonymous", json=False, **kwargs):
    headers = {"Accept": "application/json"} if json else {"Accept": "text/html"}
    headers.update(kwargs.pop("headers", {}))
    return requests.get(
        url, auth=auth(user), headers=headers, allow_redirects=False, timeout=60, **kwargs
    )


def post(url, user="Anonymous", **kwargs):
    return requests.post(
        url,
        auth=auth(user),
        headers={"Accept": "application/json"},
        allow_redirects=False,
        timeout=60,
        **kwargs,
    )


# What must never be publicly cacheable: (name, path from a named object or
# the language root, JSON?, the official who may read it).
NEVER = [
    # worklists and review queues
    ("petition worklist", "root", "@@petition-worklist", False, "handler"),
    ("petition worklist (REST)", "root", "@petition-worklist", True, "handler"),
    ("petition alarm (REST)", "root", "@petition-alarm", True, "handler"),
    ("request worklist", "root", "@@disclosure-request-worklist", False, "officer"),
    ("request worklist (REST)", "root", "@disclosure-request-worklist", True, "officer"),
    ("review queue", "root", "@@review-queue", False, "chain_first"),
    # citizens' records, their files and letters
    ("petition page", "petition", "", False, "handler"),
    ("petition (REST)", "petition", "", True, "handler"),
    ("petition history (REST)", "petition", "@history", True, "handler"),
    ("petition workflow (REST)", "petition", "@workflow", True, "handler"),
    ("petition attachment", "petition", "@@attachment/0/x.pdf", False, "handler"),
    ("request page", "record", "", False, "officer"),
    ("request (REST)", "record", "", True, "officer"),
    ("request letter", "record", "@@request-letter?kind=answer", False, "officer"),
    ("request attachment", "record", "@@attachment/0/x.pdf", False, "officer"),
    ("request reply files", "record", "@@reply-attachments/0/x.pdf", False, "officer"),
    # public forms (each reader gets their own)
    ("mailbox page with its form", "box", "", False, "handler"),
    ("request form", "request_catalog", "@@disclosure-request-form", False, "officer"),
    # control panels, the audit log, supervision
    ("disclosure settings", "portal", "@@zhengwu-disclosure", False, "siteadmin"),
    ("guide settings", "portal", "@@zhengwu-guides", False, "siteadmin"),
    ("request settings", "portal", "@@zhengwu-requests", False, "siteadmin"),
    ("review settings", "portal", "@@zhengwu-review-settings", False, "siteadmin"),
    ("site identity settings", "portal", "@@zhengwu-site-identity", False, "siteadmin"),
    ("submission settings", "portal", "@@zhengwu-submissions", False, "siteadmin"),
    ("supervision settings", "portal", "@@zhengwu-supervision-settings", False, "siteadmin"),
    ("publishing checks settings", "portal", "@@zhengwu-publishing-checks", False, "siteadmin"),
    ("Traditional settings", "portal", "@@zhengwu-traditional", False, "siteadmin"),
    ("home page settings", "portal", "@@zhengwu-home-settings", False, "siteadmin"),
    ("working-day settings", "portal", "@@zhengwu-workdays", False, "siteadmin"),
    ("Plone's control panels", "portal", "@@overview-controlpanel", False, "siteadmin"),
    ("caching settings", "portal", "@@caching-controlpanel", False, "siteadmin"),
    ("audit log", "portal", "@@zhengwu-audit-log", False, "siteadmin"),
    ("audit log (REST)", "portal", "@audit-log", True, "siteadmin"),
    ("site health", "root", "@@site-health", False, "siteadmin"),
    ("site health (REST)", "root", "@site-health", True, "siteadmin"),
    ("website annual report", "root", "@@website-annual-report", False, "siteadmin"),
    ("annual report entries", "root", "@@website-annual-report-entries", False, "siteadmin"),
    ("website annual report (REST)", "root", "@website-annual-report?year=2026", True, "siteadmin"),
    ("pre-publish checks (REST)", "draft", "@prepublish-checks", True, "author"),
    ("guide report", "dept", "@@service-guide-report", False, "siteadmin"),
    ("guide report (REST)", "dept", "@service-guide-report", True, "siteadmin"),
    ("guide import", "dept", "@@import-service-guides", False, "siteadmin"),
    ("transition form", "draft", "@@zhengwu-transition?transition=submit", False, "author"),
    ("edit form", "draft", "@@edit", False, "author"),
    # login
    ("login", "root", "login", False, "author"),
    # anything without a rule of its own: the language redirect
    ("language redirect", "portal", "", False, "author"),
]


def url_of(site, base, path):
    start = site[base].absolute_url()
    return f"{start}/{path}" if path else start


@pytest.mark.parametrize("user", ["Anonymous", "official"])
def test_never_publicly_cacheable(site, user):
    """Each answer, as Anonymous (mostly refused) and as the official who
    may read it (answered), is private or not stored."""
    answered = []
    for name, base, path, json, official in NEVER:
        who = official if user == "official" else "Anonymous"
        response = get(url_of(site, base, path), who, json=json)
        assert_never_cached(response, (name, who))
        if user == "official" and response.status_code == 200:
            answered.append(name)
    if user == "official":
        # The officials are answered, not refused: the rules are tried on the
        # real pages (not on the files that these records do not have, nor on
        # the redirect, nor where Site Administrators are refused).
        refused = {
            "petition attachment",
            "request attachment",
            "request reply files",
            "language redirect",
            "caching settings",
            "review settings",
            "Traditional settings",
            "petition alarm (REST)",
            "petition history (REST)",
            "petition workflow (REST)",
        }
        assert set(answered) >= {n for n, *_ in NEVER} - refused


def test_status_look_ups_by_code_are_never_stored(site):
    """A writer's and an applicant's look-up with their code, by GET and POST:
    ``no-store``, on the page and through REST."""
    root = site["root"].absolute_url()
    petition = {
        "tracking_number": site["petition"].tracking_number,
        "query_code": site["petition_code"],
    }
    record = {
        "tracking_number": site["record"].tracking_number,
        "query_code": site["record_code"],
    }
    answers = [
        get(f"{root}/@petition-status", json=True, params=petition),
        get(f"{root}/@@petition-status", params=petition),
        requests.post(f"{root}/@@petition-status", data=petition, timeout=60),
        get(f"{root}/@disclosure-request-status", json=True, params=record),
        get(f"{root}/@@disclosure-request-status", params=record),
        get(f"{root}/@@disclosure-request-download", params=dict(record, letter="answer")),
        get(f"{root}/@petition-status", json=True, params=dict(petition, query_code="WRONG1")),
    ]
    for n, response in enumerate(answers):
        assert response.status_code == (404 if n == len(answers) - 1 else 200), n
        assert "no-store" in directives(response), (n, response.headers)
        assert not response.headers.get("ETag"), n


def test_answers_to_submissions_are_never_stored(site):
    """The answer to a submission (with its query code) and to other POSTs."""
    box = site["box"].absolute_url()
    catalog = site["request_catalog"].absolute_url()
    root = site["root"].absolute_url()
    answers = {
        "message": post(f"{box}/@petitions", json=dict(MESSAGE, title="另一条留言")),
        "request": post(f"{catalog}/@disclosure-requests", json=APPLICATION),
        "rating": post(
            f"{root}/@petition-rating",
            json={"tracking_number": "X", "query_code": "Y", "satisfaction": "satisfied"},
        ),
        "correction": post(f"{root}/@disclosure-request-correction", json={}),
        "login": post(
            f"{site['portal'].absolute_url()}/@login", json={"login": "x", "password": "y"}
        ),
        "transition": post(
            f"{site['draft'].absolute_url()}/@workflow/submit",
            user="author",
            json={"comment": "送审"},
        ),
    }
    assert answers["message"].status_code == 201
    assert answers["request"].status_code == 201
    assert "query_code" in answers["message"].json()
    for name, response in answers.items():
        assert_never_cached(response, name)
        assert "no-store" in directives(response), name


def test_public_pages_are_kept_by_the_proxy(site):
    """Anonymous HTML of the home page, a page, a news item, a disclosure
    item, a guide and the listings; REST GET of published content: a
    lifetime in the proxy, none in the browser (it revalidates)."""
    root = site["root"].absolute_url()
    pages = {
        "home": root,
        "home view": f"{root}/@@portal-home",
        "page": site["page"].absolute_url(),
        "news item": site["news"].absolute_url(),
        "disclosure item": site["disclosure"].absolute_url(),
        "guide": site["guide"].absolute_url(),
        "guide print": f"{site['guide'].absolute_url()}/print",
        "department": site["dept"].absolute_url(),
        "disclosure catalog": site["catalog"].absolute_url(),
        "guide index": f"{site['dept'].absolute_url()}/@@service-guide-index",
        "news listing": f"{site['dept'].absolute_url()}/@@news-listing",
        "statistics": f"{root}/@@petition-stats",
        "Traditional home": root.replace("/zh-cn", "/++hant++/zh-cn"),
    }
    for name, url in pages.items():
        cc = assert_proxy_cached(get(url), name)
        assert cc.get("max-age") == "0", name
    rest = {
        "news item": site["news"].absolute_url(),
        "disclosure item": site["disclosure"].absolute_url(),
        "guide": site["guide"].absolute_url(),
        "disclosure catalog": f"{root}/@disclosure-catalog",
        "guides": f"{root}/@service-guides",
        "statistics": f"{root}/@petition-stats",
        "working days": f"{site['portal'].absolute_url()}/@working-days?start=2026-06-01&days=5",
    }
    for name, url in rest.items():
        response = get(url, json=True)
        assert response.headers["Content-Type"].startswith("application/json"), name
        assert_proxy_cached(response, ("REST", name))


def test_items_longer_than_listings_files_longest(site):
    """Items are kept an hour (purged when they change), listings ten
    minutes, computed answers a minute; resources a year."""
    root = site["root"].absolute_url()
    item = directives(get(site["news"].absolute_url()))
    listing = directives(get(root))
    computed = directives(get(site["news"].absolute_url(), json=True))
    assert int(item["s-maxage"]) > int(listing["s-maxage"]) > int(computed["s-maxage"]) > 0
    home = get(root).text
    resource = next(
        part.split('"')[0] for part in home.split('href="')[1:] if "++webresource++" in part
    )
    cc = directives(get(resource))
    assert "public" in cc and int(cc["max-age"]) >= 30 * 86400


def test_officials_get_private_answers_of_public_pages(site):
    """plone.app.caching's rule for an authenticated reader: never public (the
    toolbar, the editing links and the user name are in the page)."""
    for user in ("author", "chain_final", "siteadmin"):
        for url in (
            site["root"].absolute_url(),
            site["news"].absolute_url(),
            site["disclosure"].absolute_url(),
        ):
            for json in (False, True):
                response = get(url, user, json=json)
                assert response.status_code == 200, (user, url)
                assert_never_cached(response, (user, url, json))
                assert "private" in directives(response)


def test_a_conditional_get_answers_not_modified(site):
    """The ETag (and an item's Last-Modified) a browser or the proxy kept
    answers 304 while nothing changed, 200 once something did."""
    url = site["disclosure"].absolute_url()
    first = get(url)
    etag = first.headers["ETag"]
    assert get(url, headers={"If-None-Match": etag}).status_code == 304
    # Last-Modified counts with the ETag (plone.app.caching wants both when it
    # sends both: a date alone cannot tell that the navigation changed).
    since = first.headers["Last-Modified"]
    both = {"If-None-Match": etag, "If-Modified-Since": since}
    assert get(url, headers=both).status_code == 304
    assert get(url, headers={"If-Modified-Since": since}).status_code == 200
    home = site["root"].absolute_url()
    home_etag = get(home).headers["ETag"]
    again = get(home, headers={"If-None-Match": home_etag})
    assert again.status_code == 304
    assert not again.content
    # A change anywhere in the catalog changes the ETags of the pages.
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        site["page"].title = "机构职能（修订）"
        site["page"].reindexObject()
    transaction.commit()
    assert get(home, headers={"If-None-Match": home_etag}).status_code == 200
    assert get(url, headers={"If-None-Match": etag}).status_code == 200


def test_a_draft_is_never_publicly_cached(site):
    """An official's draft: private for its author, refused to Anonymous."""
    url = site["draft"].absolute_url()
    assert_never_cached(get(url, "author"), "author")
    anonymous = get(url)
    assert anonymous.status_code in (302, 401)
    assert_never_cached(anonymous, "anonymous")


def test_an_html_page_asked_for_as_json_keeps_its_rule(site):
    """An HTML page asked for with ``Accept: application/json`` (the theme's
    step fails and plone.transformchain stops before the caching step): the
    rule is applied all the same, never an answer without Cache-Control."""
    root = site["root"].absolute_url()
    login = get(f"{root}/login", json=True)
    assert "no-store" in directives(login), login.headers
    stats = get(f"{root}/@@petition-stats", json=True)
    assert stats.status_code == 200
    assert int(directives(stats).get("s-maxage") or 0) > 0, stats.headers
    assert get(f"{root}/@@petition-stats", "handler", json=True).headers["Cache-Control"]
    assert "private" in directives(get(f"{root}/@@petition-stats", "handler", json=True))
