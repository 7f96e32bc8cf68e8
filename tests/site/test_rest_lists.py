"""Lists of the product endpoints are batched as plone.restapi batches them
(``zhengwu.rest.batched``): ``@id``, ``items``, ``items_total`` and the
``batching`` links, pages that follow each other without a gap."""

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from tests.guides.helpers import make_guide
from tests.helpers import auth
from zhengwu.review.audit_log import AuditLog
from zhengwu.review.audit_log import IAuditLog
from zope.component import getUtility
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}


def pages(url, user, **params):
    """Every page of a list, following ``batching.next``."""
    found = []
    response = requests.get(url, params=params, headers=JSON, auth=auth(user), timeout=60)
    while True:
        assert response.status_code == 200, response.text[:500]
        data = response.json()
        found.append(data)
        following = data.get("batching", {}).get("next")
        if not following:
            return found
        response = requests.get(following, headers=JSON, auth=auth(user), timeout=60)


def test_the_log_counts_without_reading_entries_unless_filtered():
    log = AuditLog()
    start = datetime(2026, 3, 1, tzinfo=UTC)
    for n in range(30):
        log.append(
            f"user{n % 3}",
            "submit" if n % 2 else "publish",
            path=f"/p/{n}",
            when=(start + timedelta(hours=n)).timestamp(),
        )
    cases = [
        {},
        {"since": start + timedelta(hours=10)},
        {"until": start + timedelta(hours=4)},
        {"actor": "user1"},
        {"action": "publish", "since": start + timedelta(hours=5)},
        {"path": "/p/1"},
    ]
    for filters in cases:
        assert log.count(**filters) == len(list(log.search(**filters))), filters


@pytest.mark.parametrize("filters", [{}, {"action": "batching-test"}])
def test_the_audit_log_is_batched(functional_portal, filters):
    log = getUtility(IAuditLog)
    for n in range(7):
        log.append("siteadmin", "batching-test", path=f"/batching/{n}")
    transaction.commit()
    url = f"{functional_portal.absolute_url()}/@audit-log"
    found = pages(url, "siteadmin", b_size=3, **filters)
    total = found[0]["items_total"]
    assert total == len(list(log.search(**filters))) >= 7
    assert [len(p["items"]) for p in found[:2]] == [3, 3]
    assert sum(len(p["items"]) for p in found) == total
    first = found[0]
    assert set(first["batching"]) >= {"@id", "first", "last", "next"}
    assert "b_start" not in first["@id"]
    newest = [e["path"] for e in first["items"]]
    assert newest == ["/batching/6", "/batching/5", "/batching/4"]  # newest first


def test_the_guide_report_is_batched(functional_portal):
    dept = functional_portal["zh-cn"]["dept"]
    for n in range(3):
        make_guide(dept, title=f"分页指南{n}", location=None)
    transaction.commit()
    url = f"{functional_portal.absolute_url()}/@service-guide-report"
    found = pages(url, "siteadmin", b_size=2)
    total = found[0]["items_total"]
    assert total >= 3 and len(found) == (total + 1) // 2
    titles = [row["title"] for page in found for row in page["items"]]
    assert len(titles) == total and {f"分页指南{n}" for n in range(3)} <= set(titles)
    assert all(page["review_period_days"] == 180 for page in found)


@pytest.mark.parametrize(
    "name, user", [("@petition-alarm", "siteadmin"), ("@petition-worklist", "handler")]
)
def test_the_other_lists_answer_in_the_same_form(functional_portal, name, user):
    url = f"{functional_portal.absolute_url()}/{name}"
    data = requests.get(url, headers=JSON, auth=auth(user), timeout=60).json()
    assert {"@id", "items", "items_total"} <= set(data)
    assert data["items_total"] == len(data["items"]) == 0
