"""``zhengwu check-links`` and ``zhengwu supervise`` on a real instance
(FileStorage), as cron or a systemd timer runs them."""

from .conftest import environment
from .conftest import make_instance
from .conftest import Server
from .conftest import zhengwu
import pytest


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    path = make_instance(tmp_path_factory.mktemp("tasks") / "instance")
    env = environment(path)
    for command in ("configure", "create-site"):
        result = zhengwu(command, env=env)
        assert result.returncode == 0, result.stderr
    return path


def test_check_links(instance):
    result = zhengwu("check-links", "--budget", "30", env=environment(instance))
    assert result.returncode == 0, result.stderr
    assert "broken." in result.stdout


def test_check_links_while_the_server_runs(instance):
    """FileStorage is open in the server: the command asks the server."""
    with Server(instance, command="serve") as server:
        env = environment(instance, PORT=str(server.port))
        result = zhengwu("check-links", "--budget", "30", env=env)
        assert result.returncode == 0, result.stderr
        assert "running check-links there" in result.stdout
        assert "broken." in result.stdout
        wrong = zhengwu("check-links", env=dict(env, ADMIN_PASSWORD="wrong"))
        assert wrong.returncode == 2
        assert "refused the administrator" in wrong.stderr
        assert "Traceback" not in wrong.stderr


def test_a_missing_site_is_one_sentence(instance):
    result = zhengwu("check-links", "--site", "nosuch", env=environment(instance))
    assert result.returncode == 2
    assert "There is no site /nosuch" in result.stderr
    assert "Traceback" not in result.stderr


def test_mail_settings_from_the_environment_at_start(instance):
    env = environment(instance, SMTP_HOST="mail.example.gov.cn", SMTP_PORT="smtp")
    result = zhengwu("create-site", env=env)
    assert result.returncode == 2
    assert "SMTP_PORT='smtp' is not a port number" in result.stderr
    env = environment(instance, SMTP_HOST="mail.example.gov.cn", MAIL_FROM="web@example.gov.cn")
    result = zhengwu("create-site", env=env)
    assert result.returncode == 0, result.stderr
    assert "Mail: sent through mail.example.gov.cn." in result.stdout


def test_supervise(instance):
    result = zhengwu("supervise", "--weekly", env=environment(instance))
    assert result.returncode == 0, result.stderr
    assert "Supervision:" in result.stdout


def test_caching_proxies_from_the_environment_at_start(instance):
    """CACHING_PROXIES names the proxies Zope purges; a bad value is one
    sentence before anything slow."""
    result = zhengwu("create-site", env=environment(instance, CACHING_PROXIES="varnish:8000"))
    assert result.returncode == 2
    assert "CACHING_PROXIES" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Opening the database" not in result.stdout
    env = environment(instance, CACHING_PROXIES="http://127.0.0.1:9290, http://127.0.0.1:9291/")
    result = zhengwu("create-site", env=env)
    assert result.returncode == 0, result.stderr
    assert (
        "Caching proxy: changed pages are purged from http://127.0.0.1:9290, http://127.0.0.1:9291."
        in result.stdout
    )
    result = zhengwu("create-site", env=environment(instance))
    assert result.returncode == 0, result.stderr
    assert "Caching proxy: none named in CACHING_PROXIES; nothing is purged." in result.stdout
