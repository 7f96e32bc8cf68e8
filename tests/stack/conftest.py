"""The production stack (`make prod`) started for real: Varnish, HAProxy and
Zope processes on a temporary PostgreSQL database.

Ports come from STACK_TEST_PORTS (default 9400–9499), never the defaults of
`make prod`, so the tests run while someone has the stack up. The databases
are named zw_stack_<random> and dropped afterwards.
"""

from pathlib import Path
from tests.storage.conftest import ADMIN_PASSWORD
from tests.storage.conftest import make_instance
from tests.storage.conftest import pg_dsn
from tests.storage.conftest import require_postgres
import contextlib
import os
import random
import shutil
import socket
import subprocess
import sys
import uuid


ROOT = Path(__file__).resolve().parents[2]
STACK = [sys.executable, "-m", "zhengwu.instance.stack"]
PORT_RANGE = os.environ.get("STACK_TEST_PORTS", "9400-9499")


def _free(port):
    for family, address in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
        with socket.socket(family) as sock:
            try:
                sock.bind((address, port))
            except OSError as error:
                if family == socket.AF_INET6 and error.errno == 99:  # no IPv6 here
                    continue
                return False
    return True


def free_ports(count):
    """``count`` free ports from PORT_RANGE, in a random order."""
    low, high = (int(part) for part in PORT_RANGE.split("-"))
    candidates = list(range(low, high + 1))
    random.shuffle(candidates)
    found = [port for port in candidates if _free(port)][:count]
    assert len(found) == count, f"not {count} free ports in {PORT_RANGE}"
    return found


def require_programs():
    import pytest

    for program in ("varnishd", "haproxy"):
        if not (shutil.which(program) or Path("/usr/sbin", program).exists()):
            if os.environ.get("CI"):
                pytest.fail(f"{program} is not installed (CI must run the stack tests)")
            pytest.skip(f"{program} is not installed (apt-get install varnish haproxy)")


def _admin_sql(statement):
    from tests.storage.conftest import _admin_sql

    _admin_sql(statement)


@contextlib.contextmanager
def stack_database():
    name = f"zw_stack_{uuid.uuid4().hex[:10]}"
    _admin_sql(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        _admin_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        )
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}"')


class StackRun:
    """One stack's settings and the `python -m zhengwu.instance.stack` command."""

    def __init__(self, instance, dsn, ports, **extra):
        self.instance = instance
        self.prod_port, self.balancer_port, *self.zope_ports = ports
        self.url = f"http://localhost:{self.prod_port}"
        self.env = dict(os.environ)
        for name in ("ZHENGWU_DSN", "TRUSTED_PROXIES", "CACHING_PROXIES", "PURGE_HOSTS", "HOST"):
            self.env.pop(name, None)
        self.env.update(
            ZHENGWU_INSTANCE=str(instance),
            ZHENGWU_DSN=dsn,
            PROD_PORT=str(self.prod_port),
            BALANCER_PORT=str(self.balancer_port),
            ZOPE_PORTS=",".join(map(str, self.zope_ports)),
            ADMIN_PASSWORD=ADMIN_PASSWORD,
            DEMO="0",
            PYTHONUNBUFFERED="1",
            PYTHONPATH=os.pathsep.join(
                [str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")]
            ),
        )
        self.env.update(extra)
        self.prod = instance / "var" / "prod"

    def run(self, command, timeout=400, **extra):
        return subprocess.run(
            [*STACK, command],
            env=dict(self.env, **extra),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
        )

    def pids(self):
        return {
            path.stem: int(path.read_text().strip()) for path in sorted(self.prod.glob("*.pid"))
        }

    def haproxy_status(self):
        """server name → UP/DOWN/… from HAProxy's stats socket."""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(self.prod / "haproxy.sock"))
            sock.sendall(b"show stat\n")
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        rows = [line.split(",") for line in data.decode().splitlines() if line.startswith("zope,")]
        return {row[1]: row[17] for row in rows if row[1] != "BACKEND"}


def processes_mentioning(text):
    """The ids of the processes whose command line holds ``text``."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if text in cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace"):
                found.append(int(cmdline.parent.name))
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return [pid for pid in found if pid != os.getpid()]


__all__ = [
    "StackRun",
    "free_ports",
    "make_instance",
    "pg_dsn",
    "processes_mentioning",
    "require_postgres",
    "require_programs",
    "stack_database",
]
