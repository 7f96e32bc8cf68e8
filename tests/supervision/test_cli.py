"""``zhengwu check-links`` and ``zhengwu supervise``: bad input is one
sentence and exit status 2, before any database is opened. (The commands on
a real instance: tests/storage/test_site_tasks.py.)"""

from zhengwu.instance import cli
import pytest


@pytest.mark.parametrize(
    "argv, words",
    [
        (["check-links", "--budget", "soon"], "--budget must be a number of seconds"),
        (["check-links", "--budget", "-5"], "--budget must be a number of seconds"),
        (["check-links", "--timeout", "nan"], "--timeout must be a number of seconds"),
    ],
)
def test_bad_options(argv, words, capsys, tmp_path):
    assert cli.main([*argv, "--instance", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_without_an_instance(capsys, tmp_path):
    assert cli.main(["supervise", "--instance", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "zope.conf does not exist" in err and "zhengwu configure" in err


def test_bad_mail_settings_stop_start_at_once(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SMTP_HOST", "mail.example.gov.cn")
    monkeypatch.setenv("MAIL_FROM", "web at example.gov.cn")
    assert cli.main(["create-site", "--instance", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "MAIL_FROM='web at example.gov.cn' is not an e-mail address." in err
    assert len(err.strip().splitlines()) == 1
