"""POST @supervision-run: the command line's tasks inside the running
server (FileStorage opens in one process only), for administrators alone;
and the command line asking it (instance/site_tasks.through_server)."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zhengwu.instance import site_tasks
from zhengwu.instance.config import ConfigurationError
import pytest


def test_an_administrator_runs_the_link_check(request_factory):
    response = request_factory("siteadmin").post("@supervision-run", json={"task": "check-links"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["task"] == "check-links"
    assert data["result"]["broken_count"] == 0
    assert data["result"]["checked"].endswith("+08:00")
    assert "broken." in data["message"]


@pytest.mark.parametrize("userid", [None, "editor", "final"])
def test_others_may_not(request_factory, userid):
    response = request_factory(userid).post("@supervision-run", json={"task": "check-links"})
    assert response.status_code == 401


@pytest.mark.parametrize(
    "data, field",
    [
        ({"task": "fly"}, "task"),
        ({"task": "check-links", "budget": "x"}, "budget"),
        ({"task": "audit-export", "day": "2026-02-30"}, "day"),
        ({"task": "audit-export", "syslog": "logs:x"}, "syslog"),
        ({"task": "audit-export", "to": 5}, "to"),
        ({"task": "audit-export", "to": "/etc/x.jsonl"}, "to"),
        ({"task": "audit-export", "to": "../x.jsonl"}, "to"),
    ],
)
def test_bad_requests(request_factory, data, field):
    response = request_factory("siteadmin").post("@supervision-run", json=data)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field


def test_the_server_exports_the_audit_log(request_factory, tmp_path, monkeypatch):
    """``zhengwu audit-export`` while the server holds a FileStorage: the
    server writes the day's entries in its audit folder."""
    monkeypatch.setenv("ZHENGWU_INSTANCE", str(tmp_path))
    target = tmp_path / "var" / "audit" / "day.jsonl"
    response = request_factory("siteadmin").post(
        "@supervision-run", json={"task": "audit-export", "day": "2026-03-10", "to": "day.jsonl"}
    )
    assert response.status_code == 200, response.text
    result = response.json()["result"]
    assert result["day"] == "2026-03-10" and result["to"] == str(target)
    assert target.read_text(encoding="utf-8").count("\n") == result["entries"]


def test_the_command_line_asks_the_server(portal_url, monkeypatch):
    root, site_id = portal_url.rsplit("/", 1)
    monkeypatch.setenv("ZHENGWU_URL", root)
    monkeypatch.setenv("ADMIN_PASSWORD", SITE_OWNER_PASSWORD)
    assert SITE_OWNER_NAME == "admin"
    said = []
    result = site_tasks.through_server(site_id, said.append, {"task": "check-links"}, wait=120)
    assert result["broken_count"] == 0
    assert "running check-links there" in said[0] and "broken." in said[-1]
    monkeypatch.setenv("ADMIN_PASSWORD", "wrong")
    with pytest.raises(ConfigurationError, match="refused the administrator"):
        site_tasks.through_server(site_id, said.append, {"task": "check-links"}, wait=120)
    monkeypatch.setenv("ZHENGWU_URL", "http://127.0.0.1:9")
    with pytest.raises(ConfigurationError, match="no Zhengwu server answers"):
        site_tasks.through_server(site_id, said.append, {"task": "check-links"}, wait=5)


def test_an_export_refusal_is_said_for_rest_not_for_the_command_line(request_factory):
    response = request_factory("siteadmin").post(
        "@supervision-run", json={"task": "audit-export", "day": "2026-02-30"}
    )
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "--day" not in message and "日期" in message
