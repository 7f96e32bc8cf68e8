"""Every indicator on both sides of each line, with the warning margins of
the default settings (docs/supervision.md), and the veto flag."""

from DateTime import DateTime
from datetime import date
from plone import api
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from tests.supervision.helpers import column
from tests.supervision.helpers import day
from tests.supervision.helpers import fresh_news
from tests.supervision.helpers import health
from tests.supervision.helpers import published
from tests.supervision.helpers import set_state
from z3c.relationfield import RelationValue
from zhengwu.petitions.stats import add_months
from zhengwu.supervision.link_results import LINKS_KEY
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import pytest


VETO_IDS = {"home_page", "stale_key_columns", "stale_columns", "blank_columns", "consultations"}


def test_the_answer_has_the_shape_of_the_design(portal):
    data, by_id = health()
    assert set(data) == {"checked", "veto", "summary", "indicators"}
    assert data["checked"].startswith(day(0).isoformat())
    assert set(data["summary"]) == {"ok", "warning", "failed"}
    assert sum(data["summary"].values()) == len(data["indicators"])
    for indicator in data["indicators"]:
        assert {"id", "title", "state", "value", "threshold", "items"} <= set(indicator)
        assert indicator["state"] in ("ok", "warning", "failed")
        assert indicator["title"] and indicator["rule"]
    assert {i for i, d in by_id.items() if d["veto"]} == VETO_IDS


# Home page: the newest item of a news, notice, policy or interpretation
# column at most 14 days old; warning 3 days before.
@pytest.mark.parametrize(
    "age, state", [(0, "ok"), (11, "ok"), (12, "warning"), (14, "warning"), (15, "failed")]
)
def test_home_page(portal, age, state):
    news = column(portal["zh-cn"], "notice")
    item = published(news, age, title="最新通知")
    published(news, age + 40, title="较早通知")
    other = column(portal["zh-cn"], "service")
    published(other, 0)  # a service column does not count for the home page
    data, by_id = health()
    indicator = by_id["home_page"]
    assert (indicator["state"], indicator["value"], indicator["threshold"]) == (state, age, 14)
    assert [i["url"] for i in indicator["items"]] == [item.absolute_url()]
    assert data["veto"] is (state == "failed")


def test_home_page_with_nothing_published_fails(portal):
    column(portal["zh-cn"], "news")
    _data, by_id = health()
    assert by_id["home_page"]["state"] == "failed"
    assert by_id["home_page"]["value"] is None


def test_an_edit_is_no_update(portal):
    """Only publication counts: ``modified`` is not read."""
    news = column(portal["zh-cn"], "news")
    item = published(news, 20)
    item.setModificationDate(DateTime())
    item.reindexObject()
    assert api.portal.get_tool("portal_catalog")(UID=item.UID())[0].modified.isFuture() is False
    _data, by_id = health()
    assert by_id["home_page"]["state"] == "failed"
    assert by_id["home_page"]["value"] == 20


def test_unpublished_content_is_no_update(portal):
    news = column(portal["zh-cn"], "news")
    published(news, 20)
    draft = published(news, 1)
    set_state(draft, "private")
    _data, by_id = health()
    assert by_id["home_page"]["value"] == 20


# Column freshness per type: (type, own interval, age, state).
@pytest.mark.parametrize(
    "column_type, own, age, state",
    [
        ("news", None, 11, "ok"),
        ("news", None, 12, "warning"),
        ("news", None, 15, "failed"),
        ("notice", None, 153, "ok"),
        ("notice", None, 154, "warning"),
        ("notice", None, 183, "warning"),
        ("notice", None, 184, "failed"),
        ("policy", None, 184, "failed"),
        ("interpretation", None, 154, "warning"),
        ("other", None, 335, "ok"),
        ("other", None, 336, "warning"),
        ("service", None, 366, "failed"),
        ("topic", None, 365, "warning"),
        ("interaction", None, 335, "ok"),
        ("other", 30, 15, "ok"),  # own interval 30 days: margin 15
        ("other", 30, 16, "warning"),
        ("other", 30, 31, "failed"),
    ],
)
def test_column_freshness(portal, column_type, own, age, state):
    fresh_news(portal)
    section = column(portal["zh-cn"], column_type, freshness_days=own)
    published(section, age)
    _data, by_id = health()
    indicator = by_id["column_freshness"]
    assert indicator["state"] == state
    assert indicator["value"] == (1 if state == "failed" else 0)
    listed = [i for i in indicator["items"] if i["path"] == "/".join(section.getPhysicalPath())]
    if state == "ok":
        assert listed == []
    else:
        assert [(i["state"], i["age_days"]) for i in listed] == [(state, age)]


def test_a_column_counts_what_its_subsections_publish(portal):
    fresh_news(portal)
    section = column(portal["zh-cn"], "notice")
    with api.env.adopt_roles(["Manager"]):
        sub = api.content.create(container=section, type="Folder", id="sub", title="子栏目")
        api.content.transition(sub, transition="publish")
    published(sub, 10)
    _data, by_id = health()
    assert by_id["column_freshness"]["state"] == "ok"
    assert by_id["blank_columns"]["value"] == 0


# Blank columns: at most 5 (veto); warning at 5.
@pytest.mark.parametrize("count, state", [(0, "ok"), (4, "ok"), (5, "warning"), (6, "failed")])
def test_blank_columns(portal, count, state):
    fresh_news(portal)
    for n in range(count):
        section = column(portal["zh-cn"], "other")
        if n == 0:  # a draft and a published sub-folder are no content
            with api.env.adopt_roles(["Manager"]):
                api.content.create(container=section, type="Document", id="draft", title="草稿")
                sub = api.content.create(container=section, type="Folder", id="sub", title="子栏目")
                api.content.transition(sub, transition="publish")
    with api.env.adopt_roles(["Manager"]):  # a private column is not on the site
        api.content.create(
            container=portal["zh-cn"],
            type="Folder",
            id="hidden",
            title="未发布",
            column_type="news",
        )
    data, by_id = health()
    indicator = by_id["blank_columns"]
    assert (indicator["state"], indicator["value"], indicator["threshold"]) == (state, count, 5)
    assert len(indicator["items"]) == count
    assert data["veto"] is (state == "failed")
    assert by_id["column_freshness"]["value"] == 0  # blank is not stale too


# Stale news/notice/policy columns: at most 5 (veto); all stale columns: at most 10.
@pytest.mark.parametrize("count, state", [(4, "ok"), (5, "warning"), (6, "failed")])
def test_stale_key_columns(portal, count, state):
    fresh_news(portal)
    for n in range(count):
        section = column(portal["zh-cn"], ("news", "notice", "policy")[n % 3])
        published(section, 400)
    stale = column(portal["zh-cn"], "interpretation")  # stale, but not a key type
    published(stale, 400)
    data, by_id = health()
    indicator = by_id["stale_key_columns"]
    assert (indicator["state"], indicator["value"], indicator["threshold"]) == (state, count, 5)
    assert by_id["stale_columns"]["value"] == count + 1
    assert data["veto"] is (state == "failed")


@pytest.mark.parametrize("count, state", [(9, "ok"), (10, "warning"), (11, "failed")])
def test_stale_columns(portal, count, state):
    fresh_news(portal)
    for _n in range(count):
        published(column(portal["zh-cn"], "other"), 400)
    data, by_id = health()
    indicator = by_id["stale_columns"]
    assert (indicator["state"], indicator["value"], indicator["threshold"]) == (state, count, 10)
    assert by_id["stale_key_columns"]["state"] == "ok"
    assert data["veto"] is (state == "failed")


# Interaction: consultations unanswered after 3 months (veto), 14 days' warning.
@pytest.mark.parametrize(
    "days_to_line, state", [(15, "ok"), (14, "warning"), (1, "warning"), (0, "failed")]
)
def test_consultations(portal, days_to_line, state):
    fresh_news(portal)
    box = make_box(portal)
    line = day(-days_to_line)
    received = add_months(line, -3)
    assert add_months(received, 3) == line
    petition, _code = make_petition(box, "accepted")
    petition.received_date = received
    petition.reindexObject()
    # Neither a complaint nor an answered consultation counts, however old.
    complaint, _code = make_petition(box, "accepted", category="complaint")
    answered, _code = make_petition(box, "answered")
    for old in (complaint, answered):
        old.received_date = day(200)
        old.reindexObject()
    data, by_id = health()
    indicator = by_id["consultations"]
    assert indicator["state"] == state
    assert indicator["value"] == (1 if state == "failed" else 0)
    assert [i["tracking_number"] for i in indicator["items"]] == (
        [] if state == "ok" else [petition.tracking_number]
    )
    for entry in indicator["items"]:  # a citizen's title may be personal
        assert entry["title"] == petition.tracking_number
    assert data["veto"] is (state == "failed")


@pytest.mark.parametrize(
    "due_in, answered_late, state",
    [(30, False, "ok"), (1, False, "warning"), (-1, False, "failed"), (30, True, "failed")],
)
def test_late_replies(portal, due_in, answered_late, state):
    box = make_box(portal)
    petition, _code = make_petition(box, "accepted")
    petition.due_date = day(-due_in)
    petition.reindexObject()
    if answered_late:
        late, _code = make_petition(box, "answered", category="complaint")
        late.due_date = day(10)
        late.replied_date = day(5)
        late.reindexObject()
    on_time, _code = make_petition(box, "answered", category="complaint")
    on_time.due_date, on_time.replied_date = day(10), day(12)
    on_time.reindexObject()
    data, by_id = health()
    indicator = by_id["late_replies"]
    assert indicator["state"] == state
    assert indicator["value"] == (1 if state == "failed" else 0)
    assert indicator["veto"] is False  # a deduction, never a veto


# Service guides: key elements (deduction) and the review period (180 days, margin 30).
def test_guide_missing_a_key_element(portal):
    folder = portal["zh-cn"]["dept"]
    complete = make_guide(folder, "published", title="完整的指南")
    lacking = make_guide(folder, "published", title="缺要素的指南")
    lacking.location = ""
    lacking.reindexObject()
    make_guide(folder, "private", title="草稿").location = ""
    _data, by_id = health()
    indicator = by_id["guide_elements"]
    assert (indicator["state"], indicator["value"]) == ("failed", 1)
    assert [i["url"] for i in indicator["items"]] == [lacking.absolute_url()]
    assert indicator["items"][0]["missing"]
    lacking.location = "示例市政务服务中心"
    lacking.reindexObject()
    assert health()[1]["guide_elements"]["state"] == "ok"
    assert complete.absolute_url() not in str(health()[1]["guide_elements"])


@pytest.mark.parametrize(
    "age, state", [(0, "ok"), (150, "ok"), (151, "warning"), (180, "warning"), (181, "failed")]
)
def test_guides_checked(portal, age, state):
    guide = make_guide(portal["zh-cn"]["dept"], "published")
    guide.last_reviewed = day(age)
    guide.reindexObject()
    _data, by_id = health()
    indicator = by_id["guides_checked"]
    assert indicator["state"] == state
    assert indicator["value"] == (1 if state == "failed" else 0)
    assert indicator["period_days"] == 180


def test_the_guide_period_can_be_set_here(portal):
    guide = make_guide(portal["zh-cn"]["dept"], "published")
    guide.last_reviewed = day(100)
    guide.reindexObject()
    api.portal.set_registry_record("zhengwu.supervision.guide_review_period_days", 90)
    assert health()[1]["guides_checked"]["state"] == "failed"


# Policy documents: interpretation links, validity marks.
def _catalog(portal, column_type=None):
    catalog = make_catalog(portal)
    if column_type:
        catalog.column_type = column_type
        catalog.reindexObject()
    return catalog


def _item(catalog, **fields):
    item = make_disclosure_item(catalog, "published")
    for name, value in fields.items():
        setattr(item, name, value)
    item.reindexObject()
    return item


def _relation(target):
    return RelationValue(getUtility(IIntIds).getId(target))


def test_policy_documents_need_an_interpretation(portal):
    policy = _catalog(portal, "policy")
    plain = _catalog(portal)
    lacking = _item(policy)
    _item(plain)  # neither in a policy column nor normative: not asked
    normative = _item(plain, document_kind="normative")
    interpretation = _item(plain, title="解读")
    _item(policy, interpretations=[_relation(interpretation)])
    _data, by_id = health()
    indicator = by_id["interpretations"]
    assert (indicator["state"], indicator["value"]) == ("failed", 2)
    assert {i["url"] for i in indicator["items"]} == {
        lacking.absolute_url(),
        normative.absolute_url(),
    }
    api.portal.set_registry_record("zhengwu.supervision.interpretation_required", False)
    indicator = health()[1]["interpretations"]
    assert (indicator["state"], indicator["value"], indicator["required"]) == ("ok", 0, False)


def test_repealed_documents_name_successor_and_date(portal):
    catalog = _catalog(portal)
    successor = _item(catalog, title="新文件")
    _item(catalog, validity="repealed", validity_date=date(2026, 1, 5))
    _item(catalog, validity="expired", validity_date=date(2026, 1, 5))
    marked = _item(
        catalog,
        validity="repealed",
        validity_date=date(2026, 1, 5),
        superseded_by=_relation(successor),
    )
    undated = _item(catalog, validity="expired")
    _data, by_id = health()
    indicator = by_id["validity"]
    assert (indicator["state"], indicator["value"]) == ("failed", 2)
    found = {i["url"]: i["missing"] for i in indicator["items"]}
    assert marked.absolute_url() not in found
    assert found[undated.absolute_url()] == ["validity_date"]
    assert sorted(found.values()) == [["superseded_by"], ["validity_date"]]


# Broken links: from the link checker's last run.
@pytest.mark.parametrize(
    "count, state", [(None, "warning"), (0, "ok"), (5, "warning"), (6, "failed")]
)
def test_broken_links(portal, count, state):
    if count is not None:
        IAnnotations(portal)[LINKS_KEY] = {
            "checked": "2026-06-15T03:00:00+08:00",
            "broken": [
                {
                    "url": f"https://example.invalid/{n}",
                    "page_path": "/plone/zh-cn/dept",
                    "page_title": "测试局",
                    "status": 404,
                    "error": "",
                }
                for n in range(count)
            ],
        }
    _data, by_id = health()
    indicator = by_id["broken_links"]
    assert (indicator["state"], indicator["value"]) == (state, count)
    assert indicator["not_run"] is (count is None)
    if count:
        first = indicator["items"][0]
        assert first["url"] == portal["zh-cn"]["dept"].absolute_url()
        assert (first["link"], first["status"]) == ("https://example.invalid/0", 404)


def test_a_navigation_root_sees_only_its_own(portal):
    fresh_news(portal)
    column(portal["zh-cn"], "other")  # blank
    _data, by_id = health(portal["zh-cn"]["dept"])
    assert by_id["blank_columns"]["value"] == 0
    assert by_id["home_page"]["state"] == "failed"  # nothing of its own
