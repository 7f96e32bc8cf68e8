"""Guides go to review with materials and steps, and online only complete;
the administrators' completeness report."""

from datetime import timedelta
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.guides.helpers import make_guide
from tests.guides.helpers import said
from tests.helpers import auth
from tests.helpers import body
from tests.helpers import PATH_TO
from zhengwu import clock
from zhengwu.guides import completeness
import pytest
import requests
import transaction


def _do(guide, transition, userid):
    with api.env.adopt_user(username=userid):
        api.portal.get_tool("portal_workflow").doActionFor(guide, transition, comment="测试")


@pytest.fixture
def dept(portal):
    return portal["zh-cn"]["dept"]


@pytest.mark.parametrize("empty", ["materials", "process"])
def test_submit_needs_a_material_and_a_step(dept, empty):
    guide = make_guide(dept, **{empty: []})
    with pytest.raises(WorkflowException) as refused:
        _do(guide, "submit", "author")
    assert "material" in str(refused.value) or "材料" in str(refused.value)  # either language
    assert api.content.get_state(guide) == "private"


@pytest.mark.parametrize(
    "field, empty",
    [
        ("legal_basis", ""),
        ("conditions", None),
        ("promised_limit_days", None),
        ("fee", " "),
        ("location", None),
        ("office_hours", None),
        ("consult_phone", None),
    ],
)
def test_publish_needs_every_key_element(dept, field, empty):
    guide = make_guide(dept, "pending_final", **{field: empty})
    with pytest.raises(WorkflowException) as refused:
        _do(guide, "publish", "chain_final")
    label = dict(completeness.KEY_ELEMENTS)[field]
    assert said(label, str(refused.value))
    assert api.content.get_state(guide) == "pending_final"


def test_on_the_spot_counts_as_a_time_limit(dept):
    guide = make_guide(dept, "published", promised_limit_days=0)
    assert completeness.missing(guide) == []


def test_publishing_records_the_check(dept):
    guide = make_guide(dept, "pending_final", last_reviewed=clock.today() - timedelta(days=400))
    _do(guide, "publish", "chain_final")
    assert guide.last_reviewed == clock.today()
    assert not completeness.is_stale(guide)


def test_publish_refused_over_rest(functional_portal):
    dept = functional_portal["zh-cn"]["dept"]
    guide = make_guide(dept, "pending_final", office_hours=None)
    transaction.commit()
    response = requests.post(
        f"{guide.absolute_url()}/@workflow/publish",
        json={"comment": "签发"},
        headers={"Accept": "application/json"},
        auth=auth("chain_final"),
        timeout=60,
    )
    assert response.status_code == 400
    assert said(dict(completeness.KEY_ELEMENTS)["office_hours"], response.json())


def test_report_lists_what_each_guide_lacks(dept):
    make_guide(dept, "published", title="完整的指南")
    make_guide(dept, title="缺要素的指南", location=None, fee=None)
    stale = make_guide(dept, "published", title="过期未核对的指南")
    stale.last_reviewed = clock.today() - timedelta(days=181)
    with api.env.adopt_roles(["Site Administrator"]):
        rows = {row["title"]: row for row in completeness.report(dept)["rows"]}
    assert rows["完整的指南"]["missing"] == [] and not rows["完整的指南"]["stale"]
    assert [str(m) for m in rows["缺要素的指南"]["missing"]] == ["Fee", "Location"]
    assert rows["过期未核对的指南"]["stale"] and rows["过期未核对的指南"]["missing"] == []
    # The guides with problems come first.
    titles = list(rows)
    assert titles.index("完整的指南") > titles.index("缺要素的指南")


def test_review_period_is_a_setting(dept):
    guide = make_guide(dept, "published")
    guide.last_reviewed = clock.today() - timedelta(days=40)
    assert not completeness.is_stale(guide)
    api.portal.set_registry_record("zhengwu.guides.review_period_days", 30)
    assert completeness.is_stale(guide)


def test_report_page_and_rest(functional_portal):
    dept = functional_portal["zh-cn"]["dept"]
    make_guide(dept, title="缺地点的指南", location=None)
    transaction.commit()
    url = functional_portal.absolute_url()
    page = requests.get(f"{url}/@@service-guide-report", auth=auth("siteadmin"), timeout=60)
    assert page.status_code == 200 and "缺地点的指南" in body(page)
    data = requests.get(
        f"{url}/@service-guide-report",
        headers={"Accept": "application/json"},
        auth=auth("siteadmin"),
        timeout=60,
    ).json()
    (row,) = [r for r in data["items"] if r["title"] == "缺地点的指南"]
    assert row["missing"] in (["Location"], ["办理地点"]) and data["review_period_days"] == 180
    for userid in ("author", "final", "Anonymous"):
        refused = requests.get(
            f"{url}/@service-guide-report",
            headers={"Accept": "application/json"},
            auth=auth(userid),
            timeout=60,
        )
        assert refused.status_code == 401, userid
        page = requests.get(
            f"{url}/@@service-guide-report", auth=auth(userid), timeout=60, allow_redirects=False
        )
        assert page.status_code in (302, 401), userid


def test_nobody_approves_their_own_guide(dept):
    guide = make_guide(dept)
    for transition, userid in PATH_TO["pending_first"]:
        _do(guide, transition, userid)
    with pytest.raises(WorkflowException):
        _do(guide, "approve_first", "author")
