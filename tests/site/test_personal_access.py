"""Only Managers give access to citizens' personal data (issue 17,
finding 4): a Site Administrator cannot make themself (or anyone) a
petition handler, responder or disclosure officer — by joining the
department's group, by a site-wide role or on the sharing page — while a
Manager can, audited."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.helpers import auth
from tests.review.test_audit_log import entries
from zhengwu.site.department_groups import department_groups
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def members(groupid):
    transaction.begin()
    return {user.getId() for user in api.user.get_users(groupname=groupid)}


@pytest.fixture
def groups(functional_portal):
    return department_groups(functional_portal["zh-cn"]["dept"])


@pytest.mark.parametrize("suffix", ["petition-handlers", "responders", "disclosure-officers"])
def test_a_site_administrator_cannot_join_a_personal_data_group(functional_portal, groups, suffix):
    site = functional_portal.absolute_url()
    response = requests.patch(
        f"{site}/@groups/{groups[suffix]}",
        json={"users": {"siteadmin": True}},
        headers=JSON,
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 403
    assert "siteadmin" not in members(groups[suffix])


def test_a_site_administrator_still_manages_other_groups(functional_portal, groups):
    site = functional_portal.absolute_url()
    response = requests.patch(
        f"{site}/@groups/{groups['editors']}",
        json={"users": {"member": True}},
        headers=JSON,
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code == 204, response.text
    assert "member" in members(groups["editors"])


def test_a_manager_grants_access_and_it_is_audited(functional_portal, groups):
    site = functional_portal.absolute_url()
    response = requests.patch(
        f"{site}/@groups/{groups['petition-handlers']}",
        json={"users": {"member": True}},
        headers=JSON,
        auth=MANAGER,
        timeout=60,
    )
    assert response.status_code == 204, response.text
    assert "member" in members(groups["petition-handlers"])
    recorded = entries(action="group_add_member", path=f"group:{groups['petition-handlers']}")
    assert "member" in [entry["comment"] for entry in recorded]


def test_no_site_wide_personal_data_role_from_a_site_administrator(functional_portal):
    site = functional_portal.absolute_url()
    response = requests.patch(
        f"{site}/@users/siteadmin",
        json={"roles": {"PetitionHandler": True}},
        headers=JSON,
        auth=auth("siteadmin"),
        timeout=60,
    )
    assert response.status_code in (401, 403)
    transaction.begin()
    assert "PetitionHandler" not in api.user.get_roles(username="siteadmin")


def test_the_sharing_page_does_not_offer_personal_data_roles_to_a_site_administrator(
    functional_portal,
):
    folder = functional_portal["zh-cn"]["dept"]
    answer = requests.get(
        f"{folder.absolute_url()}/@sharing", headers=JSON, auth=auth("siteadmin"), timeout=60
    ).json()
    offered = {role["id"] for role in answer["available_roles"]}
    assert "FirstReviewer" in offered
    assert not {"PetitionHandler", "DepartmentResponder", "DisclosureOfficer"} & offered
    requests.post(
        f"{folder.absolute_url()}/@sharing",
        json={"entries": [{"id": "siteadmin", "type": "user", "roles": {"PetitionHandler": True}}]},
        headers=JSON,
        auth=auth("siteadmin"),
        timeout=60,
    )
    transaction.begin()
    assert "PetitionHandler" not in (folder.get_local_roles_for_userid("siteadmin") or ())
