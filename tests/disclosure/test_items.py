"""Disclosure items over REST: every field rule answers 400 naming the field,
relations show both ways, attachments download, and Anonymous sees nothing
that is not published."""

from datetime import date
from datetime import timedelta
from plone import api
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.helpers import auth
from tests.helpers import body
from zhengwu import clock
from zhengwu.site.department_groups import department_groups
import base64
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
GOOD = {
    "@type": "DisclosureItem",
    "title": "关于进一步优化营商环境的实施意见",
    "written_date": "2026-03-01",
    "topic": "0301",
    "genre": "opinion",
    "document_number": "示政发〔2026〕7号",
}


@pytest.fixture
def catalog(functional_portal):
    found = make_catalog(functional_portal)
    transaction.commit()
    return found


def post(catalog, data, user="author"):
    return requests.post(
        catalog.absolute_url(), json=data, headers=JSON, auth=auth(user), timeout=60
    )


def test_an_editor_creates_an_item(catalog):
    response = post(catalog, GOOD)
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["index_number"] is None  # only publication assigns it
    assert data["issuing_organ"]["title"] == "测试局"  # the catalog's organ by default
    assert data["validity"]["token"] == "valid"


@pytest.mark.parametrize(
    "field, value",
    [
        ("document_number", "示政发[2026]7号"),  # square brackets
        ("document_number", "示政发（2026）7号"),  # round brackets
        ("document_number", "示政发〔2026〕07号"),  # leading zero
        ("document_number", "示政发〔2026〕第7号"),  # 第
        ("document_number", "〔2026〕7号"),  # no organ
        ("document_number", "示政发〔1800〕7号"),  # impossible year
        ("written_date", (clock.today() + timedelta(days=3)).isoformat()),
        ("topic", "99"),
        ("genre", "poem"),
        ("validity", "forever"),
    ],
)
def test_field_rules(catalog, field, value):
    response = post(catalog, dict(GOOD, **{field: value}))
    assert response.status_code == 400, response.text
    assert field in body(response)
    transaction.begin()
    assert not [o for o in catalog.objectValues() if o.portal_type == "DisclosureItem"]


def test_document_number_message_says_how_to_write_it(catalog):
    response = post(catalog, dict(GOOD, document_number="示政发[2026]7号"))
    assert "〔" in response.json()["error"]["message"]


def test_required_fields(catalog):
    data = {k: v for k, v in GOOD.items() if k not in ("topic", "written_date")}
    response = post(catalog, data)
    assert response.status_code == 400
    assert "topic" in body(response) and "written_date" in body(response)


def test_index_number_cannot_be_written(catalog):
    response = post(catalog, dict(GOOD, index_number="FAKE/2026-00001"))
    assert response.status_code == 201
    assert response.json()["index_number"] is None


def test_repealing_requires_a_date_and_the_superseding_item(catalog):
    # (the message is in the site's language: Chinese once the catalogs are compiled)
    response = post(catalog, dict(GOOD, validity="repealed"))
    assert response.status_code == 400
    message = body(response)
    assert "date" in message or "日期" in message
    response = post(catalog, dict(GOOD, validity="repealed", validity_date="2026-05-01"))
    assert response.status_code == 400
    message = body(response)
    assert "supersedes" in message or "替代" in message
    response = post(catalog, dict(GOOD, validity="expired", validity_date="2026-05-01"))
    assert response.status_code == 201  # expiry names no successor


def test_validity_supersede_and_interpretations_both_ways(functional_portal):
    catalog = make_catalog(functional_portal)
    new = make_disclosure_item(catalog, "published", title="示例市住房公积金管理办法（2026年修订）")
    reading = make_disclosure_item(
        catalog, "published", title="《示例市住房公积金管理办法》政策解读", genre="other"
    )
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds
    from zope.lifecycleevent import modified

    intids = getUtility(IIntIds)
    with api.env.adopt_user(username="author"):
        old = api.content.create(
            container=catalog,
            type="DisclosureItem",
            id="old",
            title="示例市住房公积金管理办法",
            written_date=date(2019, 1, 1),
            topic="1002",
            genre="notice",
            validity="repealed",
            validity_date=date(2026, 4, 1),
            superseded_by=RelationValue(intids.getId(new)),
            interpretations=[RelationValue(intids.getId(reading))],
        )
        modified(old)
    transaction.commit()
    old_url, new_url, reading_url = old.absolute_url(), new.absolute_url(), reading.absolute_url()

    # The old item (private still): its author sees the notice above the text.
    html = body(requests.get(old_url, auth=auth("author"), timeout=60))
    notice = html.index("zhengwu-validity-notice")
    assert notice < html.index("zhengwu-item-record")
    assert "已废止" in html and new_url in html

    # The new item links back; the interpretation shows the document it interprets.
    for user in ("author", "Anonymous"):
        data = requests.get(new_url, headers=JSON, auth=auth(user), timeout=60).json()
        titles = [d["title"] for d in data["supersedes"]]
        # Anonymous may not see the old item while it is unpublished.
        assert titles == (["示例市住房公积金管理办法"] if user == "author" else [])
    data = requests.get(reading_url, headers=JSON, auth=auth("author"), timeout=60).json()
    assert [d["title"] for d in data["interpreted_documents"]] == ["示例市住房公积金管理办法"]
    data = requests.get(old_url, headers=JSON, auth=auth("author"), timeout=60).json()
    assert data["superseded_by"]["title"] == new.title
    assert [r["title"] for r in data["interpretations"]] == [reading.title]
    html = body(requests.get(reading_url, auth=auth("author"), timeout=60))
    assert "zhengwu-interpreted-documents" in html and old_url in html


def test_relations_never_reveal_unpublished_items(functional_portal):
    """A published item pointing at a draft shows Anonymous neither its title nor its URL."""
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    catalog = make_catalog(functional_portal)
    draft = make_disclosure_item(catalog, "private", title="尚未公开的解读草稿")
    item = make_disclosure_item(catalog, "private", title="公开的文件")
    item.interpretations = [RelationValue(getUtility(IIntIds).getId(draft))]
    item.superseded_by = RelationValue(getUtility(IIntIds).getId(draft))
    from tests.helpers import PATH_TO

    for transition, userid in PATH_TO["published"]:
        with api.env.adopt_user(username=userid):
            api.content.transition(item, transition=transition, comment="测试")
    transaction.commit()
    response = requests.get(item.absolute_url(), headers=JSON, timeout=60)
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "公开的文件"  # the JSON is decoded: a leak would show
    assert data["interpretations"] == [] and data["superseded_by"] is None
    assert "尚未公开的解读草稿" not in body(response)
    assert draft.absolute_url() not in body(response)
    # the author, who may view the draft, does see it: the check above can see a title
    seen = requests.get(item.absolute_url(), headers=JSON, auth=auth("author"), timeout=60)
    assert "尚未公开的解读草稿" in body(seen)
    page = requests.get(item.absolute_url(), timeout=60)
    assert "公开的文件" in body(page)
    assert "尚未公开的解读草稿" not in body(page)


def test_attachments_upload_and_download(catalog):
    pdf = b"%PDF-1.4 test document"
    data = dict(
        GOOD,
        attachments=[
            {
                "data": base64.b64encode(pdf).decode(),
                "encoding": "base64",
                "filename": "附件1.pdf",
                "content-type": "application/pdf",
            }
        ],
    )
    response = post(catalog, data)
    assert response.status_code == 201, response.text
    entry = response.json()["attachments"][0]
    assert entry["filename"] == "附件1.pdf"
    download = requests.get(entry["download"], auth=auth("author"), timeout=60)
    assert download.status_code == 200 and download.content == pdf
    # Anonymous may not download an unpublished item's attachment.
    anonymous = requests.get(entry["download"], timeout=60, allow_redirects=False)
    assert anonymous.status_code in (302, 401, 403, 404)
    assert pdf not in anonymous.content


def test_attachment_type_is_checked(catalog):
    data = dict(
        GOOD,
        attachments=[
            {
                "data": base64.b64encode(b"MZ").decode(),
                "encoding": "base64",
                "filename": "virus.exe",
                "content-type": "application/octet-stream",
            }
        ],
    )
    response = post(catalog, data)
    assert response.status_code == 400
    assert "attachments" in body(response)


@pytest.mark.parametrize(
    "state", ["private", "pending_first", "pending_second", "pending_final", "withdrawn"]
)
def test_anonymous_never_reads_an_unpublished_item(functional_portal, state):
    catalog = make_catalog(functional_portal)
    item = make_disclosure_item(catalog, state, title="不应公开的文件")
    transaction.commit()
    assert requests.get(item.absolute_url(), headers=JSON, timeout=60).status_code in (401, 403)
    html = requests.get(item.absolute_url(), timeout=60, allow_redirects=False)
    assert html.status_code in (302, 401, 403)
    assert "不应公开的文件" not in body(html)
    search = requests.get(
        f"{functional_portal.absolute_url()}/@search",
        params={"SearchableText": "不应公开", "fullobjects": 1},
        headers=JSON,
        timeout=60,
    ).json()
    assert search["items_total"] == 0


@pytest.mark.parametrize(
    "state, user, may_edit",
    [
        ("private", "author", True),
        ("private", "member", False),
        ("pending_first", "author", False),
        ("pending_final", "final", False),
        ("published", "author", False),
        ("published", "final", False),
        ("published", "siteadmin", False),
    ],
)
def test_items_are_frozen_under_review_and_once_published(functional_portal, state, user, may_edit):
    """DisclosureItem follows zhengwu_review_workflow (docs/permissions.md)."""
    assert functional_portal.portal_workflow.getChainForPortalType("DisclosureItem") == (
        "zhengwu_review_workflow",
    )
    catalog = make_catalog(functional_portal)
    item = make_disclosure_item(catalog, state)
    transaction.commit()
    response = requests.patch(
        item.absolute_url(),
        json={"title": "被改动的标题"},
        headers=JSON,
        auth=auth(user),
        timeout=60,
    )
    assert (response.status_code == 204) is may_edit, response.text


def test_the_author_cannot_approve_their_own_item(functional_portal):
    """Separation of duties, not a missing role, refuses the author: here the
    author also holds FirstReviewer in the department (through its group),
    and another first reviewer may approve the same item."""
    catalog = make_catalog(functional_portal)
    item = make_disclosure_item(catalog, "pending_first")
    dept = functional_portal["zh-cn"]["dept"]
    api.group.add_user(groupname=department_groups(dept)["first-reviewers"], username="author")
    transaction.commit()
    assert "FirstReviewer" in api.user.get_roles(username="author", obj=item)
    url = f"{item.absolute_url()}/@workflow/approve_first"
    response = requests.post(
        url, json={"comment": "自己批"}, headers=JSON, auth=auth("author"), timeout=60
    )
    assert response.status_code == 403, response.text
    assert response.json()["error"]["type"] == "SeparationOfDuties"
    transaction.begin()
    assert api.content.get_state(item) == "pending_first"
    response = requests.post(
        url, json={"comment": "同意"}, headers=JSON, auth=auth("first"), timeout=60
    )
    assert response.status_code == 200, response.text
    transaction.begin()
    assert api.content.get_state(item) == "pending_second"
