"""The daily supervision run's mail, received by a local SMTP server this
test starts (aiosmtpd): a warning once per state change, the weekly summary
on its weekday, reminders of items due soon, files without a mail server."""

from aiosmtpd.controller import Controller
from email import message_from_bytes
from email import policy
from plone import api
from tests.helpers import make_item
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from zhengwu.supervision import mail
from zhengwu.supervision import notify
from zope.annotation.interfaces import IAnnotations
import pytest
import socket


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        msg = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((tuple(envelope.rcpt_tos), msg))
        return "250 OK"

    def to(self, address):
        return [msg for rcpts, msg in self.messages if address in rcpts]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def smtp():
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield sink, controller.port
    controller.stop()


@pytest.fixture
def mailing(portal, smtp, tmp_path):
    sink, port = smtp
    sink.messages.clear()
    mail.configure_from_environment(
        portal,
        {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "MAIL_FROM": "noreply@example.gov.cn"},
    )
    IAnnotations(portal).pop(notify.ANNOTATION_KEY, None)
    assert mail.mail_configured(portal)
    return sink


def indicator(state, items, id="column_freshness", value=3, threshold=5):
    return {
        "checked": "2026-06-15T10:00:00+08:00",
        "veto": state == "failed",
        "summary": "",
        "indicators": [
            {
                "id": id,
                "title": "栏目更新",
                "state": state,
                "value": value,
                "threshold": threshold,
                "items": items,
            }
        ],
    }


def fake(result):
    return lambda portal: result


def test_warning_once_per_state_change(portal, mailing):
    page = make_item(portal, "private", title="过期栏目页")
    items = [
        {
            "title": "过期栏目页",
            "url": page.absolute_url(),
            "path": "/".join(page.getPhysicalPath()),
        }
    ]
    notify.supervise(portal, compute=fake(indicator("warning", items)), weekly=False)
    editors = mailing.to("editor@example.gov.cn")
    assert len(editors) == 1
    assert len(mailing.to("author@example.gov.cn")) == 1  # both department editors
    assert len(mailing.to("siteadmin@example.gov.cn")) == 1  # and the site administrator
    assert mailing.to("handler@example.gov.cn") == []  # not an editor
    text = editors[0].get_body(("plain",)).get_content()
    assert "过期栏目页" in text and page.getId() in text
    assert "warning" not in editors[0]["Subject"].lower()
    # the same state the next day: nothing
    notify.supervise(portal, compute=fake(indicator("warning", items)), weekly=False)
    assert len(mailing.to("editor@example.gov.cn")) == 1
    # worse: a new message; back to ok and warning again: another one
    notify.supervise(portal, compute=fake(indicator("failed", items)), weekly=False)
    assert len(mailing.to("editor@example.gov.cn")) == 2
    notify.supervise(portal, compute=fake(indicator("ok", [])), weekly=False)
    assert len(mailing.to("editor@example.gov.cn")) == 2
    notify.supervise(portal, compute=fake(indicator("warning", items)), weekly=False)
    assert len(mailing.to("editor@example.gov.cn")) == 3
    assert notify._memory(portal)["states"]["column_freshness"] == "warning"


def test_items_outside_departments_go_to_administrators_only(portal, mailing):
    items = [{"title": "首页", "url": portal.absolute_url(), "path": "/plone/zh-cn"}]
    notify.supervise(portal, compute=fake(indicator("failed", items)), weekly=False)
    assert len(mailing.to("siteadmin@example.gov.cn")) == 1
    assert mailing.to("editor@example.gov.cn") == []


def test_weekly_summary_on_its_weekday(portal, mailing, set_clock):
    api.portal.set_registry_record("zhengwu.supervision.mail.weekly_weekday", 2)  # Wednesday
    result = indicator("ok", [])
    set_clock("2026-06-16T08:00+08:00")  # a Tuesday
    notify.supervise(portal, compute=fake(result))
    assert mailing.to("siteadmin@example.gov.cn") == []
    set_clock("2026-06-17T08:00+08:00")  # Wednesday
    notify.supervise(portal, compute=fake(result))
    weekly = mailing.to("siteadmin@example.gov.cn")
    assert len(weekly) == 1
    assert "栏目更新" in weekly[0].get_body(("plain",)).get_content()
    notify.supervise(portal, compute=fake(result))  # run again the same day: nothing more
    assert len(mailing.to("siteadmin@example.gov.cn")) == 1
    api.portal.set_registry_record("zhengwu.supervision.mail.weekly_weekday", 0)


def test_reminders_of_petitions_due_soon(portal, mailing, set_clock):
    box = make_box(portal)
    petition, _code = make_petition(box, "accepted")
    due = petition.due_date
    # far from the due date: no reminder
    set_clock(f"{petition.received_date.isoformat()}T09:00+08:00")
    notify.supervise(portal, compute=fake({"indicators": []}), weekly=False)
    assert mailing.to("handler@example.gov.cn") == []
    # the due date itself: due soon, handlers (both) told once
    set_clock(f"{due.isoformat()}T09:00+08:00")
    notify.supervise(portal, compute=fake({"indicators": []}), weekly=False)
    reminders = mailing.to("handler@example.gov.cn")
    assert len(reminders) == 1 and len(mailing.to("handler2@example.gov.cn")) == 1
    text = reminders[0].get_body(("plain",)).get_content()
    assert petition.tracking_number in text and "@@petition-worklist" in text
    assert "【网站监管】" in reminders[0]["Subject"]  # in Chinese
    notify.supervise(portal, compute=fake({"indicators": []}), weekly=False)
    assert len(mailing.to("handler@example.gov.cn")) == 1
    assert mailing.to("officer@example.gov.cn") == []  # not a disclosure request


def test_without_smtp_mail_is_written_to_files(portal, tmp_path):
    api.portal.set_registry_record("plone.email_from_address", "")
    IAnnotations(portal).pop(notify.ANNOTATION_KEY, None)
    assert not mail.mail_configured(portal)
    page = make_item(portal, "private", title="空白栏目")
    items = [{"title": "空白栏目", "url": "", "path": "/".join(page.getPhysicalPath())}]
    notify.supervise(
        portal, compute=fake(indicator("failed", items)), folder=tmp_path, weekly=False
    )
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 3  # two editors, one administrator
    msg = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert "空白栏目" in msg.get_body(("plain",)).get_content()


def test_environment_errors_are_one_sentence(portal):
    with pytest.raises(mail.MailSettingsError, match="SMTP_PORT"):
        mail.settings_from_environment({"SMTP_HOST": "mail", "SMTP_PORT": "x"})
    with pytest.raises(mail.MailSettingsError, match="MAIL_FROM"):
        mail.settings_from_environment({"MAIL_FROM": "not an address"})
    assert mail.settings_from_environment({}) == {}


def test_long_lists_are_cut(portal, mailing):
    page = make_item(portal, "private", title="过期")
    path = "/".join(page.getPhysicalPath())
    items = [{"title": f"第{n}项", "url": "", "path": path} for n in range(notify.MAX_LINES + 7)]
    notify.supervise(portal, compute=fake(indicator("failed", items)), weekly=False)
    text = mailing.to("editor@example.gov.cn")[0].get_body(("plain",)).get_content()
    assert f"第{notify.MAX_LINES - 1}项" in text and f"第{notify.MAX_LINES}项" not in text
    assert "另有 7 项" in text  # "… and 7 more on the dashboard"


def test_reminders_of_disclosure_requests_due_soon(portal, mailing, set_clock):
    from datetime import timedelta
    from tests.requests.helpers import make_catalog
    from tests.requests.helpers import make_request
    from zhengwu.workdays import working_days_between

    def before(due, days):
        """The latest day with ``days`` working days left until ``due``."""
        day = due
        while working_days_between(day, due) < days:
            day -= timedelta(days=1)
        return day.isoformat()

    record, _code = make_request(make_catalog(portal), "registered")
    due = record.due_date
    assert due is not None
    set_clock(f"{before(due, 4)}T09:00+08:00")
    notify.supervise(portal, compute=fake({"indicators": []}), weekly=False)
    assert mailing.to("officer@example.gov.cn") == []  # 4 working days left
    set_clock(f"{before(due, 3)}T09:00+08:00")
    notify.supervise(portal, compute=fake({"indicators": []}), weekly=False)
    assert len(mailing.to("officer@example.gov.cn")) == 1
    assert len(mailing.to("officer2@example.gov.cn")) == 1
    assert mailing.to("officer_other@example.gov.cn") == []  # another department's officer
    text = mailing.to("officer@example.gov.cn")[0].get_body(("plain",)).get_content()
    assert record.tracking_number in text and "@@disclosure-request-worklist" in text
    # overdue: told once more
    set_clock(f"{(due + timedelta(days=1)).isoformat()}T09:00+08:00")
    notify.supervise(portal, compute=fake({"indicators": []}), weekly=False)
    assert len(mailing.to("officer@example.gov.cn")) == 2
    notify.supervise(portal, compute=fake({"indicators": []}), weekly=False)
    assert len(mailing.to("officer@example.gov.cn")) == 2
