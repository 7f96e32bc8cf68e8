"""Backups that restore: `zhengwu backup` and `zhengwu restore --from PATH`.

Every backup is a folder of its own in ``BACKUP_DIR`` (default
``instance/var/backups/``), named by its time in Beijing
(``2026-12-05-043010``), with a ``backup.json`` saying what it holds:

- FileStorage: ``filestorage/``, a repozo repository that restores this very
  point (the full backup and the incrementals up to it), and
  ``blobstorage/``, a copy of the blobs taken right after repozo's point.
  repozo runs on a shared repository (``BACKUP_DIR/repozo/``): full the
  first time (and after a pack, or with ``--full``), incremental after; each
  point folder hard-links the repository files it needs, and its blobs
  hard-link the unchanged blob files of the previous point (blob files
  never change once written), so a point costs what changed since the last
  one and still restores alone.
- RelStorage: ``database.dump``, ``pg_dump -Fc`` of the database, blobs
  included (they are in the database).

Restoring FileStorage refuses while the server runs (it holds the
FileStorage lock) and refuses to replace a database unless ``--force``
(then the old ``Data.fs`` and blobs are kept beside, renamed). Restoring
RelStorage creates the database if it is missing, refuses while other
sessions use it, and refuses to overwrite a database with tables in it
unless ``--force`` (then it is dropped and created again).
"""

from datetime import datetime
from pathlib import Path
from psycopg2.extensions import make_dsn
from psycopg2.extensions import parse_dsn
from zhengwu.instance.config import _first_line
from zhengwu.instance.config import check_dsn
from zhengwu.instance.config import ConfigurationError
from zhengwu.instance.config import DatabaseInUse
from zoneinfo import ZoneInfo
import json
import os
import psycopg2
import shutil
import subprocess
import sys
import time


CHINA = ZoneInfo("Asia/Shanghai")
MANIFEST = "backup.json"
DUMP = "database.dump"
REPOSITORY = "repozo"
FORMAT = 1
# repozo's data files (.dat) are appended to by each incremental backup:
# copied into a point, never linked. Everything else it writes is final.
APPENDED = (".dat",)


def backup_dir(instance):
    value = os.environ.get("BACKUP_DIR", "").strip()
    return Path(value).expanduser().resolve() if value else instance.var / "backups"


def _now():
    return datetime.now(CHINA).replace(microsecond=0)


def _point_folder(root, when):
    name = f"{when:%Y-%m-%d-%H%M%S}"
    folder, n = root / name, 1
    while folder.exists():
        n += 1
        folder = root / f"{name}-{n}"
    return folder


def _prepare(root):
    try:
        root.mkdir(parents=True, exist_ok=True)
        probe = root / ".writable"
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        raise ConfigurationError(
            f"Cannot write backups into BACKUP_DIR={str(root)!r}: {error.strerror or error}."
        ) from None


def backup(instance, say, full=False):
    """Back up the instance's storage; return the new point's folder."""
    root = backup_dir(instance)
    if instance.dsn:
        check_dsn(instance.dsn, create=False)  # one sentence when unreachable
        _prepare(root)
        return _backup_relstorage(instance, root, say)
    data_fs = instance.var / "filestorage" / "Data.fs"
    if not data_fs.is_file() or data_fs.stat().st_size <= 4:
        raise ConfigurationError(
            f"Nothing to back up: {data_fs} does not exist (create the site first, "
            "or set ZHENGWU_DSN for RelStorage)."
        )
    _prepare(root)
    return _backup_filestorage(instance, root, say, full)


def _write_manifest(folder, **values):
    manifest = {"format": FORMAT, **values}
    (folder / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


# FileStorage


def _repozo(*args):
    """Run repozo; ConfigurationError with its last words when it fails."""
    result = subprocess.run(
        [sys.executable, "-m", "ZODB.scripts.repozo", *args],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
        raise ConfigurationError(f"repozo failed: {lines[-1] if lines else result.returncode}.")
    return result


def _backup_filestorage(instance, root, say, full):
    data_fs = instance.var / "filestorage" / "Data.fs"
    repository = root / REPOSITORY
    repository.mkdir(exist_ok=True)
    before = set(os.listdir(repository))
    # repozo names its files by the UTC second: never two in one second.
    stamp = time.strftime("%Y-%m-%d-%H-%M-%S", time.gmtime())
    if any(name.startswith(stamp) for name in before):
        time.sleep(1.1)
    when = _now()
    say(f"Backing up {data_fs} with repozo into {repository} …")
    _repozo("-B", "-r", str(repository), "-f", str(data_fs), *(["-F", "-k"] if full else []))
    after = sorted(os.listdir(repository))
    new = sorted(set(after) - before)
    kind = (
        "full"
        if any(n.endswith(".fs") for n in new)
        else "incremental"
        if new
        else "unchanged since the last backup"
    )
    folder = _point_folder(root, when)
    work = folder.with_name(folder.name + ".partial")
    try:
        (work / "filestorage").mkdir(parents=True)
        for name in _repository_files(repository, after):
            source, target = repository / name, work / "filestorage" / name
            if name.endswith(APPENDED):
                shutil.copy2(source, target)
            else:
                _link_or_copy(source, target)
        previous = _latest_point(root, "filestorage")
        blobs = _copy_blobs(
            instance.var / "blobstorage",
            work / "blobstorage",
            previous / "blobstorage" if previous else None,
        )
        _write_manifest(
            work,
            storage="filestorage",
            created=when.isoformat(),
            repozo=kind,
            blobs=blobs,
        )
        work.rename(folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    say(f"Backed up Data.fs ({kind}) and {blobs} blob files into {folder}.")
    return folder


def _repository_files(repository, names):
    """The repozo files that restore the newest point: those of the newest
    full backup (the .fs and the files named after it or later)."""
    fulls = sorted(n for n in names if n.endswith(".fs"))
    if not fulls:
        raise ConfigurationError(f"repozo wrote no full backup into {repository}.")
    first = fulls[-1][: -len(".fs")]
    return [n for n in names if n[:19] >= first and not n.startswith(".")]


def _link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _copy_blobs(source, target, previous):
    """Copy the blob folder (without its tmp/), hard-linking the files the
    previous point already holds; return how many blob files there are."""
    count = 0
    target.mkdir(parents=True)
    if not source.is_dir():
        return 0
    for folder, subfolders, files in os.walk(source):
        relative = Path(folder).relative_to(source)
        if relative == Path("."):
            subfolders[:] = [s for s in subfolders if s != "tmp"]
        (target / relative).mkdir(exist_ok=True)
        for name in files:
            src = Path(folder) / name
            dst = target / relative / name
            old = previous / relative / name if previous else None
            if (
                name.endswith(".blob")
                and old is not None
                and old.is_file()
                and old.stat().st_size == src.stat().st_size
            ):
                _link_or_copy(old, dst)
            else:
                shutil.copy2(src, dst)
            count += name.endswith(".blob")
    return count


def _latest_point(root, storage):
    points = []
    for folder in root.iterdir():
        manifest = folder / MANIFEST
        if folder.is_dir() and manifest.is_file():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except ValueError:
                continue
            if data.get("storage") == storage:
                points.append((data.get("created", ""), folder.name, folder))
    return max(points)[2] if points else None


# RelStorage


def _pg_connection(dsn):
    """(libpq arguments without the password, environment with PGPASSWORD):
    a password never shows in the process list."""
    params = parse_dsn(dsn)
    env = dict(os.environ)
    password = params.pop("password", None)
    if password is not None:
        env["PGPASSWORD"] = password
    params.setdefault("connect_timeout", "10")
    return make_dsn(**params), env, params


def _pg_tool(name):
    path = shutil.which(name)
    if path is None:
        raise ConfigurationError(
            f"{name} is not installed: install PostgreSQL's client programs "
            "(Debian: apt-get install postgresql-client)."
        )
    return path


def _backup_relstorage(instance, root, say):
    conninfo, env, params = _pg_connection(instance.dsn)
    pg_dump = _pg_tool("pg_dump")
    when = _now()
    folder = _point_folder(root, when)
    work = folder.with_name(folder.name + ".partial")
    database = params.get("dbname", "")
    say(f"Backing up the PostgreSQL database {database!r} with pg_dump -Fc …")
    try:
        work.mkdir()
        result = subprocess.run(
            [pg_dump, "-Fc", "-d", conninfo, "-f", str(work / DUMP)],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise ConfigurationError(f"pg_dump failed: {_first_line(result.stderr)}.")
        _write_manifest(work, storage="relstorage", created=when.isoformat(), database=database)
        work.rename(folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    size = (folder / DUMP).stat().st_size
    say(f"Backed up the database ({size:,} bytes, blobs included) into {folder}.")
    return folder


# Restore


def read_point(path):
    """``(manifest, folder or dump file)`` of what FROM names."""
    if not str(path).strip():
        raise ConfigurationError(
            "Name the backup to restore: `make restore FROM=instance/var/backups/<time>` "
            "or `zhengwu restore --from PATH`."
        )
    path = Path(path).expanduser().resolve()
    if not path.exists():
        raise ConfigurationError(f"FROM={str(path)!r} does not exist.")
    if path.is_file():
        # a file made by `pg_dump -Fc` by hand
        if _is_pg_dump(path):
            return {"storage": "relstorage", "created": None}, path
        raise ConfigurationError(
            f"FROM={str(path)!r} is neither a backup folder made by `zhengwu backup` "
            "nor a dump made by `pg_dump -Fc`."
        )
    manifest = path / MANIFEST
    if not manifest.is_file():
        hint = ""
        if any((p / MANIFEST).is_file() for p in path.iterdir() if p.is_dir()):
            hint = " (it holds backups: name one of its folders)"
        raise ConfigurationError(
            f"FROM={str(path)!r} is not a backup made by `zhengwu backup`: it has no "
            f"{MANIFEST}{hint}."
        )
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        storage = data["storage"]
    except (ValueError, KeyError, TypeError):
        raise ConfigurationError(f"{manifest} is damaged: it does not say what it holds.") from None
    if storage == "filestorage":
        repository = path / "filestorage"
        if not repository.is_dir() or not any(n.endswith(".fs") for n in os.listdir(repository)):
            raise ConfigurationError(f"{path} is incomplete: it has no repozo full backup.")
    elif storage == "relstorage":
        if not _is_pg_dump(path / DUMP):
            raise ConfigurationError(f"{path} is incomplete: {DUMP} is missing or damaged.")
        path = path / DUMP
    else:
        raise ConfigurationError(f"{manifest} names an unknown storage {storage!r}.")
    return data, path


def _is_pg_dump(path):
    try:
        with open(path, "rb") as file:
            return file.read(5) == b"PGDMP"
    except OSError:
        return False


def _shown(data):
    created = data.get("created")
    if not created:
        return "the dump"
    return f"the backup of {datetime.fromisoformat(created):%Y-%m-%d %H:%M:%S} (Beijing time)"


def restore(instance, source, say, force=False):
    data, path = read_point(source)
    if data["storage"] == "filestorage":
        if instance.dsn:
            raise ConfigurationError(
                "This is a FileStorage backup but ZHENGWU_DSN is set: unset it to restore "
                "into instance/var (then move to RelStorage with zodbconvert, "
                "docs/operations.md)."
            )
        return _restore_filestorage(instance, path, data, say, force)
    if not instance.dsn:
        raise ConfigurationError(
            "This is a RelStorage backup: set ZHENGWU_DSN to the PostgreSQL database "
            "to restore it into."
        )
    return _restore_relstorage(instance, path, data, say, force)


def _restore_filestorage(instance, folder, data, say, force):
    from zc.lockfile import LockError
    from zc.lockfile import LockFile

    storage = instance.var / "filestorage"
    blobs = instance.var / "blobstorage"
    storage.mkdir(parents=True, exist_ok=True)
    data_fs = storage / "Data.fs"
    try:
        lock = LockFile(str(data_fs) + ".lock")
    except LockError:
        raise DatabaseInUse(
            f"{data_fs} is in use by another process: stop the server before restoring."
        ) from None
    try:
        if data_fs.exists() and data_fs.stat().st_size > 4:
            if not force:
                raise ConfigurationError(
                    f"{data_fs} holds a database: restoring would replace it; give --force "
                    "(make restore FORCE=1) to do so (the old one is kept beside it)."
                )
            suffix = f".before-restore-{_now():%Y-%m-%d-%H%M%S}"
            data_fs.rename(data_fs.with_name(data_fs.name + suffix))
            if blobs.exists():
                blobs.rename(blobs.with_name(blobs.name + suffix))
            say(f"Kept the replaced data beside it: Data.fs{suffix}, blobstorage{suffix}.")
        for name in ("Data.fs.index", "Data.fs.tmp", "Data.fs.old"):
            (storage / name).unlink(missing_ok=True)
        partial = storage / "Data.fs.restoring"
        say(f"Restoring Data.fs from {folder / 'filestorage'} with repozo …")
        try:
            _repozo("-R", "-w", "-r", str(folder / "filestorage"), "-o", str(partial))
            os.replace(str(partial) + ".index", str(data_fs) + ".index")
            os.replace(partial, data_fs)
        finally:
            for leftover in (partial, Path(f"{partial}.index"), Path(f"{partial}.part")):
                leftover.unlink(missing_ok=True)
        count = _restore_blobs(folder / "blobstorage", blobs)
    finally:
        lock.close()
    say(f"Restored {_shown(data)} into {instance.var}: Data.fs and {count} blob files.")


def _restore_blobs(source, target):
    """Copy the backup's blobs in; files already there (blob files never
    change) are kept."""
    count = 0
    target.mkdir(parents=True, exist_ok=True)
    (target / "tmp").mkdir(exist_ok=True)
    if not source.is_dir():
        return 0
    for folder, _subfolders, files in os.walk(source):
        relative = Path(folder).relative_to(source)
        (target / relative).mkdir(exist_ok=True)
        for name in files:
            dst = target / relative / name
            if name.endswith(".blob"):
                count += 1
                if dst.exists():
                    continue
            shutil.copy2(Path(folder) / name, dst)
    return count


def _restore_relstorage(instance, dump, data, say, force):
    conninfo, env, params = _pg_connection(instance.dsn)
    pg_restore = _pg_tool("pg_restore")
    database = params.get("dbname")
    if not database:
        raise ConfigurationError("ZHENGWU_DSN names no database (dbname=…).")
    created = check_dsn(instance.dsn)  # creates it when missing, else one sentence
    if created:
        say(f"Created the PostgreSQL database {database!r}.")
    else:
        others, tables = _database_use(instance.dsn)
        if others:
            raise DatabaseInUse(
                f"The database {database!r} has {others} other open connection(s): stop the "
                "Zope processes using it before restoring."
            )
        if tables:
            if not force:
                raise ConfigurationError(
                    f"The database {database!r} is not empty ({tables} tables): restoring "
                    "would overwrite it; give --force (make restore FORCE=1) to drop and "
                    "create it again."
                )
            _recreate(instance.dsn, database)
            say(f"Dropped and created the database {database!r} again.")
    say(f"Restoring {dump} into {database!r} with pg_restore …")
    result = subprocess.run(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "-d",
            conninfo,
            str(dump),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise ConfigurationError(f"pg_restore failed: {_first_line(result.stderr)}.")
    # Blobs cached from the database that was there before must not be
    # served for the restored one.
    shutil.rmtree(instance.blob_cache, ignore_errors=True)
    say(f"Restored {_shown(data)} into the database {database!r}.")


def _database_use(dsn):
    """(other sessions on the database, tables outside the system schemas)."""
    try:
        connection = psycopg2.connect(dsn, connect_timeout=10)
    except psycopg2.Error as error:
        raise ConfigurationError(f"Cannot connect to PostgreSQL: {_first_line(error)}.") from None
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            others = cursor.fetchone()[0]
            cursor.execute(
                "SELECT count(*) FROM pg_tables "
                "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
            )
            tables = cursor.fetchone()[0]
    finally:
        connection.close()
    return others, tables


def _recreate(dsn, database):
    admin = dict(parse_dsn(dsn), dbname="postgres")
    admin.setdefault("connect_timeout", "10")
    try:
        connection = psycopg2.connect(make_dsn(**admin))
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{database}"')
            cursor.execute(f'CREATE DATABASE "{database}"')
        connection.close()
    except psycopg2.Error as error:
        raise ConfigurationError(
            f"Cannot drop and create the database {database!r} again: {_first_line(error)}."
        ) from None
