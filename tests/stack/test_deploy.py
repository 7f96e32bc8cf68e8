"""deploy/ without starting the stack: settings refused in one sentence, the
rendered configuration accepted by haproxy and varnishd, the compose files
consistent and up to date, the systemd units well-formed."""

from .conftest import free_ports
from .conftest import require_programs
from pathlib import Path
from zhengwu.instance import stack
import pytest
import shutil
import socket
import subprocess
import yaml


ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
COMPOSE_RENDER = {
    "zopes": ["zope1:8080", "zope2:8080"],
    "balancer": ("haproxy", 8080),
    "bind": "*:8080",
    "purgers": ["172.30.0.0/24"],
    "stats_socket": "/tmp/haproxy.sock",  # noqa: S108 (inside the container)
}


def run(monkeypatch, capsys, tmp_path, command="up", **env):
    for name in ("ZHENGWU_DSN", "TRUSTED_PROXIES", "PURGE_HOSTS", "CACHING_PROXIES", "HOST"):
        monkeypatch.delenv(name, raising=False)
    ports = free_ports(4)
    defaults = {
        "ZHENGWU_INSTANCE": str(tmp_path / "instance"),
        "PROD_PORT": str(ports[0]),
        "BALANCER_PORT": str(ports[1]),
        "ZOPE_PORTS": f"{ports[2]},{ports[3]}",
    }
    for name, value in {**defaults, **env}.items():
        monkeypatch.setenv(name, value)
    status = stack.main([command])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("env", "sentence"),
    [
        (
            {"ZOPE_PORTS": "8081;x"},
            "ZOPE_PORTS='8081;x' is not a list of port numbers, e.g. ZOPE_PORTS=8081,8082.",
        ),
        (
            {"ZOPE_PORTS": ""},
            "ZOPE_PORTS='' is not a list of port numbers, e.g. ZOPE_PORTS=8081,8082.",
        ),
        ({"ZOPE_PORTS": "9401,9401"}, "ZOPE_PORTS='9401,9401' names a port twice."),
        ({"PROD_PORT": "80000"}, "PROD_PORT='80000' is not a port number (1–65535)."),
        (
            {"PROD_PORT": "9411", "ZOPE_PORTS": "9411,9412"},
            "PROD_PORT=9411 is also in ZOPE_PORTS: choose another.",
        ),
        (
            {"TRUSTED_PROXIES": "10.0.0.0/8,balancer"},
            "TRUSTED_PROXIES holds 'balancer', which is neither an IP address nor a CIDR range.",
        ),
    ],
)
def test_bad_settings_stop_with_one_sentence(monkeypatch, capsys, tmp_path, env, sentence):
    status, out, err = run(monkeypatch, capsys, tmp_path, **env)
    assert status == 2
    assert err == f"zhengwu: {sentence}\n"
    assert not (tmp_path / "instance" / "var" / "prod").exists()


def test_a_taken_port_stops_with_one_sentence(monkeypatch, capsys, tmp_path):
    require_programs()
    (port,) = free_ports(1)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        status, out, err = run(monkeypatch, capsys, tmp_path, BALANCER_PORT=str(port))
    assert status == 2
    assert err == (
        f"zhengwu: Port {port} (BALANCER_PORT) is already in use: stop the other server "
        "or choose another port.\n"
    )
    assert list((tmp_path / "instance" / "var" / "prod").glob("*.pid")) == []


def test_down_without_a_stack_says_so(monkeypatch, capsys, tmp_path):
    status, out, err = run(monkeypatch, capsys, tmp_path, command="down")
    assert status == 0
    assert "The stack was not running." in out


def test_the_balancer_and_the_trusted_proxies_are_the_same_host():
    settings = stack.Settings.from_environment({"TRUSTED_PROXIES": "10.1.0.0/16"})
    assert settings.trusted_proxies == ("10.1.0.0/16", "127.0.0.1")
    assert settings.environment()["TRUSTED_PROXIES"] == "10.1.0.0/16,127.0.0.1"
    assert settings.caching_proxies == "http://127.0.0.1:8000"
    assert settings.dsn == "dbname=zhengwu host=127.0.0.1 port=5432"
    assert stack.Settings.from_environment({"TRUSTED_PROXIES": "127.0.0.0/8"}).trusted_proxies == (
        "127.0.0.0/8",
    )
    other = stack.Settings.from_environment({"HOST": "10.0.0.5", "PROD_PORT": "80"})
    assert other.caching_proxies == "http://10.0.0.5:80"
    assert other.url == "http://10.0.0.5:80"


@pytest.mark.slow
def test_rendered_configuration_is_accepted_by_haproxy_and_varnishd(tmp_path):
    require_programs()
    stack.render(
        tmp_path,
        ["127.0.0.1:9481", "127.0.0.1:9482"],
        ("127.0.0.1", 9480),
        "127.0.0.1:9480",
        ["127.0.0.1", "::1", "10.0.0.0/8"],
        tmp_path / "haproxy.sock",
    )
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    check = subprocess.run(
        [haproxy, "-c", "-f", str(tmp_path / "haproxy.cfg")], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    text = (tmp_path / "haproxy.cfg").read_text()
    assert "server zope2 127.0.0.1:9482 check" in text
    assert "option forwardfor" in text and "option redispatch" in text
    backends = (tmp_path / "zhengwu-backends.vcl").read_text()
    assert '"10.0.0.0"/8;' in backends and '"::1";' in backends
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    compiled = subprocess.run(
        [
            varnishd,
            "-C",
            *([] if stack._jail_possible(tmp_path) else ["-j", "none"]),
            "-n",
            str(tmp_path / "varnish"),
            "-p",
            f"vcl_path={tmp_path}",
            "-f",
            str(tmp_path / "zhengwu.vcl"),
        ],
        capture_output=True,
        text=True,
    )
    assert compiled.returncode == 0, compiled.stderr[-3000:]


def test_the_compose_configuration_is_rendered_from_deploy(tmp_path):
    stack.render(tmp_path, resolve=True, **COMPOSE_RENDER)
    for name in ("haproxy.cfg", "zhengwu-backends.vcl"):
        assert (DEPLOY / "compose" / name).read_text() == (tmp_path / name).read_text(), (
            f"deploy/compose/{name} is stale: render it again (see deploy/compose.yaml)"
        )


def test_the_compose_file_holds_together():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"db", "site", "zope1", "zope2", "haproxy", "varnish"}
    assert services["db"]["image"].startswith("postgres:")
    assert services["site"]["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert (DEPLOY / "Dockerfile").exists()
    for name, service in services.items():
        for needed in service.get("depends_on", []):
            assert needed in services, (name, needed)
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (DEPLOY / source).exists(), (name, source)
            else:
                assert source in compose["volumes"], (name, source)
    haproxy = (DEPLOY / "compose" / "haproxy.cfg").read_text()
    for zope in ("zope1", "zope2"):
        assert services[zope]["image"] == services["site"]["image"]
        assert f"server {zope} {zope}:8080 check" in haproxy
        environment = services[zope]["environment"]
        subnet = compose["networks"]["backend"]["ipam"]["config"][0]["subnet"]
        assert environment["TRUSTED_PROXIES"] == subnet
        assert environment["CACHING_PROXIES"] == "http://varnish:8000"
    assert '"172.30.0.0"/24;' in (DEPLOY / "compose" / "zhengwu-backends.vcl").read_text()
    assert services["varnish"]["ports"] == ["${PROD_PORT:-8000}:8000"]


def test_the_procfile_runs_what_make_prod_runs(tmp_path):
    settings = stack.Settings.from_environment({"ZOPE_PORTS": "9481,9482"})
    instance = stack.Instance(home=tmp_path / "instance")
    runner = stack.Stack(instance, settings)
    runner.write_procfile(tmp_path)
    lines = [
        line
        for line in (tmp_path / "Procfile").read_text().splitlines()
        if not line.startswith("#")
    ]
    names = [line.split(":", 1)[0] for line in lines]
    assert names == ["zope-9481", "zope-9482", "haproxy", "varnish", "varnishncsa"]
    assert lines[0].endswith("-m zhengwu.instance.cli serve")
    assert "PORT=9481 HOST=127.0.0.1" in lines[0]
    assert f"-f {tmp_path}/haproxy.cfg" in lines[2]


@pytest.mark.parametrize("unit", ["zhengwu@.service", "zhengwu-setup.service", "zhengwu.target"])
def test_systemd_units_are_well_formed(unit, tmp_path):
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed")
    for path in (DEPLOY / "systemd").glob("zhengwu*"):
        shutil.copy(path, tmp_path / path.name)
    name = unit.replace("@.", "@8081.")  # a template is verified as an instance
    result = subprocess.run(
        [analyze, "verify", "--man=no", name], cwd=tmp_path, capture_output=True, text=True
    )
    # Only the programs of a real installation are missing here.
    problems = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and "/srv/zhengwu/.venv/bin/zhengwu is not executable" not in line
    ]
    assert problems == []
