"""The REST API over a real WSGI server: Anonymous reads what is published,
nothing else; bad input answers 400 naming the field."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.helpers import body
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


@pytest.fixture
def site(functional_portal):
    return functional_portal.absolute_url()


def test_anonymous_reads_the_site_root(site):
    response = requests.get(site, headers=JSON, timeout=30)
    assert response.status_code == 200
    assert response.json()["@id"] == site


def test_anonymous_is_refused_private_content(site):
    response = requests.post(
        f"{site}/zh-cn",
        json={"@type": "Document", "id": "draft", "title": "草稿"},
        headers=JSON,
        auth=ADMIN,
        timeout=30,
    )
    assert response.status_code == 201
    assert requests.get(f"{site}/zh-cn/draft", headers=JSON, timeout=30).status_code in (401, 404)
    assert (
        requests.get(f"{site}/zh-cn/draft", headers=JSON, auth=ADMIN, timeout=30).status_code == 200
    )
    search = requests.get(
        f"{site}/@search", params={"SearchableText": "草稿"}, headers=JSON, timeout=30
    )
    assert search.json()["items_total"] == 0


def test_anonymous_reads_published_content(site, functional_portal):
    from tests.helpers import make_item

    page = make_item(functional_portal, "published", title="公开")
    transaction.commit()
    response = requests.get(page.absolute_url(), headers=JSON, timeout=30)
    assert response.status_code == 200
    assert response.json()["title"] == "公开"


def test_bad_department_code_is_a_400_naming_the_field(site):
    response = requests.post(
        f"{site}/zh-cn",
        json={"@type": "Department", "title": "示例局", "organization_code": "12345"},
        headers=JSON,
        auth=ADMIN,
        timeout=30,
    )
    assert response.status_code == 400
    assert "organization_code" in body(response)
    # and nothing was created
    listing = requests.get(f"{site}/zh-cn", headers=JSON, auth=ADMIN, timeout=30).json()
    assert not [i for i in listing["items"] if i["title"] == "示例局"]


def test_department_over_rest(site):
    response = requests.post(
        f"{site}/zh-cn",
        json={
            "@type": "Department",
            "id": "czj",
            "title": "示例市财政局",
            "organization_code": "11999900MB0000050M",
        },
        headers=JSON,
        auth=ADMIN,
        timeout=30,
    )
    assert response.status_code == 201, response.text
    assert response.json()["organization_code"] == "11999900MB0000050M"
    groups = requests.get(
        f"{site}/@groups", params={"query": "czj-"}, headers=JSON, auth=ADMIN, timeout=30
    ).json()
    assert {g["id"] for g in groups} >= {
        "czj-editors",
        "czj-first-reviewers",
        "czj-final-approvers",
    }


def test_site_identity_endpoint_and_control_panel(site):
    values = {
        "sponsor": "示例市人民政府办公室",
        "site_code": "9999000001",
        "police_number": "示公网安备99010002000001号",
    }
    response = requests.patch(
        f"{site}/@controlpanels/zhengwu-site-identity",
        json=values,
        headers=JSON,
        auth=ADMIN,
        timeout=30,
    )
    assert response.status_code == 204, response.text
    identity = requests.get(f"{site}/@site-identity", headers=JSON, timeout=30).json()
    assert identity["sponsor"] == "示例市人民政府办公室"
    assert identity["police_url"].endswith("recordcode=99010002000001")


def test_bad_site_code_is_a_400(site):
    response = requests.patch(
        f"{site}/@controlpanels/zhengwu-site-identity",
        json={"site_code": "12"},
        headers=JSON,
        auth=ADMIN,
        timeout=30,
    )
    assert response.status_code == 400
    assert "site_code" in body(response)


def test_anonymous_cannot_change_the_identity(site):
    response = requests.patch(
        f"{site}/@controlpanels/zhengwu-site-identity",
        json={"sponsor": "x"},
        headers=JSON,
        timeout=30,
    )
    assert response.status_code == 401
