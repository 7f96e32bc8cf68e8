"""Real Zope processes on real storages, started the way `make start` does.

Each backend gets a fresh instance folder (the tracked templates copied in)
and, for RelStorage, a fresh PostgreSQL database on 127.0.0.1:5432 that is
dropped afterwards. Without PostgreSQL the RelStorage tests are skipped with
the reason — except under CI (CI=true), where they must run and fail instead.
"""

from pathlib import Path
import contextlib
import os
import pytest
import requests
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid


ROOT = Path(__file__).resolve().parents[2]
# The `zhengwu` command as its console script runs it, through this Python:
# the code on the path is the code tested (a console script installed from
# another checkout would run that checkout's code).
ZHENGWU = [sys.executable, "-m", "zhengwu.instance.cli"]
# The server every PostgreSQL test uses: a libpq DSN naming the database to
# administer from; each test database is on the same server, as the same user.
PG_ADMIN_DSN = os.environ.get("ZHENGWU_TEST_PG", "host=127.0.0.1 port=5432 dbname=postgres")
ADMIN_PASSWORD = "storage-test-secret"


def pg_dsn(database):
    """The DSN of ``database`` on the server of ``ZHENGWU_TEST_PG``."""
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    return make_dsn(**dict(parse_dsn(PG_ADMIN_DSN), dbname=database))


def postgres_error():
    import psycopg2

    try:
        psycopg2.connect(PG_ADMIN_DSN, connect_timeout=3).close()
    except psycopg2.Error as error:
        return str(error).strip().splitlines()[0]
    return None


def require_postgres():
    error = postgres_error()
    if error is None:
        return
    reason = f"PostgreSQL is not reachable with {PG_ADMIN_DSN!r}: {error}"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the RelStorage tests)")
    pytest.skip(reason)


def _admin_sql(statement):
    import psycopg2

    connection = psycopg2.connect(PG_ADMIN_DSN, connect_timeout=5)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(statement)
    connection.close()


@contextlib.contextmanager
def temporary_database():
    name = f"zhengwu_test_{uuid.uuid4().hex[:10]}"
    _admin_sql(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        _admin_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        )
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("localhost", 0))
        return sock.getsockname()[1]


def make_instance(path):
    path.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "instance" / "templates", path / "templates")
    shutil.copy(ROOT / "instance" / "zope.ini", path / "zope.ini")
    return path


def environment(instance, dsn="", **extra):
    env = dict(os.environ)
    env.pop("ZHENGWU_DSN", None)
    env.update(
        ZHENGWU_INSTANCE=str(instance),
        ADMIN_PASSWORD=ADMIN_PASSWORD,
        DEMO="0",
        HOST="localhost",
        PYTHONUNBUFFERED="1",
    )
    if dsn:
        env["ZHENGWU_DSN"] = dsn
    env.update(extra)
    return env


def zhengwu(*args, env, timeout=300):
    """Run the zhengwu command line; return the CompletedProcess."""
    return subprocess.run(
        [*ZHENGWU, *args], env=env, capture_output=True, text=True, timeout=timeout
    )


class Server:
    """`zhengwu start` (or `serve`) in a process of its own."""

    def __init__(self, instance, dsn="", command="start"):
        self.port = free_port()
        self.url = f"http://localhost:{self.port}"
        self.log = instance / f"server-{self.port}.log"
        env = environment(instance, dsn, PORT=str(self.port))
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [*ZHENGWU, command],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self.wait()
        except BaseException:
            self.stop()  # never leave a server holding the database
            raise

    def wait(self, timeout=240):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log.read_text()}")
            try:
                requests.get(f"{self.url}/", timeout=2)
                return
            # Not listening yet, or listening but still too busy to answer (a
            # loaded machine): ask again until the deadline.
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"server did not answer in {timeout}s:\n{self.log.read_text()}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


@pytest.fixture(scope="module", params=["filestorage", "relstorage"])
def backend(request, tmp_path_factory):
    """(name, instance folder, DSN) with the site created by `zhengwu start`."""
    instance = make_instance(tmp_path_factory.mktemp(request.param) / "instance")
    if request.param == "filestorage":
        yield "filestorage", instance, ""
        return
    require_postgres()
    with temporary_database() as database:
        yield "relstorage", instance, pg_dsn(database)
