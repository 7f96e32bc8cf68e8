"""`zhengwu configure` writes CORS_ALLOW_ORIGINS into zope.conf's
<environment> (read by zhengwu.cors); a bad origin stops with one sentence."""

from pathlib import Path
from zhengwu.instance import cli
from zhengwu.instance.config import ConfigurationError
from zhengwu.instance.config import Instance
import pytest
import shutil


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "instance" / "templates", tmp_path / "templates")
    monkeypatch.delenv("ZHENGWU_DSN", raising=False)
    monkeypatch.delenv("TRUSTED_PROXIES", raising=False)
    monkeypatch.setenv("ZHENGWU_INSTANCE", str(tmp_path))
    return tmp_path


def environment_lines(path):
    text = path.read_text(encoding="utf-8")
    block = text.split("<environment>")[1].split("</environment>")[0]
    return {line.split()[0]: line.split()[1:] for line in block.splitlines() if line.strip()}


def test_configure_writes_the_origins(home, monkeypatch, capsys):
    monkeypatch.setenv("CORS_ALLOW_ORIGINS", "https://WWW.example.gov.cn:443, http://localhost:3000")
    assert cli.main(["configure"]) == 0
    lines = environment_lines(home / "etc" / "zope.conf")
    assert lines["ZHENGWU_CORS_ALLOW_ORIGINS"] == ["https://www.example.gov.cn", "http://localhost:3000"]
    assert "http://localhost:3000" in capsys.readouterr().out


@pytest.mark.parametrize("value", [None, ""])
def test_unset_or_empty_writes_no_origin(home, monkeypatch, value):
    if value is None:
        monkeypatch.delenv("CORS_ALLOW_ORIGINS", raising=False)
    else:
        monkeypatch.setenv("CORS_ALLOW_ORIGINS", value)
    assert cli.main(["configure"]) == 0
    assert environment_lines(home / "etc" / "zope.conf")["ZHENGWU_CORS_ALLOW_ORIGINS"] == []


def test_a_bad_origin_stops_with_one_sentence(home, monkeypatch, capsys):
    monkeypatch.setenv("CORS_ALLOW_ORIGINS", "http://localhost:3000,www.example.gov.cn/")
    assert cli.main(["configure"]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1
    assert error[0].startswith("zhengwu: CORS_ALLOW_ORIGINS: 'www.example.gov.cn/' is not an origin")
    assert not (home / "etc" / "zope.conf").exists()


def test_the_instance_names_the_bad_origin(home):
    instance = Instance(home=home, cors_allow_origins="https://a.example.com/path")
    with pytest.raises(ConfigurationError, match="'https://a.example.com/path' is not an origin"):
        instance.write_config()
