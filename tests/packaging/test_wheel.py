"""The top-level profiles/ ship in the wheel as zhengwu.profiles."""

from pathlib import Path
import pytest
import subprocess
import sys
import zipfile


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "TMPDIR": str(build)},
    )
    (path,) = out.glob("zhengwu-*.whl")
    with zipfile.ZipFile(path) as archive:
        yield set(archive.namelist())


def tracked(folder, *patterns):
    return {
        path.relative_to(ROOT).as_posix()
        for pattern in patterns
        for path in (ROOT / folder).rglob(pattern)
        if "__pycache__" not in path.parts
    }


def test_every_profile_file_is_in_the_wheel(wheel):
    files = tracked("profiles", "*.xml", "*.zcml", "*.py", "*.txt", "*.json", "*.csv")
    assert files, "no profile files found"
    for path in files:
        assert "zhengwu/" + path in wheel, path


def test_profile_metadata_in_the_wheel(wheel):
    for name in ("default", "demo", "uninstall"):
        assert f"zhengwu/profiles/{name}/metadata.xml" in wheel


def test_zcml_templates_and_catalogs_in_the_wheel(wheel):
    for path in tracked("src/zhengwu", "*.zcml", "*.pt", "*.po", "*.pot"):
        assert path.removeprefix("src/") in wheel, path
    # the Diazo theme, its stylesheet, script and placeholder logo
    theme = tracked("src/zhengwu/theme", "*.html", "*.cfg", "*.xml", "*.css", "*.js", "*.svg")
    assert len(theme) >= 6
    for path in theme:
        assert path.removeprefix("src/") in wheel, path


def test_wheel_holds_no_tests_or_instance_data(wheel):
    assert not [name for name in wheel if name.startswith(("tests/", "instance/"))]


def test_the_openapi_document_in_the_wheel(wheel):
    """@openapi reads zhengwu/site/openapi.yaml (a symlink to docs/openapi.yaml
    in the checkout; the file itself in the wheel)."""
    assert "zhengwu/site/openapi.yaml" in wheel
