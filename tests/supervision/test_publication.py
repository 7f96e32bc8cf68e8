"""A column counts as updated when something in it is published: by the
``publish`` transition or by a working copy checked in — not by an edit."""

from DateTime import DateTime
from datetime import datetime
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from tests.helpers import make_item
from tests.supervision.helpers import health
from zhengwu import clock
from zhengwu.supervision.publication import last_published


def _published_days_ago(item, days):
    """Move the item's publication (effective and its ``publish`` entry)
    ``days`` back on Zope's clock, and its creation with it (a date before
    the creation day is refused as backdated when a working copy of it is
    reviewed: supervision/prepublish/dates.py)."""
    then = DateTime() - days
    item.creation_date = then
    item.setEffectiveDate(then)
    for history in item.workflow_history.values():
        for entry in history:
            if entry.get("action") == "publish":
                entry["time"] = then
    item.workflow_history._p_changed = True
    item.reindexObject()


def _news_department(portal):
    dept = portal["zh-cn"]["dept"]
    dept.column_type = "news"
    dept.reindexObject()
    return dept


def test_the_publish_transition_and_the_check_in_update_the_column(portal, set_clock):
    # Zope stamps transitions with the machine's clock: the product's clock
    # follows it here (docs/development.md).
    set_clock(datetime.now(clock.CHINA))
    _news_department(portal)
    item = make_item(portal, "published")
    assert health()[1]["column_freshness"]["state"] == "ok"
    _published_days_ago(item, 30)
    indicator = health()[1]["column_freshness"]
    assert (indicator["state"], indicator["items"][0]["age_days"]) == ("failed", 30)
    # An edit of the published item's copy changes nothing until it is published.
    with api.env.adopt_user(username="editor"):
        copy = ICheckinCheckoutPolicy(item).checkout(item.aq_parent)
        copy.title = "关于开展政务公开检查的通知（修订）"
        copy.reindexObject()
        api.content.transition(copy, transition="submit")
    assert health()[1]["column_freshness"]["state"] == "failed"
    for transition, userid in (
        ("approve_first", "first"),
        ("approve_second", "second"),
        ("publish", "final"),
    ):
        with api.env.adopt_user(username=userid):
            api.content.transition(copy, transition=transition, comment="同意")
    original = portal["zh-cn"]["dept"][item.getId()]
    assert original.title.endswith("（修订）")
    assert original.effective_date < DateTime() - 29  # iterate keeps the date
    indicator = health()[1]["column_freshness"]
    assert (indicator["state"], indicator["value"]) == ("ok", 0)
    assert health()[1]["home_page"]["value"] == 0


def test_last_published_is_the_latest_of_its_stamps(portal):
    item = make_item(portal, "private")
    assert last_published(item) is None
    item.setEffectiveDate(DateTime("2026/01/01 10:00 GMT+8"))
    assert last_published(item) == DateTime("2026/01/01 10:00 GMT+8")
    item.workflow_history["zhengwu_review_workflow"] += (
        {"action": "publish", "time": DateTime("2026/02/01 10:00 GMT+8")},
    )
    assert last_published(item) == DateTime("2026/02/01 10:00 GMT+8")
