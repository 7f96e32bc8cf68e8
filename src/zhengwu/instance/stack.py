"""The production stack on one machine: what `make prod` and `make prod-stop` run.

    python -m zhengwu.instance.stack up       start what is not running (make prod)
    python -m zhengwu.instance.stack down     stop what `up` started (make prod-stop)
    python -m zhengwu.instance.stack status   what runs, with its process ids
    python -m zhengwu.instance.stack render --out DIR
                                              write the configuration files only
                                              (for systemd or containers)

The request path: Varnish on PROD_PORT (HOST) → HAProxy on 127.0.0.1:
BALANCER_PORT → one `zhengwu serve` per port of ZOPE_PORTS on 127.0.0.1, all
on the RelStorage database of ZHENGWU_DSN (default: `zhengwu` on
127.0.0.1:5432, created if missing). The site is created once (demo content
unless DEMO=0). The Zope processes believe X-Forwarded-For from the balancer
(TRUSTED_PROXIES, 127.0.0.1 always included); Plone purges Varnish
(CACHING_PROXIES, default Varnish's own address), which accepts PURGE from
PURGE_HOSTS (default the local host).

Everything lives under instance/var/prod/: the rendered configuration, one
pid file and one log per process, Varnish's working directory. `up` starts
only what is not running (a second `make prod` starts no duplicates, and
restarts a process that died); `down` stops only the processes of its pid
files. Bad settings stop with one sentence and exit status 2.
"""

from dataclasses import asdict
from dataclasses import dataclass
from pathlib import Path
from zhengwu.instance.config import check_dsn
from zhengwu.instance.config import check_port
from zhengwu.instance.config import ConfigurationError
from zhengwu.instance.config import Instance
import argparse
import ipaddress
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


DEFAULT_DSN = "dbname=zhengwu host=127.0.0.1 port=5432"
ZOPE_HOST = "127.0.0.1"
# waitress threads per Zope process (instance/zope.ini): HAProxy sends each
# process at most this many requests at once.
THREADS = 4
# Where the Debian packages put the servers (often not on a user's PATH).
SBIN = ("/usr/sbin", "/usr/local/sbin", "/sbin")
LOOPBACK = ("", "localhost", "127.0.0.1", "::1", "0.0.0.0", "::")  # noqa: S104


def deploy_folder():
    """deploy/ with the templates: ZHENGWU_DEPLOY, the source tree of this
    module (an editable install), or the project folder `make` runs in."""
    candidates = [
        os.environ.get("ZHENGWU_DEPLOY"),
        Path(__file__).resolve().parents[3] / "deploy",
        Path.cwd() / "deploy",
    ]
    for candidate in filter(None, candidates):
        if (Path(candidate) / "varnish" / "zhengwu.vcl").exists():
            return Path(candidate)
    raise ConfigurationError(
        "The deploy/ folder (Varnish and HAProxy templates) is missing: run from the "
        "project folder or set ZHENGWU_DEPLOY to it."
    )


def say(message):
    print(f"[zhengwu] {message}", flush=True)


# -- settings -------------------------------------------------------------


def _port(name, value):
    value = str(value).strip()
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise ConfigurationError(f"{name}={value!r} is not a port number (1–65535).")
    return int(value)


def _ports(name, value):
    items = [item for item in re.split(r"[\s,]+", value.strip()) if item]
    if not items or not all(item.isdigit() and 0 < int(item) < 65536 for item in items):
        raise ConfigurationError(
            f"{name}={value!r} is not a list of port numbers, e.g. {name}=8081,8082."
        )
    ports = [int(item) for item in items]
    if len(set(ports)) != len(ports):
        raise ConfigurationError(f"{name}={value!r} names a port twice.")
    return ports


def _networks(name, value):
    items = [item for item in re.split(r"[\s,]+", value.strip()) if item]
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise ConfigurationError(
                f"{name} holds {item!r}, which is neither an IP address nor a CIDR range."
            ) from None
    return items


@dataclass
class Settings:
    prod_port: int = 8000
    zope_ports: tuple = (8081, 8082)
    balancer_port: int = 8090
    host: str = "localhost"
    dsn: str = DEFAULT_DSN
    trusted_proxies: tuple = ("127.0.0.1",)
    purge_hosts: tuple = ("127.0.0.1", "::1")
    caching_proxies: str = ""

    @classmethod
    def from_environment(cls, environ=None):
        env = os.environ if environ is None else environ
        prod_port = _port("PROD_PORT", env.get("PROD_PORT", "8000"))
        zope_ports = tuple(_ports("ZOPE_PORTS", env.get("ZOPE_PORTS", "8081,8082")))
        balancer_port = _port("BALANCER_PORT", env.get("BALANCER_PORT", "8090"))
        named = {"PROD_PORT": prod_port, "BALANCER_PORT": balancer_port}
        for name, port in named.items():
            if port in zope_ports:
                raise ConfigurationError(f"{name}={port} is also in ZOPE_PORTS: choose another.")
        if prod_port == balancer_port:
            raise ConfigurationError(f"PROD_PORT and BALANCER_PORT are both {prod_port}.")
        host = env.get("HOST", "localhost").strip() or "localhost"
        # The balancer is local: the Zope processes must believe it.
        trusted = _networks("TRUSTED_PROXIES", env.get("TRUSTED_PROXIES", ""))
        if not any(_covers(item, ZOPE_HOST) for item in trusted):
            trusted.append(ZOPE_HOST)
        purgers = _networks("PURGE_HOSTS", env.get("PURGE_HOSTS", "127.0.0.1,::1"))
        varnish = ZOPE_HOST if host in LOOPBACK else host
        caching = env.get("CACHING_PROXIES", "").strip() or f"http://{_netloc(varnish, prod_port)}"
        return cls(
            prod_port=prod_port,
            zope_ports=zope_ports,
            balancer_port=balancer_port,
            host=host,
            dsn=env.get("ZHENGWU_DSN", "").strip() or DEFAULT_DSN,
            trusted_proxies=tuple(trusted),
            purge_hosts=tuple(purgers),
            caching_proxies=caching,
        )

    @property
    def url(self):
        shown = "localhost" if self.host in LOOPBACK else self.host
        return f"http://{_netloc(shown, self.prod_port)}"

    def environment(self):
        """The settings as the `zhengwu` command reads them."""
        return {
            "ZHENGWU_DSN": self.dsn,
            "TRUSTED_PROXIES": ",".join(self.trusted_proxies),
            "CACHING_PROXIES": self.caching_proxies,
        }


def _covers(network, address):
    return ipaddress.ip_address(address) in ipaddress.ip_network(network, strict=False)


def _netloc(host, port):
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


# -- configuration files ---------------------------------------------------


def _fill(template, values):
    text = (deploy_folder() / template).read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{{%s}}" % name, value)
    missing = re.findall(r"\{\{(\w+)\}\}", text)
    assert not missing, f"{template}: no value for {missing}"
    return text


def render(out, zopes, balancer, bind, purgers, stats_socket, resolve=False):
    """Write haproxy.cfg, zhengwu.vcl and zhengwu-backends.vcl into ``out``.

    ``zopes``: "host:port" of each Zope process; ``balancer``: (host, port)
    where Varnish finds HAProxy; ``bind``: HAProxy's listening address;
    ``purgers``: the addresses or CIDR ranges allowed to PURGE. With
    ``resolve``, HAProxy resolves the Zope hosts' names while it runs
    (containers, whose addresses come and go).
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    servers = "\n".join(
        f"    server zope{n} {address} check" for n, address in enumerate(zopes, start=1)
    )
    haproxy = _fill(
        "haproxy/haproxy.cfg.in",
        {
            "stats_socket": str(stats_socket),
            "bind": bind,
            "threads": str(THREADS),
            "server_extra": "init-addr last,libc,none resolvers dns" if resolve else "",
            "servers": servers,
        },
    )
    if resolve:
        haproxy = haproxy.replace(
            "\nfrontend zhengwu",
            "\nresolvers dns\n    parse-resolv-conf\n    hold valid 10s\n\nfrontend zhengwu",
        )
    (out / "haproxy.cfg").write_text(haproxy, encoding="utf-8")
    backends = _fill(
        "varnish/zhengwu-backends.vcl.in",
        {
            "balancer_host": balancer[0],
            "balancer_port": str(balancer[1]),
            "purgers": "\n".join(_acl_entry(item) for item in purgers),
        },
    )
    (out / "zhengwu-backends.vcl").write_text(backends, encoding="utf-8")
    shutil.copy(deploy_folder() / "varnish" / "zhengwu.vcl", out / "zhengwu.vcl")
    return out


def _acl_entry(item):
    """An ACL line: ``"10.0.0.0"/8;`` or ``"127.0.0.1";``."""
    address, _, bits = item.partition("/")
    return f'    "{address}"/{bits};' if bits else f'    "{address}";'


# -- processes ------------------------------------------------------------


def _executable(name):
    found = shutil.which(name)
    if found:
        return found
    for folder in SBIN:
        path = Path(folder) / name
        if path.exists():
            return str(path)
    return None


def _alive(pid, signature):
    """Is ``pid`` running, and is it the process we started (its command
    line holds ``signature``, or one of them)? A stale pid file may name a
    recycled id."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except FileNotFoundError:
        return False
    signatures = (signature,) if isinstance(signature, str) else signature
    return state != "Z" and any(item in cmdline for item in signatures)


def _jail_possible(folder):
    """Can varnishd keep its default jail here? As root, varnishd reads the
    VCL and runs its worker as the unprivileged user `vcache`, which must be
    able to reach ``folder``; otherwise (or not as root) it runs unjailed,
    as the user who started it."""
    if os.geteuid() != 0:
        return False
    path = Path(folder).resolve()
    try:
        return all(part.stat().st_mode & 0o001 for part in (path, *path.parents))
    except FileNotFoundError:
        return False


@dataclass
class Part:
    """One process of the stack: its name, command, environment, the port it
    listens on and a string its command line holds."""

    name: str
    command: list
    port: int
    host: str
    signature: str | tuple
    env: dict | None = None
    setting: str = ""


class Stack:
    def __init__(self, instance, settings):
        self.instance = instance
        self.settings = settings
        self.dir = instance.var / "prod"
        self.varnish_dir = self.dir / "varnish"

    # paths
    def pidfile(self, name):
        return self.dir / f"{name}.pid"

    def logfile(self, name):
        return self.dir / f"{name}.log"

    @property
    def stats_socket(self):
        return self.dir / "haproxy.sock"

    def parts(self):
        s = self.settings
        zope_env = dict(os.environ, **s.environment())
        zope_env.update(HOST=ZOPE_HOST, ZHENGWU_INSTANCE=str(self.instance.home))
        zope_env.setdefault("PYTHONUNBUFFERED", "1")
        parts = [
            Part(
                f"zope-{port}",
                [sys.executable, "-m", "zhengwu.instance.cli", "serve"],
                port,
                ZOPE_HOST,
                # `zhengwu serve` becomes runwsgi (exec) once it has checked the port.
                (f"http_port={port}", "zhengwu.instance.cli serve"),
                dict(zope_env, PORT=str(port)),
                "ZOPE_PORTS",
            )
            for port in s.zope_ports
        ]
        parts.append(
            Part(
                "haproxy",
                [_executable("haproxy") or "haproxy", "-db", "-f", str(self.dir / "haproxy.cfg")],
                s.balancer_port,
                ZOPE_HOST,
                str(self.dir / "haproxy.cfg"),
                setting="BALANCER_PORT",
            )
        )
        varnishd = [
            _executable("varnishd") or "varnishd",
            "-F",
            "-n",
            str(self.varnish_dir),
            "-a",
            _netloc(s.host, s.prod_port),
            "-f",
            str(self.dir / "zhengwu.vcl"),
            "-p",
            f"vcl_path={self.dir}",
            "-s",
            "malloc,256m",
        ]
        if not _jail_possible(self.dir):
            varnishd[1:1] = ["-j", "none"]
        parts.append(
            Part("varnish", varnishd, s.prod_port, s.host, str(self.varnish_dir), None, "PROD_PORT")
        )
        return parts

    def running(self):
        """name → pid of the parts that run (stale pid files removed)."""
        found = {}
        for part in self.parts() + [self._ncsa()]:
            path = self.pidfile(part.name)
            if not path.exists():
                continue
            try:
                pid = int(path.read_text().strip())
            except ValueError:
                pid = 0
            if pid and _alive(pid, part.signature):
                found[part.name] = pid
            else:
                path.unlink(missing_ok=True)
        return found

    def _ncsa(self):
        return Part(
            "varnishncsa",
            [
                _executable("varnishncsa") or "varnishncsa",
                "-n",
                str(self.varnish_dir),
                "-a",
                "-w",
                str(self.logfile("varnish-access")),
            ],
            0,
            "",
            str(self.varnish_dir),
        )

    # -- up ---------------------------------------------------------------

    def saved(self):
        """The stack as last started (settings.json), or None."""
        path = self.dir / "settings.json"
        if not path.exists():
            return None
        data = json.loads(path.read_text())
        for name in ("zope_ports", "trusted_proxies", "purge_hosts"):
            data[name] = tuple(data[name])
        return Stack(self.instance, Settings(**data))

    def up(self, create=True, wait=240):
        self.dir.mkdir(parents=True, exist_ok=True)
        previous = self.saved()
        if previous is not None and previous.running() and previous.settings != self.settings:
            raise ConfigurationError(
                "The stack is running with other settings: run `make prod-stop` first."
            )
        running = self.running()
        todo = [part for part in self.parts() if part.name not in running]
        if not todo and "varnishncsa" in running:
            say(f"The stack is already running: {self.settings.url}/Plone")
            return running
        self._require_programs()
        for part in todo:
            self._check_free(part)
        self._write_settings()
        render(
            self.dir,
            [f"{ZOPE_HOST}:{port}" for port in self.settings.zope_ports],
            (ZOPE_HOST, self.settings.balancer_port),
            _netloc(ZOPE_HOST, self.settings.balancer_port),
            self.settings.purge_hosts,
            self.stats_socket,
        )
        if any(part.name.startswith("zope-") for part in todo):
            self._prepare_site(create)
        started = {part.name: self._start(part) for part in todo}
        ncsa = self._ncsa()
        if ncsa.name not in running and _executable("varnishncsa"):
            self._wait_varnish()
            self._start(ncsa)
        self._wait(todo, started, wait)
        say(f"Production stack up: {self.settings.url}/Plone")
        say(
            f"Varnish on {self.settings.prod_port} → HAProxy on {self.settings.balancer_port} → "
            f"Zope on {', '.join(map(str, self.settings.zope_ports))}; "
            f"logs and pid files in {self.dir}; `make prod-stop` stops it."
        )
        return self.running()

    def _write_settings(self):
        (self.dir / "settings.json").write_text(json.dumps(asdict(self.settings), indent=2))

    def _require_programs(self):
        missing = [
            package
            for program, package in (("varnishd", "varnish"), ("haproxy", "haproxy"))
            if not _executable(program)
        ]
        if not missing:
            return
        if os.geteuid() != 0:
            raise ConfigurationError(
                f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not installed: "
                f"run `sudo apt-get install {' '.join(missing)}`, or `make prod` as root."
            )
        say(f"Installing the Debian packages {', '.join(missing)} …")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for command in (["apt-get", "update"], ["apt-get", "install", "-y", *missing]):
            if subprocess.run(command, env=env).returncode:  # noqa: S603
                raise ConfigurationError(
                    f"`{' '.join(command)}` failed: install {' '.join(missing)} by hand."
                )

    def _install_postgresql(self):
        """As root, with the DSN on this host and no PostgreSQL server
        installed: install Debian's (it starts its cluster). True if done."""
        from psycopg2.extensions import parse_dsn

        try:
            host = parse_dsn(self.settings.dsn).get("host", "")
        except Exception:  # noqa: BLE001 (check_dsn has said what is wrong)
            return False
        local = host in ("", "localhost", "127.0.0.1", "::1") or host.startswith("/")
        installed = Path("/usr/lib/postgresql").exists()
        if os.geteuid() != 0 or not local or installed:
            return False
        say("Installing the Debian package postgresql …")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for command in (["apt-get", "update"], ["apt-get", "install", "-y", "postgresql"]):
            if subprocess.run(command, env=env).returncode:  # noqa: S603
                return False
        return True

    def _check_free(self, part):
        try:
            check_port(part.host, part.port)
        except ConfigurationError:
            raise ConfigurationError(
                f"Port {part.port} ({part.setting}) is already in use: stop the other "
                f"server or choose another port."
            ) from None

    def _prepare_site(self, create):
        try:
            check_dsn(self.settings.dsn)
        except ConfigurationError:
            if not self._install_postgresql():
                raise
            check_dsn(self.settings.dsn)
        env = dict(os.environ, **self.settings.environment())
        env["ZHENGWU_INSTANCE"] = str(self.instance.home)
        steps = ["configure"] + (["create-site"] if create else [])
        for step in steps:
            result = subprocess.run(  # noqa: S603
                [sys.executable, "-m", "zhengwu.instance.cli", step], env=env
            )
            if result.returncode:
                raise ConfigurationError(f"`zhengwu {step}` failed (see above).")

    def _start(self, part):
        """Start ``part``; return (its Popen, its log's size before)."""
        log = open(self.logfile(part.name), "ab")  # noqa: SIM115 (the child keeps it)
        offset = log.tell()
        try:
            process = subprocess.Popen(  # noqa: S603
                part.command,
                env=part.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                cwd=self.dir,
            )
        finally:
            log.close()
        self.pidfile(part.name).write_text(f"{process.pid}\n")
        say(f"Started {part.name} (pid {process.pid}), log {self.logfile(part.name)}.")
        return process, offset

    def _wait_varnish(self, timeout=30):
        # varnishncsa needs varnishd's shared memory to exist.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if (self.varnish_dir / "_.vsm_mgt").exists():
                return
            time.sleep(0.2)

    def _wait(self, parts, started, timeout):
        """Until each part started answers, then the site through Varnish.
        ``started``: name → (Popen, the log's size before the start)."""
        deadline = time.monotonic() + timeout
        checks = [(part, self._probe_url(part)) for part in parts]
        checks.append((None, f"{self.settings.url}/Plone"))
        for part, url in checks:
            while True:
                if part is not None and started[part.name][0].poll() is not None:
                    with open(self.logfile(part.name), "rb") as log:
                        log.seek(started[part.name][1])
                        tail = log.read().decode(errors="replace")[-2000:]
                    raise ConfigurationError(
                        f"{part.name} stopped at start; its log {self.logfile(part.name)} "
                        f"ends with:\n{tail}"
                    )
                try:
                    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                        if response.status == 200:
                            break
                except urllib.error.HTTPError as error:
                    if part is not None and error.code < 500:
                        break
                except (OSError, urllib.error.URLError):
                    pass
                if time.monotonic() > deadline:
                    raise ConfigurationError(
                        f"The stack did not answer on {url} within {timeout} s: see the logs "
                        f"in {self.dir}."
                    )
                time.sleep(0.5)

    def _probe_url(self, part):
        if part.name.startswith("zope-"):
            return f"http://{ZOPE_HOST}:{part.port}/@@ok"
        if part.name == "haproxy":
            return f"http://{ZOPE_HOST}:{part.port}/haproxy-health"
        return f"{self.settings.url}/Plone"

    # -- down -------------------------------------------------------------

    def down(self, timeout=30):
        """Stop the processes started with the saved settings (whatever the
        environment says now)."""
        previous = self.saved()
        if previous is not None and previous.settings != self.settings:
            return previous.down(timeout)
        running = self.running()
        # Front first: nothing is sent to a process that is stopping.
        order = ["varnishncsa", "varnish", "haproxy"] + [
            f"zope-{port}" for port in self.settings.zope_ports
        ]
        order += [name for name in running if name not in order]
        for name in order:
            if name in running:
                self._stop(name, running[name], timeout)
        for path in self.dir.glob("*.pid"):
            path.unlink()
        say("Production stack stopped." if running else "The stack was not running.")

    def _stop(self, name, pid, timeout):
        # Each part leads a process group of its own (start_new_session):
        # the signal reaches its children too (varnishd's worker).
        _signal_group(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _group_alive(pid):
            if time.monotonic() > deadline:
                _signal_group(pid, signal.SIGKILL)
                deadline += 10
            time.sleep(0.2)
        self.pidfile(name).unlink(missing_ok=True)
        say(f"Stopped {name} (pid {pid}).")

    def write_procfile(self, out):
        """A Procfile (honcho, foreman) with the commands `up` runs, for the
        configuration in ``out``; the settings come from the environment."""
        out = Path(out).resolve()
        self.dir, self.varnish_dir = out, out / "varnish"
        lines = [
            "# Written by `python -m zhengwu.instance.stack render`: the processes of",
            "# `make prod`, for a Procfile runner (`honcho start -f Procfile`). ZHENGWU_DSN,",
            "# TRUSTED_PROXIES, CACHING_PROXIES and the rest come from the environment",
            "# (or honcho's .env); run `zhengwu configure` and `zhengwu create-site` first.",
        ]
        for part in self.parts() + [self._ncsa()]:
            command = " ".join(shlex.quote(item) for item in part.command)
            if part.name.startswith("zope-"):
                command = f"env PORT={part.port} HOST={ZOPE_HOST} {command}"
            lines.append(f"{part.name}: {command}")
        (out / "Procfile").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def status(self):
        previous = self.saved()
        if previous is not None and previous.settings != self.settings:
            return previous.status()
        running = self.running()
        for part in self.parts() + [self._ncsa()]:
            pid = running.get(part.name)
            say(f"{part.name}: {'running, pid %d' % pid if pid else 'stopped'}")
        return running


def _signal_group(pid, number):
    try:
        os.killpg(pid, number)
    except ProcessLookupError:
        pass


def _group_alive(pid):
    """Does any process of the group ``pid`` still run? Reaps the leader
    when it is this process's own child (started by up() in this process)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[-1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[2]) == pid and fields[0] != "Z":
            return True
    return False


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m zhengwu.instance.stack", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("command", choices=("up", "down", "status", "render"))
    parser.add_argument("--instance", help="instance folder (default: ./instance)")
    parser.add_argument("--out", help="render: the folder to write the configuration into")
    parser.add_argument(
        "--zope",
        help="render: the Zope processes as host:port,… (default: 127.0.0.1 and ZOPE_PORTS)",
    )
    parser.add_argument(
        "--balancer",
        help="render: host:port where HAProxy listens and Varnish finds it "
        "(default: 127.0.0.1:BALANCER_PORT)",
    )
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_environment()
        instance = Instance.from_environment(args.instance)
        stack = Stack(instance, settings)
        if args.command == "up":
            stack.up(create=True)
        elif args.command == "down":
            stack.down()
        elif args.command == "status":
            stack.status()
        else:
            if not args.out:
                raise ConfigurationError("render needs --out DIR.")
            zopes = (
                (args.zope or "").split(",")
                if args.zope
                else [f"{ZOPE_HOST}:{port}" for port in settings.zope_ports]
            )
            host, _, port = (args.balancer or f"{ZOPE_HOST}:{settings.balancer_port}").rpartition(
                ":"
            )
            out = render(
                args.out,
                zopes,
                (host, int(port)),
                f"*:{port}" if args.balancer else _netloc(ZOPE_HOST, int(port)),
                settings.purge_hosts,
                os.environ.get("HAPROXY_STATS_SOCKET") or Path(args.out).resolve() / "haproxy.sock",
                resolve=bool(args.balancer),
            )
            written = "haproxy.cfg, zhengwu.vcl, zhengwu-backends.vcl"
            if not args.zope:
                stack.write_procfile(out)
                written += ", Procfile"
            say(f"Wrote {written} into {out}.")
    except ConfigurationError as error:
        print(f"zhengwu: {error}", file=sys.stderr, flush=True)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
