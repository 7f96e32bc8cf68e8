"""Who reads the site-health dashboard and who changes the lines: the
Inspector (网站监管员) reads everything and can change nothing; an editor
and Anonymous are refused in the product's error shape."""

from plone import api
from plone.app.testing import setRoles
from tests.helpers import auth
from tests.helpers import body
from tests.helpers import make_item
from tests.site.test_rest_errors import check_shape
from tests.supervision.helpers import column
from tests.supervision.helpers import published
from zhengwu.supervision.mail import mail_folder
from zhengwu.testing import TEST_PASSWORD
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}
JSON_BODY = {**JSON, "Content-Type": "application/json"}


@pytest.fixture
def site(functional_portal):
    portal = functional_portal
    api.user.create(username="inspector", email="inspector@example.gov.cn", password=TEST_PASSWORD)
    setRoles(portal, "inspector", ["Member", "Inspector"])
    news = column(portal["zh-cn"], "news")
    published(news, 1, title="最新动态")
    stale = column(portal["zh-cn"], "news", title="过期栏目")
    published(stale, 20, title="旧闻")
    item = make_item(portal, "private")
    published_item = make_item(portal, "published")
    transaction.commit()
    return portal, item, published_item


def get(url, user, json=True, **options):
    headers = JSON if json else {}
    return requests.get(url, headers=headers, auth=auth(user), timeout=60, **options)


@pytest.mark.parametrize("user", ["inspector", "siteadmin"])
def test_inspector_and_administrator_read_the_json(site, user):
    portal, _item, _published = site
    response = get(f"{portal.absolute_url()}/@site-health", user)
    assert response.status_code == 200, response.text[:300]
    data = response.json()
    assert set(data) == {"checked", "veto", "summary", "indicators"}
    home = {i["id"]: i for i in data["indicators"]}["home_page"]
    assert (home["state"], home["value"]) == ("ok", 1)
    assert "最新动态" in body(response)


@pytest.mark.parametrize("user", ["inspector", "siteadmin"])
def test_inspector_and_administrator_read_the_page(site, user):
    portal, _item, _published = site
    response = get(f"{portal.absolute_url()}/@@site-health", user, json=False)
    assert response.status_code == 200
    page = body(response)
    assert 'id="indicator-home_page"' in page
    assert "单项否决" in page  # veto items are marked
    assert 'data-state="ok"' in page
    assert 'data-state="failed"' in page  # the stale column
    assert "过期栏目" in page and "20" in page
    assert 'href="http://' in page
    # The settings link only for who may change them.
    assert ("@@zhengwu-supervision-settings" in page) is (user == "siteadmin")


def test_a_navigation_root_has_its_dashboard(site):
    portal, _item, _published = site
    response = get(f"{portal.absolute_url()}/zh-cn/@site-health", "inspector")
    assert response.status_code == 200
    assert get(f"{portal.absolute_url()}/zh-cn/@@site-health", "inspector", json=False).ok


@pytest.mark.parametrize("user", ["Anonymous", "editor", "member", "final"])
def test_others_are_refused_in_the_product_shape(site, user):
    portal, _item, _published = site
    response = get(f"{portal.absolute_url()}/@site-health", user)
    assert response.status_code in (401, 403)
    assert check_shape(response)["type"] in ("Unauthorized", "Forbidden")
    page = get(f"{portal.absolute_url()}/@@site-health", user, json=False, allow_redirects=False)
    assert page.status_code in (302, 401, 403)
    assert "indicator-home_page" not in body(page)


def test_the_inspector_changes_nothing(site):
    portal, item, published_item = site
    root = portal.absolute_url()
    inspector = auth("inspector")
    attempts = [
        requests.patch(
            item.absolute_url(), json={"title": "改"}, headers=JSON_BODY, auth=inspector, timeout=60
        ),
        requests.patch(
            published_item.absolute_url(),
            json={"title": "改"},
            headers=JSON_BODY,
            auth=inspector,
            timeout=60,
        ),
        requests.post(
            f"{item.absolute_url()}/@workflow/submit",
            json={"comment": "x"},
            headers=JSON_BODY,
            auth=inspector,
            timeout=60,
        ),
        requests.post(
            f"{published_item.absolute_url()}/@workflow/withdraw",
            json={"comment": "x"},
            headers=JSON_BODY,
            auth=inspector,
            timeout=60,
        ),
        requests.delete(published_item.absolute_url(), headers=JSON, auth=inspector, timeout=60),
        requests.post(
            f"{root}/zh-cn",
            json={"@type": "Document", "title": "新页面"},
            headers=JSON_BODY,
            auth=inspector,
            timeout=60,
        ),
        requests.patch(
            f"{root}/@controlpanels/zhengwu-supervision-settings",
            json={"home_page_max_age_days": 60},
            headers=JSON_BODY,
            auth=inspector,
            timeout=60,
        ),
        requests.patch(
            f"{root}/@controlpanels/zhengwu-site-identity",
            json={"site_name": "改"},
            headers=JSON_BODY,
            auth=inspector,
            timeout=60,
        ),
        requests.get(f"{root}/@controlpanels", headers=JSON, auth=inspector, timeout=60),
        requests.get(f"{root}/@audit-log", headers=JSON, auth=inspector, timeout=60),
    ]
    for response in attempts:
        # plone.restapi answers a transition on an item the user may see but
        # not move with 400 WorkflowException; the rest is refused by permission.
        refused = (400, 401, 403) if "/@workflow/" in response.request.url else (401, 403)
        assert response.status_code in refused, (response.request.url, response.text[:200])
    for page in (
        "@@zhengwu-supervision-settings",
        "@@overview-controlpanel",
        "@@zhengwu-site-identity",
    ):
        response = requests.get(f"{root}/{page}", auth=inspector, timeout=60, allow_redirects=False)
        assert response.status_code in (302, 401, 403), page
    form = requests.post(
        f"{root}/@@zhengwu-supervision-settings",
        data={"form.widgets.home_page_max_age_days": "60", "form.buttons.save": "Save"},
        auth=inspector,
        timeout=60,
        allow_redirects=False,
    )
    assert form.status_code in (302, 401, 403)
    transaction.begin()
    assert item.title == published_item.title == "关于开展政务公开检查的通知"
    assert api.content.get_state(item) == "private"
    assert api.content.get_state(published_item) == "published"
    assert api.portal.get_registry_record("zhengwu.supervision.home_page_max_age_days") == 14
    assert "新页面" not in [o.title for o in portal["zh-cn"].objectValues()]


def test_administrators_change_the_lines_over_rest(site):
    portal, _item, _published = site
    root = portal.absolute_url()
    response = requests.get(
        f"{root}/@controlpanels/zhengwu-supervision-settings",
        headers=JSON,
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 200
    assert response.json()["data"]["home_page_max_age_days"] == 14
    response = requests.patch(
        f"{root}/@controlpanels/zhengwu-supervision-settings",
        json={"home_page_max_age_days": 7},
        headers=JSON_BODY,
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert api.portal.get_registry_record("zhengwu.supervision.home_page_max_age_days") == 7
    page = requests.get(
        f"{root}/@@zhengwu-supervision-settings", auth=auth("siteadmin"), timeout=60
    )
    assert page.status_code == 200


def test_the_dashboard_is_in_the_menu_of_who_may_read_it(site):
    portal, _item, _published = site
    menu = get(portal.absolute_url(), "inspector", json=False)
    assert "@@site-health" in body(menu)
    assert "@@site-health" not in body(get(portal.absolute_url(), "editor", json=False))


def test_the_dashboard_says_when_mail_only_goes_to_files(site):
    portal, _item, _published = site
    api.portal.set_registry_record("plone.smtp_host", "")
    transaction.commit()
    page = body(get(f"{portal.absolute_url()}/@@site-health", "inspector", json=False))
    assert 'id="zhengwu-site-health-mail"' in page
    # The server's own path only to who manages the settings.
    assert "instance/var/mail" in page and str(mail_folder()) not in page
    page = body(get(f"{portal.absolute_url()}/@@site-health", "siteadmin", json=False))
    assert str(mail_folder()) in page
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.email_from_address", "webmaster@example.gov.cn")
    transaction.commit()
    page = body(get(f"{portal.absolute_url()}/@@site-health", "inspector", json=False))
    assert 'id="zhengwu-site-health-mail"' not in page
