"""Beijing time everywhere (issue 14, item 4): an item whose every time
stamp is 2026-06-15 13:58 UTC shows 21:58 (Beijing time) on every page that
shows it, and REST answers ``2026-06-15T21:58:00+08:00``. Stored values
carry UTC, as on a server whose clock runs in UTC: a display in UTC fails."""

from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from plone import api
from tests.helpers import body
from tests.helpers import make_item
from zhengwu.review.audit_log import IAuditLog
from zope.component import getUtility
import pytest
import re
import time
import transaction


INSTANT = "2026/06/15 13:58:00 UTC"
SHOWN = "2026-06-15 21:58"
ISO = "2026-06-15T21:58:00+08:00"
UTC_SHOWN = re.compile(r"13:58|2026-06-15T13:58")


def at_instant(item, history=True):
    """Every time stamp of ``item`` at INSTANT, stored in UTC."""
    when = DateTime(INSTANT)
    item.creation_date = when
    if api.content.get_state(item) == "published":
        item.setEffectiveDate(when)
    item.setModificationDate(when)
    if history:
        for workflow_id, entries in item.workflow_history.items():
            item.workflow_history[workflow_id] = tuple(dict(e, time=when) for e in entries)
    item.reindexObject(idxs=["created", "modified", "effective", "effectiveRange"])


@pytest.fixture
def article(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        news = api.content.create(
            container=functional_portal["zh-cn"]["dept"],
            type="Folder",
            id="news",
            title="新闻",
            column_type="news",
        )
        api.content.transition(news, transition="publish")
        news.setLayout("news-listing")
    item = make_item(None, "published", "News Item", title="夜间新闻", container=news)
    at_instant(item)
    pending = make_item(None, "pending_first", "Document", title="待审稿件", container=news)
    at_instant(pending)
    getUtility(IAuditLog).append(
        "chain_final",
        "publish",
        path="/".join(item.getPhysicalPath()),
        title="夜间新闻",
        when=datetime(2026, 6, 15, 13, 58, tzinfo=UTC).timestamp(),
    )
    transaction.commit()
    return item


def text_of(response):
    assert response.status_code == 200, response.status_code
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body(response)))


def test_pages_show_beijing_time(article, request_factory):
    path = "/zh-cn/dept/news"
    anon = request_factory(json=False)
    page = text_of(anon.get(f"{path}/{article.getId()}"))
    assert f"{SHOWN}" in page  # 发布时间 of the article
    shown = {
        # the article as a visitor sees it
        "article": page,
        # Plone's own listing (toLocalizedTime; dates for staff) and the news listing
        "tabular listing": text_of(
            request_factory("editor", json=False).get(f"{path}/tabular_view")
        ),
        "news listing": text_of(anon.get(path)),
        # the history (as an administrator) and the byline (as its editor)
        "history": text_of(
            request_factory("Manager", json=False).get(
                f"{path}/{article.getId()}/@@contenthistorypopup"
            )
        ),
        "article for the editor": text_of(
            request_factory("editor", json=False).get(f"{path}/{article.getId()}")
        ),
        # the first reviewers' worklist
        "review queue": text_of(request_factory("first", json=False).get("/@@review-queue")),
        # the audit log page
        "audit log": text_of(
            request_factory("siteadmin", json=False).get(
                "/@@zhengwu-audit-log", params={"until": "2026-06-16"}
            )
        ),
    }
    assert "2026-06-15" in shown["news listing"]
    for where in (
        "tabular listing",
        "history",
        "article for the editor",
        "review queue",
        "audit log",
    ):
        assert SHOWN in shown[where], where
    for where, text in shown.items():
        assert not UTC_SHOWN.search(text), where


def test_rest_answers_carry_the_offset(article, request_factory):
    answer = request_factory("editor").get(f"/zh-cn/dept/news/{article.getId()}").json()
    assert answer["effective"] == ISO
    assert answer["created"] == ISO
    assert answer["modified"] == ISO
    listed = (
        request_factory()
        .get("/@search", params={"portal_type": "News Item", "metadata_fields": "effective"})
        .json()["items"]
    )
    assert [i["effective"] for i in listed if i["title"] == "夜间新闻"] == [ISO]
    audit = request_factory("siteadmin").get("/@audit-log", params={"actor": "chain_final"})
    times = [e["time"] for e in audit.json()["items"] if e["title"] == "夜间新闻"]
    assert ISO in times
    assert all(t.endswith("+08:00") for t in times)


def test_new_time_stamps_are_beijing_time(functional_portal):
    """Zope's DateTime stamps new times in Asia/Shanghai, whatever the
    machine's zone (this machine's is UTC in CI)."""
    assert DateTime().tzoffset() == 8 * 3600
    assert DateTime(INSTANT).strftime("%H:%M") == "21:58"
    # The same instant as the machine's clock, not its UTC wall time
    # labelled +08:00 (eight hours early), and a whole-hour offset in
    # Python (not pytz's +08:06 local mean time of Shanghai).
    now = DateTime()
    assert abs(now.timeTime() - time.time()) < 60
    assert now.asdatetime().utcoffset() == timedelta(hours=8)
    assert abs(now.asdatetime().timestamp() - time.time()) < 60
