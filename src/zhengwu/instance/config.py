"""The Zope instance: its configuration written from the tracked templates.

``instance/templates/`` holds one zope.conf template per storage; which one is
used is decided by a single setting, ``ZHENGWU_DSN``: unset means ZODB
FileStorage under ``instance/var/``, a libpq DSN means RelStorage on
PostgreSQL (history-free, blobs in the database, a local blob cache).
"""

from dataclasses import dataclass
from pathlib import Path
from psycopg2.extensions import make_dsn
from psycopg2.extensions import parse_dsn
import errno
import hashlib
import os
import psycopg2
import socket


class ConfigurationError(Exception):
    """Bad configuration; its message is one sentence meant for an operator."""


class DatabaseInUse(ConfigurationError):
    """FileStorage is open in another process (the server, most often)."""


@dataclass
class Instance:
    home: Path
    dsn: str = ""
    # An existing zope.conf (e.g. buildout's parts/instance/etc/zope.conf)
    # instead of the one written from the templates.
    conf: Path | None = None

    @classmethod
    def from_environment(cls, home=None):
        home = Path(home or os.environ.get("ZHENGWU_INSTANCE") or "instance").resolve()
        return cls(home=home, dsn=os.environ.get("ZHENGWU_DSN", "").strip())

    @property
    def storage(self):
        return "relstorage" if self.dsn else "filestorage"

    @property
    def var(self):
        return self.home / "var"

    @property
    def zope_conf(self):
        return self.conf or self.home / "etc" / "zope.conf"

    @property
    def zope_ini(self):
        return self.home / "zope.ini"

    @property
    def blob_cache(self):
        # One cache per database: a cache filled from another database
        # would serve its blobs under this one's object ids.
        digest = hashlib.sha256(self.dsn.encode("utf-8")).hexdigest()[:12]
        return self.var / "blobcache" / digest

    def template(self):
        path = self.home / "templates" / f"zope-{self.storage}.conf.in"
        if not path.exists():
            raise ConfigurationError(
                f"The instance template {path} is missing; run from the "
                "project folder or set ZHENGWU_INSTANCE to an instance folder."
            )
        return path.read_text(encoding="utf-8")

    def write_config(self):
        """Write etc/zope.conf for the chosen storage; return its path."""
        for sub in ("etc", "var/log", "var/cache", "var/filestorage", "var/blobstorage"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        if self.dsn:
            self.blob_cache.mkdir(parents=True, exist_ok=True)
        # {{name}} markers, since ZConfig itself uses $NAME.
        text = self.template()
        for name, value in (
            ("instance", str(self.home)),
            ("dsn", self.dsn),
            ("blob_cache", str(self.blob_cache)),
        ):
            text = text.replace("{{%s}}" % name, _zconfig_escape(value))
        self.zope_conf.write_text(text, encoding="utf-8")
        return self.zope_conf


def _zconfig_escape(value):
    # ZConfig expands $NAME; a literal dollar (say, in a password) is $$.
    return value.replace("$", "$$")


def check_dsn(dsn, create=True):
    """Connect to PostgreSQL; create the database if it is missing.

    Raises ConfigurationError with one readable sentence otherwise.
    """
    try:
        params = parse_dsn(dsn)
    except psycopg2.ProgrammingError as error:
        raise ConfigurationError(
            f"ZHENGWU_DSN={dsn!r} is not a valid PostgreSQL connection string "
            f"({_first_line(error)})."
        ) from None
    params.setdefault("connect_timeout", "5")
    try:
        psycopg2.connect(make_dsn(**params)).close()
        return False
    except psycopg2.OperationalError as error:
        message = _first_line(error)
        database = params.get("dbname")
        if not (create and database and "does not exist" in message):
            raise ConfigurationError(
                f"Cannot connect to PostgreSQL with ZHENGWU_DSN={dsn!r}: {message}."
            ) from None
    # The server answers but the database is missing: create it.
    admin = dict(params, dbname="postgres")
    try:
        connection = psycopg2.connect(make_dsn(**admin))
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{database}"')
        connection.close()
    except psycopg2.Error as error:
        raise ConfigurationError(
            f"PostgreSQL has no database {database!r} and it could not be "
            f"created ({_first_line(error)}); create it or fix ZHENGWU_DSN."
        ) from None
    return True


def check_port(host, port):
    """Fail with one sentence when the address is taken."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise ConfigurationError(
            f"The host name {host!r} cannot be resolved; set HOST to a local address."
        ) from None
    for family, kind, proto, _name, address in infos:
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    raise ConfigurationError(
                        f"Port {port} on {host} is already in use: stop the other "
                        f"server or choose another port, e.g. PORT={int(port) + 1} make start."
                    ) from None
                if error.errno == errno.EADDRNOTAVAIL:
                    continue  # e.g. ::1 on a machine without IPv6
                raise ConfigurationError(
                    f"Cannot listen on {host}:{port}: {error.strerror}."
                ) from None


def _first_line(error):
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    return (lines[0] if lines else error.__class__.__name__).rstrip(".")
