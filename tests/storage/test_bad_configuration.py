"""Bad configuration stops with one readable sentence, never a traceback."""

from .conftest import _admin_sql
from .conftest import environment
from .conftest import make_instance
from .conftest import pg_dsn
from .conftest import require_postgres
from .conftest import zhengwu
from psycopg2.extensions import make_dsn
from psycopg2.extensions import parse_dsn
import pytest
import socket
import uuid


def assert_one_sentence(result, *fragments):
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("zhengwu:")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def instance(tmp_path):
    return make_instance(tmp_path / "instance")


def test_unreachable_dsn(instance):
    dsn = "host=127.0.0.1 port=1 dbname=zhengwu connect_timeout=3"
    result = zhengwu("configure", env=environment(instance, dsn))
    assert_one_sentence(
        result, "Nothing accepts PostgreSQL connections at 127.0.0.1 port 1", "start PostgreSQL"
    )


def test_malformed_dsn(instance):
    result = zhengwu("configure", env=environment(instance, "host=127.0.0.1 dbname"))
    assert_one_sentence(result, "not a valid PostgreSQL connection string", "dbname=")


def test_unknown_host(instance):
    dsn = "host=no-such-host.invalid dbname=zhengwu connect_timeout=3"
    result = zhengwu("configure", env=environment(instance, dsn))
    assert_one_sentence(result, "'no-such-host.invalid'", "cannot be resolved", "host=")


def test_unknown_role_is_not_a_missing_database(instance):
    require_postgres()
    role = f"zhengwu_test_nobody_{uuid.uuid4().hex[:8]}"
    dsn = make_dsn(**dict(parse_dsn(pg_dsn("zhengwu_no_such_db")), user=role))
    result = zhengwu("configure", env=environment(instance, dsn))
    assert_one_sentence(result, f"refuses the user {role!r}", "does not exist", "createuser")
    assert "no database" not in result.stderr


def test_password_is_not_shown(instance):
    dsn = "host=127.0.0.1 port=1 dbname=zhengwu user=u password=top-secret-1 connect_timeout=3"
    result = zhengwu("configure", env=environment(instance, dsn))
    assert_one_sentence(result, "Nothing accepts PostgreSQL connections", "password=***")
    assert "top-secret-1" not in result.stderr


def test_missing_database_that_may_not_be_created(instance):
    require_postgres()
    role = f"zhengwu_test_nocreate_{uuid.uuid4().hex[:8]}"
    name = f"zhengwu_new_{uuid.uuid4().hex[:8]}"
    _admin_sql(f'CREATE ROLE "{role}" LOGIN NOCREATEDB')
    try:
        dsn = make_dsn(**dict(parse_dsn(pg_dsn(name)), user=role))
        result = zhengwu("configure", env=environment(instance, dsn))
        assert_one_sentence(
            result, f"no database {name!r}", f"{role!r} may not create", f"createdb -O {role}"
        )
    finally:
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}"')
        _admin_sql(f'DROP ROLE IF EXISTS "{role}"')


def test_missing_database_is_created(instance):
    require_postgres()
    name = f"zhengwu_new_{uuid.uuid4().hex[:8]}"
    try:
        result = zhengwu("configure", env=environment(instance, pg_dsn(name)))
        assert result.returncode == 0, result.stderr
        assert "Created the PostgreSQL database" in result.stdout
        assert f"dbname={name}" in (instance / "etc" / "zope.conf").read_text()
    finally:
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}"')


def test_port_in_use(instance):
    with socket.socket() as sock:
        sock.bind(("localhost", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = zhengwu("start", env=environment(instance, PORT=str(port)))
    assert_one_sentence(result, f"Port {port}", "already in use")
    # refused before anything was written
    assert not (instance / "etc" / "zope.conf").exists()


@pytest.mark.parametrize("port", ["abc", "0", "70000"])
def test_port_not_a_number(instance, port):
    result = zhengwu("serve", env=environment(instance, PORT=port))
    assert_one_sentence(result, "is not a port number")


def test_missing_templates(tmp_path):
    result = zhengwu("configure", env=environment(tmp_path / "nowhere"))
    assert_one_sentence(result, "template")


def test_create_site_before_configure(instance):
    result = zhengwu("create-site", env=environment(instance))
    assert_one_sentence(result, "zhengwu configure")


def test_default_admin_password_is_warned_about(instance):
    env = environment(instance)
    env.pop("ADMIN_PASSWORD")
    assert zhengwu("configure", env=env).returncode == 0
    result = zhengwu("create-site", env=env)
    assert result.returncode == 0, result.stderr
    assert "WARNING" in result.stderr and "ADMIN_PASSWORD" in result.stderr
    # with a password set, the next start changes it and stops warning
    env["ADMIN_PASSWORD"] = "a-long-secret-1"
    result = zhengwu("create-site", env=env)
    assert result.returncode == 0, result.stderr
    assert "ADMIN_PASSWORD" not in result.stderr


@pytest.mark.parametrize(
    "command, value, entry",
    [
        ("configure", "127.0.0.1, proxy.example.com", "'proxy.example.com'"),
        ("start", "10.0.0.1/8", "10.0.0.0/8"),
        ("serve", "::1 2001:db8::zz", "'2001:db8::zz'"),
        ("configure", "*", "'*'"),
    ],
)
def test_bad_trusted_proxies(instance, command, value, entry):
    result = zhengwu(command, env=environment(instance, TRUSTED_PROXIES=value))
    assert_one_sentence(result, "TRUSTED_PROXIES", entry)
    assert not (instance / "etc" / "zope.conf").exists()


def test_trusted_proxies_are_written_into_zope_conf(instance):
    value = "127.0.0.1, 10.0.0.0/8\t::1 fd00::/8"
    result = zhengwu("configure", env=environment(instance, TRUSTED_PROXIES=value))
    assert result.returncode == 0, result.stderr
    assert "127.0.0.1, 10.0.0.0/8, ::1, fd00::/8" in result.stdout
    lines = [line.strip() for line in (instance / "etc" / "zope.conf").read_text().splitlines()]
    # Zope's own directive takes exact addresses; the ranges go to Zhengwu
    assert [line for line in lines if line.startswith("trusted-proxy")] == [
        "trusted-proxy 127.0.0.1",
        "trusted-proxy ::1",
    ]
    assert "ZHENGWU_TRUSTED_PROXIES 127.0.0.1 10.0.0.0/8 ::1 fd00::/8" in lines
    # and ZConfig reads what was written
    from Zope2.Startup.options import ZopeWSGIOptions

    root = ZopeWSGIOptions(str(instance / "etc" / "zope.conf"))().configroot
    assert root.trusted_proxies == ["127.0.0.1", "::1"]
    assert root.environment["ZHENGWU_TRUSTED_PROXIES"] == "127.0.0.1 10.0.0.0/8 ::1 fd00::/8"
    # without the setting, no proxy is trusted
    result = zhengwu("configure", env=environment(instance))
    assert result.returncode == 0, result.stderr
    root = ZopeWSGIOptions(str(instance / "etc" / "zope.conf"))().configroot
    assert not root.trusted_proxies
    assert root.environment["ZHENGWU_TRUSTED_PROXIES"] == ""


def test_serve_refuses_trusted_proxies_it_was_not_configured_with(instance):
    assert zhengwu("configure", env=environment(instance)).returncode == 0
    result = zhengwu("serve", env=environment(instance, TRUSTED_PROXIES="127.0.0.1"))
    assert_one_sentence(result, "TRUSTED_PROXIES='127.0.0.1'", "zhengwu configure")
