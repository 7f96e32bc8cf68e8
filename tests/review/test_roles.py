"""The government roles on the sharing page: Chinese titles, granted by
administrators only — an editor cannot make themselves a reviewer."""

from tests.helpers import auth
import requests


JSON = {
    "Accept": "application/json",
    "Content-Type": "application/json",
    "Accept-Language": "zh-cn",
}


def test_sharing_page_lists_the_roles_in_chinese(functional_portal):
    dept = functional_portal["zh-cn"]["dept"].absolute_url()
    response = requests.get(f"{dept}/@sharing", headers=JSON, auth=auth("siteadmin"), timeout=60)
    assert response.status_code == 200
    titles = {role["id"]: role["title"] for role in response.json()["available_roles"]}
    assert titles["FirstReviewer"] == "初审员"
    assert titles["SecondReviewer"] == "复审员"
    assert titles["FinalApprover"] == "签发人（终审）"
    # the roles reading personal data are offered to Managers only
    assert "DisclosureOfficer" not in titles
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    response = requests.get(
        f"{dept}/@sharing", headers=JSON, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=60
    )
    titles = {role["id"]: role["title"] for role in response.json()["available_roles"]}
    assert titles["DisclosureOfficer"] == "依申请公开办理员"


def test_an_editor_cannot_grant_himself_a_review_role(functional_portal):
    from plone import api
    import transaction

    dept = functional_portal["zh-cn"]["dept"]
    response = requests.post(
        f"{dept.absolute_url()}/@sharing",
        json={"entries": [{"id": "editor", "type": "user", "roles": {"FirstReviewer": True}}]},
        headers=JSON,
        auth=auth("editor"),
        timeout=60,
    )
    # plone.app.workflow drops the roles a user may not delegate
    assert response.status_code in (204, 401, 403)
    transaction.begin()
    assert "FirstReviewer" not in api.user.get_roles(username="editor", obj=dept)


def test_a_site_administrator_grants_them_on_the_sharing_page(functional_portal):
    from plone import api
    import transaction

    dept = functional_portal["zh-cn"]["dept"]
    response = requests.post(
        f"{dept.absolute_url()}/@sharing",
        json={"entries": [{"id": "member", "type": "user", "roles": {"SecondReviewer": True}}]},
        headers=JSON,
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert "SecondReviewer" in api.user.get_roles(username="member", obj=dept)
