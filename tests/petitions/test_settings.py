"""The limits of public submissions are settings, also over REST."""

from tests.helpers import auth
from tests.helpers import body
import requests
import transaction


def test_control_panel(functional_portal):
    transaction.commit()
    site = functional_portal.absolute_url()
    page = requests.get(f"{site}/@@zhengwu-submissions", auth=auth("siteadmin"), timeout=60)
    assert page.status_code == 200 and "submissions_per_window" in body(page)
    url = f"{site}/@controlpanels/zhengwu-submissions"
    headers = {"Accept": "application/json", "Content-Type": "application/json"}
    bad = requests.patch(
        url, json={"submissions_per_window": 0}, headers=headers, auth=auth("siteadmin"), timeout=60
    )
    assert bad.status_code == 400
    good = requests.patch(
        url, json={"max_attachments": 1}, headers=headers, auth=auth("siteadmin"), timeout=60
    )
    assert good.status_code == 204
    refused = requests.patch(
        url, json={"max_attachments": 9}, headers=headers, auth=auth("handler"), timeout=60
    )
    assert refused.status_code == 401
    transaction.begin()
    from plone import api

    assert api.portal.get_registry_record("zhengwu.submissions.max_attachments") == 1
