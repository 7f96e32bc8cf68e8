"""One time zone in the logs: `zhengwu start` and `zhengwu serve` write the
event and access logs in Beijing time, with the offset, on a machine whose
zone is UTC (issue 16)."""

from .conftest import make_instance
from .conftest import Server
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from datetime import UTC
import re
import requests


BEIJING = timezone(timedelta(hours=8))
EVENT = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),\d{3}(\S*) ")
ACCESS = re.compile(r"\[(\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d) ([+-]\d{4})\]")


def event_times(path):
    times = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = EVENT.match(line)
        if match:
            assert match.group(2) == "+08:00", line
            stamp = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S")
            times.append(stamp.replace(tzinfo=BEIJING))
    return times


def test_start_and_serve_log_in_beijing_time(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")  # the machine's zone, as on most servers
    instance = make_instance(tmp_path / "instance")
    before = datetime.now(UTC) - timedelta(seconds=5)
    for command in ("start", "serve"):
        with Server(instance, command=command) as server:
            assert requests.get(f"{server.url}/Plone", timeout=60).status_code == 200
    after = datetime.now(UTC) + timedelta(seconds=5)
    log = instance / "var" / "log"
    times = event_times(log / "event.log")
    # both processes wrote their start-up lines (Zope's "Ready to handle requests")
    assert (log / "event.log").read_text(encoding="utf-8").count("Ready to handle requests") == 2
    assert len(times) >= 4
    for moment in times:  # Beijing time: the same instants as now, not 8 hours off
        assert before <= moment <= after, (moment, before, after)
    access = ACCESS.findall((log / "access.log").read_text(encoding="utf-8"))
    assert len(access) >= 2
    for stamp, offset in access:
        assert offset == "+0800"
        moment = datetime.strptime(f"{stamp} {offset}", "%d/%b/%Y:%H:%M:%S %z")
        assert before <= moment <= after
