"""Backups that restore (`zhengwu backup`, `zhengwu restore --from`), on
both storages: a site with pages and a file is backed up while it runs,
destroyed, restored, and served again with every item and the file's bytes;
on FileStorage an incremental backup after more changes restores the later
state, and the earlier backup still restores the earlier one."""

from .conftest import _admin_sql
from .conftest import ADMIN_PASSWORD
from .conftest import environment
from .conftest import Server
from .conftest import zhengwu
from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo
import base64
import json
import os
import pytest
import re
import requests
import shutil


JSON = {"Accept": "application/json"}
ADMIN = ("admin", ADMIN_PASSWORD)
FIRST = os.urandom(300_000)  # a real blob, not inline data
LATER = os.urandom(50_000)


def create(url, **data):
    response = requests.post(f"{url}/Plone/zh-cn", json=data, headers=JSON, auth=ADMIN, timeout=120)
    assert response.status_code == 201, response.text


def create_file(url, file_id, payload):
    create(
        url,
        **{
            "@type": "File",
            "id": file_id,
            "title": f"附件 {file_id}",
            "file": {
                "data": base64.b64encode(payload).decode("ascii"),
                "encoding": "base64",
                "filename": f"{file_id}.bin",
                "content-type": "application/octet-stream",
            },
        },
    )


def title(url, item):
    response = requests.get(f"{url}/Plone/zh-cn/{item}", headers=JSON, auth=ADMIN, timeout=120)
    return response.json()["title"] if response.status_code == 200 else response.status_code


def download(url, item):
    response = requests.get(f"{url}/Plone/zh-cn/{item}/@@download/file", auth=ADMIN, timeout=120)
    assert response.status_code == 200, (item, response.status_code)
    return response.content


def backup(env):
    result = zhengwu("backup", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    folder = re.search(r"into (\S+)\.$", result.stdout.strip().splitlines()[-1]).group(1)
    return folder, json.loads(open(os.path.join(folder, "backup.json")).read())


def restore(env, folder, *options):
    return zhengwu("restore", "--from", str(folder), *options, env=env)


def assert_named_by_beijing_time(folder, manifest):
    created = datetime.fromisoformat(manifest["created"])
    assert created.utcoffset() == timedelta(hours=8)
    assert os.path.basename(folder).startswith(f"{created:%Y-%m-%d-%H%M%S}")
    assert abs(datetime.now(ZoneInfo("Asia/Shanghai")) - created) < timedelta(minutes=10)


def assert_refused(result, *fragments):
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("zhengwu:")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def destroy(name, instance, dsn):
    if dsn:
        database = re.search(r"dbname=(\S+)", dsn).group(1)
        _admin_sql(f'DROP DATABASE "{database}"')
        shutil.rmtree(instance / "var" / "blobcache")
    else:
        storage = instance / "var" / "filestorage"
        for path in storage.iterdir():
            path.unlink()
        shutil.rmtree(instance / "var" / "blobstorage")


def test_backup_destroy_restore(backend, tmp_path):
    name, instance, dsn = backend
    # RelStorage's backups go to BACKUP_DIR, FileStorage's to instance/var/backups
    extra = {"BACKUP_DIR": str(tmp_path / "backups")} if dsn else {}
    env = environment(instance, dsn, **extra)
    with Server(instance, dsn, command="start") as server:
        for n in range(3):
            create(server.url, **{"@type": "Document", "id": f"page-{n}", "title": f"页面 {n}"})
        create_file(server.url, "first", FIRST)
        # hot: the server keeps running
        folder, manifest = backup(env)
        # the server holds the FileStorage lock, or sessions on the database:
        # a restore is refused, even with --force
        assert_refused(restore(env, folder, "--force"), "before restoring")
    assert manifest["storage"] == name
    assert_named_by_beijing_time(folder, manifest)
    if dsn:
        assert folder.startswith(str(tmp_path / "backups"))
    else:
        assert folder.startswith(str(instance / "var" / "backups"))
        assert manifest["repozo"] == "full" and manifest["blobs"] >= 1
        # the data is still there: replacing it needs --force
        assert_refused(restore(env, folder), "--force")

    destroy(name, instance, dsn)
    result = restore(env, folder)
    assert result.returncode == 0, result.stdout + result.stderr
    if dsn:
        assert "Created the PostgreSQL database" in result.stdout
        # now it holds the site: a second restore needs --force
        assert_refused(restore(env, folder), "not empty", "--force")

    with Server(instance, dsn, command="serve") as server:
        assert [title(server.url, f"page-{n}") for n in range(3)] == ["页面 0", "页面 1", "页面 2"]
        assert download(server.url, "first") == FIRST
        if not dsn:
            return
        create(server.url, **{"@type": "Document", "id": "after", "title": "备份之后"})
    # --force drops what is there
    result = restore(env, folder, "--force")
    assert result.returncode == 0, result.stdout + result.stderr
    with Server(instance, dsn, command="serve") as server:
        assert title(server.url, "after") == 404
        assert download(server.url, "first") == FIRST


def test_incremental_filestorage_backup(backend):
    name, instance, dsn = backend
    if dsn:
        pytest.skip("RelStorage: pg_dump is always whole")
    env = environment(instance)
    # the site restored by the test above
    with Server(instance, command="serve") as server:
        first, _ = backup(env)
        create(server.url, **{"@type": "Document", "id": "later", "title": "后来的页面"})
        create_file(server.url, "later-file", LATER)
        later, manifest = backup(env)
    assert manifest["repozo"] == "incremental"
    assert manifest["blobs"] >= 2
    destroy(name, instance, dsn)
    result = restore(env, later)
    assert result.returncode == 0, result.stdout + result.stderr
    with Server(instance, command="serve") as server:
        assert title(server.url, "later") == "后来的页面"
        assert download(server.url, "later-file") == LATER
        assert download(server.url, "first") == FIRST
    # the earlier point restores the earlier state; the replaced data is kept
    result = restore(env, first, "--force")
    assert result.returncode == 0, result.stdout + result.stderr
    assert list((instance / "var" / "filestorage").glob("Data.fs.before-restore-*"))
    with Server(instance, command="serve") as server:
        assert title(server.url, "later") == 404
        assert title(server.url, "page-2") == "页面 2"
        assert download(server.url, "first") == FIRST


def fake_point(folder, manifest, *files):
    folder.mkdir(parents=True)
    (folder / "backup.json").write_text(manifest)
    for name, content in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    return folder


@pytest.mark.parametrize(
    "source, message",
    [
        ("", "Name the backup"),
        ("/no/such/backup", "does not exist"),
        ("instance/etc", "not a backup made by `zhengwu backup`"),
        ("instance/zope.ini", "neither a backup folder"),
        ("damaged", "is damaged"),
        ("no-repozo", "no repozo full backup"),
        ("no-dump", "database.dump is missing or damaged"),
        ("not-a-dump", "database.dump is missing or damaged"),
        ("unknown", "unknown storage 'zeo'"),
        ("relstorage", "set ZHENGWU_DSN"),
    ],
)
def test_bad_from(tmp_path, source, message):
    from .conftest import make_instance

    instance = make_instance(tmp_path / "instance")
    (instance / "etc").mkdir()
    points = {
        "damaged": ("{not json",),
        "no-repozo": ('{"storage": "filestorage"}', ("filestorage/x.dat", b"")),
        "no-dump": ('{"storage": "relstorage"}',),
        "not-a-dump": ('{"storage": "relstorage"}', ("database.dump", b"SELECT 1;")),
        "unknown": ('{"storage": "zeo"}',),
        "relstorage": ('{"storage": "relstorage"}', ("database.dump", b"PGDMP\1\2")),
    }
    if source in points:
        source = fake_point(tmp_path / source, *points[source])
    else:
        source = source.replace("instance/", f"{instance}/")
    assert_refused(restore(environment(instance), source), message)


def test_nothing_to_back_up(tmp_path):
    from .conftest import make_instance

    instance = make_instance(tmp_path / "instance")
    assert_refused(zhengwu("backup", env=environment(instance)), "Nothing to back up")
    blocked = tmp_path / "file"
    blocked.write_text("")
    (instance / "var" / "filestorage").mkdir(parents=True)
    (instance / "var" / "filestorage" / "Data.fs").write_bytes(b"FS21" + b"\0" * 100)
    result = zhengwu("backup", env=environment(instance, BACKUP_DIR=str(blocked / "sub")))
    assert_refused(result, "BACKUP_DIR")
