"""`make install` on a fresh clone: what runs the site, no test tool, and no
setuptools warning on the way (issue 16, item 4).

A clone of this checkout's HEAD gets its own .venv from `make install`
(pip's cache makes that a minute or two); the clone is removed afterwards.
"""

from pathlib import Path
import os
import pytest
import re
import shutil
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

# Installed only by `make install-dev` (the `test` extra and the build tools)
# or pulled in by them: none may be in the production install.
TEST_TOOLS = {
    "pytest",
    "pytest-plone",
    "playwright",
    "selenium",
    "robotframework",
    "plone.app.robotframework",
    "plone.app.testing",
    "grpcio",
    "ruff",
    "zpretty",
    "aiosmtpd",
    "i18ndude",
    "zc.buildout",
    "plone.recipe.zope2instance",
    "build",
    "pypdf",
}

# What runs the site, besides Zhengwu itself.
RUNTIME = {
    "zhengwu",
    "products.cmfplone",
    "plone.app.caching",
    "plone.app.upgrade",
    "relstorage",
    "psycopg2-binary",
    "waitress",
}

# The setuptools and pip markers of a warning; any line holding one fails,
# except the machine's own pip configuration (see machine_locations).
WARNING = re.compile(r"warning|deprecat|!!|package would be ignored|error|traceback", re.IGNORECASE)


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def machine_locations():
    """The find-links and index URLs of this machine's pip configuration
    (/etc/pip.conf, ~/.config/pip/pip.conf, PIP_* variables): pip warns
    "Location '…' is ignored" for each package such a local index lacks.
    Those lines are the machine's, not the project's (docs/installation.md)."""
    listed = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True
    ).stdout
    values = re.findall(r"(?:index-url|find-links)='([^']*)'", listed)
    values += [
        os.environ.get(name, "")
        for name in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS")
    ]
    locations = set()
    for value in values:
        for location in value.split():
            locations.add(location if "://" in location else "file://" + location)
    return {location.rstrip("/") for location in locations if location}


def is_machine_line(line, locations):
    match = re.fullmatch(
        r"WARNING: Location '([^']+)' is ignored: it is neither a file nor a directory\.",
        line.strip(),
    )
    return bool(match) and any(match.group(1).startswith(place) for place in locations)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to clone")
    clone = tmp_path_factory.mktemp("install") / "zhengwu"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("PYTHONPATH", "VIRTUAL_ENV", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")
    }
    started = time.monotonic()
    result = subprocess.run(
        ["make", "install"],
        cwd=clone,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=1200,
    )
    seconds = time.monotonic() - started
    print(f"\nmake install on a fresh clone: {seconds:.0f} s")
    try:
        yield clone, result, env
    finally:
        shutil.rmtree(clone.parent, ignore_errors=True)


def test_install_succeeds(installed):
    clone, result, env = installed
    assert result.returncode == 0, result.stdout[-3000:]
    assert "[zhengwu] Installing Plone 6.2 and Zhengwu" in result.stdout


def test_install_prints_no_warning(installed):
    clone, result, env = installed
    locations = machine_locations()
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    flagged = [
        line for line in lines if WARNING.search(line) and not is_machine_line(line, locations)
    ]
    assert not flagged, "\n".join(flagged[:40])


def installed_packages(clone):
    listed = subprocess.run(
        [str(clone / ".venv/bin/python"), "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {
        normalize(name): version
        for name, version in (line.split("==", 1) for line in listed.splitlines() if "==" in line)
    }


def test_install_has_what_runs_the_site_and_no_test_tool(installed):
    clone, result, env = installed
    packages = installed_packages(clone)
    assert not {normalize(name) for name in TEST_TOOLS} & set(packages)
    missing = {normalize(name) for name in RUNTIME} - set(packages)
    assert not missing
    # psycopg2 built from source would need a compiler and libpq's headers
    assert "psycopg2" not in packages


def test_installed_versions_are_the_pinned_ones(installed):
    clone, result, env = installed
    pins = {}
    for line in (clone / "constraints.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[normalize(name)] = version
    packages = installed_packages(clone)
    unpinned = set(packages) - set(pins) - {"zhengwu", "pip"}
    wrong = {
        name: (version, pins[name])
        for name, version in packages.items()
        if name in pins and version != pins[name]
    }
    assert not unpinned
    assert not wrong


def test_the_command_line_and_the_driver_run(installed):
    clone, result, env = installed
    help_text = subprocess.run(
        [str(clone / ".venv/bin/zhengwu"), "--help"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert help_text.returncode == 0, help_text.stderr
    assert help_text.stdout.startswith("usage: zhengwu")
    probe = subprocess.run(
        [
            str(clone / ".venv/bin/python"),
            "-c",
            "import psycopg2, zhengwu.profiles, plone.app.caching; "
            "from relstorage.adapters.postgresql import PostgreSQLAdapter; "
            "from relstorage.options import Options; "
            "adapter = PostgreSQLAdapter(dsn='dbname=none', options=Options(driver='auto')); "
            "print(adapter.driver.__name__); print(zhengwu.profiles.__file__)",
        ],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert probe.returncode == 0, probe.stderr
    driver, profiles = probe.stdout.split()
    assert "psycopg2" in driver.lower()
    # editable: the profiles load from the checkout's profiles/ (via the
    # src/zhengwu/profiles symlink), so a `git pull` is live after a restart
    assert Path(profiles).resolve() == (clone / "profiles" / "__init__.py").resolve()


def test_install_dev_adds_to_install(installed):
    """One stamp per level: after `make install`, `make install` has nothing
    left to do, and `make install-dev` would only add the test tools."""
    clone, result, env = installed
    assert subprocess.run(["make", "-q", "install"], cwd=clone, env=env).returncode == 0
    plan = subprocess.run(
        ["make", "-n", "install-dev"], cwd=clone, env=env, capture_output=True, text=True
    ).stdout
    assert "'.[test]'" in plan
    assert "-m venv" not in plan
    assert "--no-build-isolation -e .\n" not in plan
