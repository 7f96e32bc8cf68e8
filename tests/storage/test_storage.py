"""The same behaviour on ZODB FileStorage and on RelStorage/PostgreSQL:
`zhengwu start` creates and serves the site, content persists across
restarts, Anonymous is refused private content; on RelStorage two Zope
processes share one database."""

from .conftest import ADMIN_PASSWORD
from .conftest import environment
from .conftest import Server
from .conftest import zhengwu
import requests


JSON = {"Accept": "application/json"}
ADMIN = ("admin", ADMIN_PASSWORD)


def create_page(url, page_id, title):
    response = requests.post(
        f"{url}/Plone/zh-cn",
        json={"@type": "Document", "id": page_id, "title": title},
        headers=JSON,
        auth=ADMIN,
        timeout=60,
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_start_creates_and_serves_the_site(backend):
    name, instance, dsn = backend
    with Server(instance, dsn, command="start") as server:
        response = requests.get(f"{server.url}/Plone", headers=JSON, timeout=60)
        assert response.status_code == 200
        assert response.json()["@type"] == "Plone Site"
        settings = requests.get(
            f"{server.url}/Plone/@controlpanels/language", headers=JSON, auth=ADMIN, timeout=60
        ).json()
        assert settings["data"]["default_language"]["token"] == "zh-cn"
        create_page(server.url, "draft", f"草稿 {name}")
        # private: Anonymous gets 401, the administrator 200
        assert (
            requests.get(f"{server.url}/Plone/zh-cn/draft", headers=JSON, timeout=60).status_code
            == 401
        )
        assert (
            requests.get(
                f"{server.url}/Plone/zh-cn/draft", headers=JSON, auth=ADMIN, timeout=60
            ).status_code
            == 200
        )
    if dsn:
        assert (instance / "etc" / "zope.conf").read_text().count("<relstorage>") == 1
    else:
        assert (instance / "var" / "filestorage" / "Data.fs").exists()


def test_starting_again_loses_nothing(backend):
    name, instance, dsn = backend
    result = zhengwu("create-site", env=environment(instance, dsn))
    assert result.returncode == 0, result.stderr
    assert "exists" in result.stdout
    with Server(instance, dsn, command="start") as server:
        response = requests.get(
            f"{server.url}/Plone/zh-cn/draft", headers=JSON, auth=ADMIN, timeout=60
        )
        assert response.status_code == 200
        assert response.json()["title"] == f"草稿 {name}"


def test_two_processes_share_one_database(backend):
    name, instance, dsn = backend
    if not dsn:
        # FileStorage is single-process by design: a second process is refused.
        with Server(instance, dsn, command="serve"):
            result = zhengwu("create-site", env=environment(instance, dsn))
        assert result.returncode == 2
        assert "in use by another process" in result.stderr
        assert "Traceback" not in result.stderr
        return
    with (
        Server(instance, dsn, command="serve") as first,
        Server(instance, dsn, command="serve") as second,
    ):
        assert first.process.pid != second.process.pid
        create_page(first.url, "from-first", "第一个进程写入")
        seen = requests.get(
            f"{second.url}/Plone/zh-cn/from-first", headers=JSON, auth=ADMIN, timeout=60
        )
        assert seen.status_code == 200
        assert seen.json()["title"] == "第一个进程写入"
        create_page(second.url, "from-second", "第二个进程写入")
        seen = requests.get(
            f"{first.url}/Plone/zh-cn/from-second", headers=JSON, auth=ADMIN, timeout=60
        )
        assert seen.status_code == 200
