"""The Zope instance: its configuration written from the tracked templates.

``instance/templates/`` holds one zope.conf template per storage; which one is
used is decided by a single setting, ``ZHENGWU_DSN``: unset means ZODB
FileStorage under ``instance/var/``, a libpq DSN means RelStorage on
PostgreSQL (history-free, blobs in the database, a local blob cache).
``TRUSTED_PROXIES`` names the proxies whose ``X-Forwarded-For`` is believed
(zhengwu.clients); ``CORS_ALLOW_ORIGINS`` the front-ends on other origins
that may call the REST API (zhengwu.cors).
"""

from dataclasses import dataclass
from pathlib import Path
from psycopg2.extensions import make_dsn
from psycopg2.extensions import parse_dsn
from zhengwu import clients
from zhengwu import cors
import errno
import hashlib
import os
import psycopg2
import re
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
    # TRUSTED_PROXIES as given; None when the environment does not set it.
    trusted_proxies: str | None = None
    # CORS_ALLOW_ORIGINS as given; None when the environment does not set it.
    cors_allow_origins: str | None = None

    @classmethod
    def from_environment(cls, home=None):
        home = Path(home or os.environ.get("ZHENGWU_INSTANCE") or "instance").resolve()
        return cls(
            home=home,
            dsn=os.environ.get("ZHENGWU_DSN", "").strip(),
            trusted_proxies=os.environ.get("TRUSTED_PROXIES"),
            cors_allow_origins=os.environ.get("CORS_ALLOW_ORIGINS"),
        )

    def proxy_networks(self):
        """The networks of TRUSTED_PROXIES; ConfigurationError naming the
        bad entry."""
        return trusted_proxy_networks(self.trusted_proxies or "")

    def cors_origins(self):
        """The origins of CORS_ALLOW_ORIGINS; ConfigurationError naming the
        bad entry."""
        return cors_allowed_origins(self.cors_allow_origins or "")

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
        networks = self.proxy_networks()
        origins = self.cors_origins()
        text = self.template()
        for name, value in (
            ("instance", str(self.home)),
            ("dsn", self.dsn),
            ("blob_cache", str(self.blob_cache)),
            ("trusted_proxies", clients.format_networks(networks)),
            ("cors_allow_origins", " ".join(origins)),
        ):
            text = text.replace("{{%s}}" % name, _zconfig_escape(value))
        directives = [f"trusted-proxy {a}" for a in clients.exact_addresses(networks)]
        text = text.replace(
            "{{trusted_proxy_directives}}",
            "\n".join(directives) or "# (none: TRUSTED_PROXIES is empty)",
        )
        self.zope_conf.write_text(text, encoding="utf-8")
        return self.zope_conf

    def configured_trusted_proxies(self):
        """The ZHENGWU_TRUSTED_PROXIES line of the written zope.conf (None
        when there is no zope.conf or it has none)."""
        if not self.zope_conf.exists():
            return None
        for line in self.zope_conf.read_text(encoding="utf-8").splitlines():
            name, _, value = line.strip().partition(" ")
            if name == clients.ENVIRONMENT:
                return value.strip().replace("$$", "$")
        return None

    def check_trusted_proxies_written(self):
        """For `zhengwu serve`: TRUSTED_PROXIES, when set, must be what
        zope.conf was written with (the server reads zope.conf)."""
        networks = self.proxy_networks()
        if self.trusted_proxies is None:
            return
        if not self.zope_conf.exists():
            return  # nothing written yet: serving fails on its own
        # A zope.conf without the line (written before TRUSTED_PROXIES
        # existed) trusts no proxy.
        written = self.configured_trusted_proxies() or ""
        wanted = clients.format_networks(networks)
        try:
            have = clients.format_networks(clients.parse_networks(written))
        except ValueError as error:
            raise ConfigurationError(
                f"{self.zope_conf}: {clients.ENVIRONMENT}: {error}; run `zhengwu configure`."
            ) from None
        if have != wanted:
            raise ConfigurationError(
                f"TRUSTED_PROXIES={self.trusted_proxies!r} is not what {self.zope_conf} "
                f"was written with ({written or 'none'!r}): run `zhengwu configure` "
                "(`make serve` does) before serving."
            )


def trusted_proxy_networks(value):
    try:
        return clients.parse_networks(value)
    except ValueError as error:
        raise ConfigurationError(
            f"TRUSTED_PROXIES: {error}; give addresses or CIDR ranges separated by "
            "commas or spaces, e.g. TRUSTED_PROXIES='127.0.0.1 10.0.0.0/8 ::1'."
        ) from None


def cors_allowed_origins(value):
    try:
        return cors.parse_origins(value)
    except ValueError as error:
        raise ConfigurationError(
            f"CORS_ALLOW_ORIGINS: {error}; separate origins by commas, "
            "e.g. CORS_ALLOW_ORIGINS='https://www.example.gov.cn,http://localhost:3000'."
        ) from None


def _zconfig_escape(value):
    # ZConfig expands $NAME; a literal dollar (say, in a password) is $$.
    return value.replace("$", "$$")


def check_dsn(dsn, create=True):
    """Connect to PostgreSQL; create the database if it is missing.

    Raises ConfigurationError with one sentence naming the fix otherwise: a
    malformed DSN, a server that cannot be reached (unknown host, nothing
    listening, no answer), a user the server refuses (unknown role, wrong
    password, no pg_hba.conf entry), a missing database this user may not
    create. The DSN is shown without its password.
    """
    try:
        params = parse_dsn(dsn)
    except psycopg2.ProgrammingError as error:
        raise ConfigurationError(
            f"ZHENGWU_DSN={_shown(dsn)!r} is not a valid PostgreSQL connection string "
            f"({_first_line(error)}): write it as "
            "'host=… port=… dbname=… user=…' or 'postgresql://user@host:port/dbname'."
        ) from None
    params.setdefault("connect_timeout", "5")
    try:
        psycopg2.connect(make_dsn(**params)).close()
        return False
    except psycopg2.OperationalError as error:
        problem = dsn_problem(error, params)
        if not (create and problem == "database"):
            raise ConfigurationError(_explain(problem, error, params, dsn)) from None
    # The server answers but the database is missing: create it.
    database = params["dbname"]
    admin = dict(params, dbname="postgres")
    try:
        connection = psycopg2.connect(make_dsn(**admin))
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{database}"')
        connection.close()
    except psycopg2.Error as error:
        user = params.get("user") or "the connecting user"
        if getattr(error, "pgcode", None) == "42501" or "permission denied" in str(error):
            raise ConfigurationError(
                f"PostgreSQL has no database {database!r} and {user!r} may not create "
                f"one: create it as a PostgreSQL superuser (createdb -O {params.get('user') or 'USER'} "
                f"{database}) or grant that role CREATEDB."
            ) from None
        raise ConfigurationError(
            f"PostgreSQL has no database {database!r} and it could not be "
            f"created ({_first_line(error)}): create it (createdb {database}) or fix ZHENGWU_DSN."
        ) from None
    return True


def dsn_problem(error, params):
    """What a failed connection says: ``host`` (unknown host name),
    ``refused`` (nothing listens there), ``timeout`` (no answer),
    ``authentication`` (the server refuses the user), ``database`` (the
    database named in the DSN does not exist), or ``other``."""
    text = str(error)
    database = params.get("dbname")
    if "could not translate host name" in text:
        return "host"
    if "Connection refused" in text or "No such file or directory" in text:
        return "refused"
    if "timeout expired" in text or "timed out" in text or "No route to host" in text:
        return "timeout"
    if re.search(r'role ".*" does not exist', text) or any(
        phrase in text
        for phrase in (
            "authentication failed",
            "no pg_hba.conf entry",
            "password is required",
            "no password supplied",
        )
    ):
        return "authentication"
    if database and f'database "{database}" does not exist' in text:
        return "database"
    return "other"


def _explain(problem, error, params, dsn):
    host = params.get("host") or "the local socket"
    port = params.get("port") or "5432"
    user = params.get("user") or "the current system user"
    shown = _shown(dsn)
    if problem == "host":
        return (
            f"The PostgreSQL host {host!r} of ZHENGWU_DSN cannot be resolved: "
            "fix host= in ZHENGWU_DSN or the machine's name resolution."
        )
    if problem == "refused":
        return (
            f"Nothing accepts PostgreSQL connections at {host} port {port} (ZHENGWU_DSN="
            f"{shown!r}): start PostgreSQL there or fix host= and port= in ZHENGWU_DSN."
        )
    if problem == "timeout":
        return (
            f"PostgreSQL at {host} port {port} does not answer (ZHENGWU_DSN={shown!r}): "
            "check that the host is up and that no firewall blocks the port."
        )
    if problem == "authentication":
        detail = _first_line(error).split("failed:")[-1].replace("FATAL:", "").strip()
        if "does not exist" in detail:
            fix = f"create the role (createuser {user}) or fix user= in ZHENGWU_DSN"
        elif "pg_hba.conf" in detail:
            fix = "allow this user and address in the server's pg_hba.conf, or fix user= in ZHENGWU_DSN"
        else:
            fix = "fix password= in ZHENGWU_DSN (or the user's ~/.pgpass)"
        return f"PostgreSQL at {host} port {port} refuses the user {user!r} ({detail}): {fix}."
    if problem == "database":
        return (
            f"PostgreSQL has no database {params.get('dbname')!r}: create it "
            f"(createdb {params.get('dbname')}) or fix dbname= in ZHENGWU_DSN."
        )
    return f"Cannot connect to PostgreSQL with ZHENGWU_DSN={shown!r}: {_first_line(error)}."


def _shown(dsn):
    """The DSN without its password, to be printed."""
    try:
        params = parse_dsn(dsn)
    except psycopg2.ProgrammingError:
        return re.sub(
            r"(password\s*=\s*)(\S+)", r"\1***", re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", dsn)
        )
    if "password" in params:
        params["password"] = "***"  # noqa: S105
        return make_dsn(**params)
    return dsn


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
