"""The guide index (page and ``@service-guides``): filters, facets, full
text, and unpublished guides invisible to Anonymous everywhere."""

from tests.guides.conftest import HIDDEN
from tests.helpers import auth
from tests.helpers import body
import pytest
import requests


JSON = {"Accept": "application/json"}


def listing(url, **params):
    response = requests.get(f"{url}/@service-guides", params=params, headers=JSON, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def titles(data):
    return sorted(item["title"] for item in data["items"])


def test_only_published_guides_are_listed(guide_folder):
    dept, _made = guide_folder
    data = listing(dept.absolute_url())
    assert titles(data) == sorted(
        ["企业设立登记", "生育登记服务", "户口迁入审批", "失业保险金申领"]
    )
    assert data["items_total"] == 4
    entry = next(i for i in data["items"] if i["title"] == "企业设立登记")
    assert entry["item_type"]["token"] == "administrative_license"
    assert entry["implementing_agency"]["title"]
    assert [t["token"] for t in entry["themes"]] == ["business_start"]
    assert entry["promised_limit_days"] == 1 and entry["online_url"].startswith("https://")


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"theme": "birth_adoption"}, ["生育登记服务"]),
        ({"theme": "social_security"}, ["失业保险金申领"]),
        ({"item_type": "administrative_license"}, ["企业设立登记", "户口迁入审批"]),
        ({"service_object": "natural_person"}, ["失业保险金申领", "户口迁入审批", "生育登记服务"]),
        ({"service_object": "legal_person", "item_type": "public_service"}, []),
        ({"q": "户口迁入"}, ["户口迁入审批"]),
        ({"q": "公司章程", "theme": "business_start"}, ["企业设立登记"]),
    ],
)
def test_filters(guide_folder, params, expected):
    dept, _made = guide_folder
    assert titles(listing(dept.absolute_url(), **params)) == sorted(expected)


def test_filter_by_department(guide_folder, functional_portal):
    dept, _made = guide_folder
    uid = dept.UID()
    data = listing(functional_portal.absolute_url(), organ=uid)
    assert data["items_total"] == 4


def test_facets_count_published_guides(guide_folder):
    dept, _made = guide_folder
    facets = listing(dept.absolute_url(), item_type="administrative_license")["facets"]
    themes = {f["value"]: f["count"] for f in facets["theme"]}
    # 户口迁入审批 and 企业设立登记; never the hidden guides' birth_adoption.
    assert themes == {"business_start": 1, "household_registration": 1}
    item_types = {f["value"]: f["count"] for f in facets["item_type"]}
    # A facet's own filter does not narrow its counts.
    assert item_types == {
        "administrative_license": 2,
        "public_service": 1,
        "administrative_payment": 1,
    }
    objects = {f["value"]: f["count"] for f in facets["service_object"]}
    assert objects == {"natural_person": 1, "legal_person": 1}
    assert facets["organ"][0]["count"] == 2


@pytest.mark.parametrize(
    "params, field",
    [
        ({"theme": "flying"}, "theme"),
        ({"organ": "nope"}, "organ"),
        ({"item_type": "magic"}, "item_type"),
        ({"service_object": "robot"}, "service_object"),
        ({"sort_on": "size"}, "sort_on"),
        ({"b_size": "1000"}, "b_size"),
        ({"q": "x" * 101}, "q"),
    ],
)
def test_bad_filters_are_400s(guide_folder, params, field):
    dept, _made = guide_folder
    response = requests.get(
        f"{dept.absolute_url()}/@service-guides", params=params, headers=JSON, timeout=60
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field


def test_index_page_filters(guide_folder):
    dept, _made = guide_folder
    url = f"{dept.absolute_url()}/@@service-guide-index"
    page = body(requests.get(url, params={"theme": "birth_adoption"}, timeout=60))
    assert "生育登记服务" in page and "企业设立登记" not in page
    page = body(requests.get(url, params={"service_object": "legal_person"}, timeout=60))
    assert "企业设立登记" in page and "户口迁入审批" not in page
    page = body(requests.get(url, params={"q": "失业保险"}, timeout=60))
    assert "失业保险金申领" in page and "生育登记服务" not in page
    page = body(requests.get(url, params={"theme": "flying"}, timeout=60))
    assert 'id="zhengwu-guides-error"' in page  # a message, not an error page
    for hidden in HIDDEN:
        assert hidden not in body(requests.get(url, timeout=60))


def test_unpublished_guides_are_invisible_to_anonymous(guide_folder, functional_portal):
    dept, made = guide_folder
    root = functional_portal.absolute_url()
    search = body(
        requests.get(
            f"{root}/@search",
            params={"portal_type": "ServiceGuide", "fullobjects": 1, "b_size": 100},
            headers=JSON,
            timeout=60,
        )
    )
    site_listing = body(requests.get(f"{root}/@service-guides", headers=JSON, timeout=60))
    index_page = body(requests.get(f"{dept.absolute_url()}/@@service-guide-index", timeout=60))
    text_search = body(
        requests.get(f"{root}/@@search", params={"SearchableText": "指南"}, timeout=60)
    )
    # Each channel shows what is published (so an absent title means something),
    # and the text search finds the hidden titles for someone who may see one.
    for channel in (search, site_listing, index_page):
        assert "企业设立登记" in channel
    as_author = body(
        requests.get(
            f"{root}/@@search", params={"SearchableText": "指南"}, auth=auth("author"), timeout=60
        )
    )
    assert "尚未提交的草稿指南" in as_author
    for title in HIDDEN:
        guide = made[title]
        url = guide.absolute_url()
        for channel in (search, site_listing, index_page, text_search):
            assert title not in channel
        for path in ("", "/@@print", "/@@material-file/0/blank_form/x.pdf", "/view"):
            response = requests.get(url + path, timeout=60, allow_redirects=False)
            assert response.status_code in (302, 401, 404), (title, path)
            assert title not in body(response)
        response = requests.get(url, headers=JSON, timeout=60)
        assert response.status_code == 401 and title not in body(response)


def test_authors_see_their_drafts_but_not_in_the_public_index(guide_folder):
    dept, made = guide_folder
    draft = made["尚未提交的草稿指南"]
    response = requests.get(draft.absolute_url(), headers=JSON, auth=auth("author"), timeout=60)
    assert response.status_code == 200
    data = requests.get(
        f"{dept.absolute_url()}/@service-guides", headers=JSON, auth=auth("author"), timeout=60
    ).json()
    assert "尚未提交的草稿指南" not in titles(data)
