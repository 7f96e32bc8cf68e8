"""Real Zope processes on real storages, started the way `make start` does.

Each backend gets a fresh instance folder (the tracked templates copied in)
and, for RelStorage, a fresh PostgreSQL database on 127.0.0.1:5432 that is
dropped afterwards. Without PostgreSQL the RelStorage tests are skipped with
the reason — except under CI (CI=true), where they must run and fail instead.

The fault tests (tests/faults) use the same helpers, and a few more: a
server killed with SIGKILL and started again on its port (``Server.kill``,
``Server.restart``), a PostgreSQL cluster of their own that they can stop
(``PrivateCluster``).

``ZHENGWU_TEST_PORTS`` (``9600-9699``) keeps the servers' ports in a range;
``ZHENGWU_TEST_PG_PORTS`` those of the private PostgreSQL clusters;
``ZHENGWU_TEST_DB_PREFIX`` names the temporary databases (``zhengwu_test_``).
"""

from pathlib import Path
import contextlib
import glob
import os
import pytest
import requests
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
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


def pg_dsn(database, admin_dsn=None):
    """The DSN of ``database`` on the server of ``ZHENGWU_TEST_PG`` (or of
    ``admin_dsn``)."""
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    return make_dsn(**dict(parse_dsn(admin_dsn or PG_ADMIN_DSN), dbname=database))


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


def _admin_sql(statement, admin_dsn=None):
    import psycopg2

    connection = psycopg2.connect(admin_dsn or PG_ADMIN_DSN, connect_timeout=5)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(statement)
    connection.close()


@contextlib.contextmanager
def temporary_database(admin_dsn=None):
    prefix = os.environ.get("ZHENGWU_TEST_DB_PREFIX", "zhengwu_test_")
    name = f"{prefix}{uuid.uuid4().hex[:10]}"
    _admin_sql(f'CREATE DATABASE "{name}"', admin_dsn)
    try:
        yield name
    finally:
        _admin_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()",
            admin_dsn,
        )
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}"', admin_dsn)


_handed_out = set()


def free_port(setting="ZHENGWU_TEST_PORTS"):
    """A free port: any, or one of the range ``setting`` names (``low-high``)."""
    wanted = os.environ.get(setting, "")
    if not wanted:
        with socket.socket() as sock:
            sock.bind(("localhost", 0))
            return sock.getsockname()[1]
    low, high = (int(part) for part in wanted.split("-"))
    for port in range(low, high + 1):
        if port in _handed_out:
            continue
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("localhost", port))
            except OSError:
                continue
        _handed_out.add(port)  # not twice in one run: a killed server's port is reused on purpose
        return port
    raise RuntimeError(f"no free port in {setting}={wanted}")


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
    """`zhengwu start` (or `serve`) in a process of its own; ``wait=False``
    returns at once (call ``wait()``), ``extra`` adds environment settings."""

    def __init__(self, instance, dsn="", command="start", port=None, wait=True, **extra):
        self.port = port or free_port()
        self.url = f"http://localhost:{self.port}"
        self.log = instance / f"server-{self.port}.log"
        self.instance, self.dsn, self.command, self.extra = instance, dsn, command, extra
        self.launch()
        if wait:
            self.wait()

    def launch(self):
        env = environment(self.instance, self.dsn, PORT=str(self.port), **self.extra)
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(
                [*ZHENGWU, self.command],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def kill(self):
        """SIGKILL, as the kernel's OOM killer or a crash would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def restart(self, wait=True):
        """Start the server again on the same port (``serve``: the site exists)."""
        self.command = "serve"
        self.launch()
        if wait:
            self.wait()

    def wait(self, timeout=240):
        try:
            self._wait(timeout)
        except BaseException:
            self.stop()  # never leave a server holding the database
            raise

    def _wait(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log.read_text()}")
            try:
                # a server busy with other clients answers late: wait for it
                requests.get(f"{self.url}/", timeout=30)
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


def postgres_bindir():
    """The folder of initdb and pg_ctl (Debian's /usr/lib/postgresql/N/bin), or None."""
    for name in ("initdb", "pg_ctl"):
        found = shutil.which(name)
        if found:
            return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


class PrivateCluster:
    """A PostgreSQL server of the test's own, on 127.0.0.1, that it may stop
    and start (trust authentication, user postgres). As root, the server
    runs as the system user ``postgres`` (PostgreSQL refuses to run as root)."""

    def __init__(self, port=None):
        bindir = postgres_bindir()
        if bindir is None:
            reason = "PostgreSQL's initdb and pg_ctl are not installed"
            if os.environ.get("CI"):
                pytest.fail(reason)
            pytest.skip(reason)
        self.bindir = bindir
        # Not under pytest's tmp_path: its parents are closed to the
        # ``postgres`` user; a short path also keeps the socket's under 107 bytes.
        self.folder = Path(tempfile.mkdtemp(prefix="zhengwu-pg-"))
        self.data = self.folder / "data"
        self.port = port or free_port("ZHENGWU_TEST_PG_PORTS")
        self.admin_dsn = f"host=127.0.0.1 port={self.port} dbname=postgres user=postgres"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.as_user = []
        if os.geteuid() == 0:
            import pwd

            owner = pwd.getpwnam("postgres")
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        self.start()

    def _run(self, tool, *args):
        result = subprocess.run(
            [*self.as_user, str(self.bindir / tool), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode:
            raise RuntimeError(f"{tool} failed: {result.stdout}{result.stderr}")

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )

    def stop(self, mode="fast"):
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def destroy(self):
        with contextlib.suppress(RuntimeError):
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.destroy()


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
