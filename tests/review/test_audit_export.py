"""The audit log kept six months and exported a day at a time
(``zhengwu audit-export``; issue 17): JSON Lines to a file or a syslog
server, entries of one day in China's time, the retention applied after."""

from datetime import datetime
from datetime import timedelta
from plone import api
from zhengwu import clock
from zhengwu.instance import cli
from zhengwu.review import audit_retention
from zhengwu.review.audit_log import IAuditLog
from zope.component import getUtility
import json
import pytest
import socket


def at(text):
    return datetime.fromisoformat(text).timestamp()


@pytest.fixture
def audit(portal):
    log = getUtility(IAuditLog)
    # The day 2026-03-10 in China: from 2026-03-09 16:00 UTC to 2026-03-10 16:00 UTC.
    log.append("author", "before", path="/a", when=at("2026-03-09T23:59:59+08:00"))
    log.append(
        "author", "first", path="/b", when=at("2026-03-10T00:00:00+08:00"), address="10.0.0.1"
    )
    log.append(
        "editor", "second", path="/c", when=at("2026-03-10T12:00:00+08:00"), comment="审核意见"
    )
    log.append("editor", "last", path="/d", when=at("2026-03-10T23:59:59+08:00"))
    log.append("editor", "after", path="/e", when=at("2026-03-11T00:00:00+08:00"))
    return log


def test_a_day_in_china_oldest_first(portal, audit, tmp_path):
    result = audit_retention.export(portal, day="2026-03-10", folder=tmp_path, log=lambda m: None)
    target = tmp_path / "audit-2026-03-10.jsonl"
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["action"] for r in rows] == ["first", "second", "last"]
    assert rows[0]["address"] == "10.0.0.1" and rows[1]["comment"] == "审核意见"
    assert set(rows[0]) == {
        "time",
        "actor",
        "action",
        "path",
        "title",
        "comment",
        "state",
        "uid",
        "address",
    }
    assert result["entries"] == 3 and result["day"] == "2026-03-10"
    assert not (tmp_path / "audit-2026-03-10.jsonl.part").exists()


def test_to_a_syslog_server(portal, audit):
    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    server.bind(("127.0.0.1", 0))
    server.settimeout(5)
    port = server.getsockname()[1]
    try:
        result = audit_retention.export(
            portal, day="2026-03-10", syslog=f"127.0.0.1:{port}", log=lambda m: None
        )
        messages = [server.recv(65536).decode() for _ in range(3)]
    finally:
        server.close()
    assert result["entries"] == 3
    # RFC 5424: authpriv.info, version 1, the entry's time, app "zhengwu", msgid "audit"
    assert all(m.startswith("<86>1 2026-03-") for m in messages)
    assert [json.loads(m.split(" audit - ", 1)[1])["action"] for m in messages] == [
        "first",
        "second",
        "last",
    ]


def test_the_retention_removes_only_what_is_older(portal, audit):
    now = datetime.fromisoformat("2026-09-07T00:00:00+08:00")  # 180 days after 2026-03-11
    assert audit_retention.retention_days() == 180
    removed = audit_retention.prune(audit, now=now)
    assert removed == 4
    left = [e["action"] for e in audit.search()]
    assert "after" in left and not {"before", "first", "second", "last"} & set(left)


def test_the_retention_is_never_shorter_than_six_months(portal, audit):
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility as utility

    registry = utility(IRegistry)
    field = registry.records[audit_retention.RETENTION_RECORD].field
    assert field.min == 180
    with pytest.raises(Exception):  # noqa: B017 (the field refuses it)
        api.portal.set_registry_record(audit_retention.RETENTION_RECORD, 30)
    # An entry exactly 180 days old stays; a second later it goes.
    now = datetime.fromisoformat("2026-03-09T23:59:59+08:00") + timedelta(days=180)
    assert audit_retention.prune(audit, now=now) == 0
    assert audit_retention.prune(audit, now=now + timedelta(seconds=1)) == 1


def test_yesterday_in_china_by_default():
    with clock.fixed(datetime.fromisoformat("2026-06-15T00:30:00+08:00")):
        assert audit_retention.parse_day(None).isoformat() == "2026-06-14"


@pytest.mark.parametrize(
    "argv, said",
    [
        (["--day", "2026-13-01"], "--day must be a date written YYYY-MM-DD"),
        (["--syslog", "logs:notaport"], "--syslog must be HOST or HOST:PORT"),
        (["--to", "x.jsonl", "--syslog", "logs"], "Give --to or --syslog, not both."),
    ],
)
def test_bad_options_are_one_sentence(argv, said, capsys, tmp_path):
    assert cli.main(["audit-export", "--instance", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
