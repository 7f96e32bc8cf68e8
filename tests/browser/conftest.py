"""Playwright driving Debian's Chromium (/usr/bin/chromium; it cannot
download a browser of its own here). Screenshots go to test-artifacts/browser/,
whose path the test run prints at the end.

Without Chromium the browser tests are skipped with the reason, except under
CI (CI=true), where .ci/run installs it and its absence is a failure.
"""

from pathlib import Path
import os
import pytest


ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
# axe-core, the accessibility checker (npm ci at the repository root)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": (1366, 900), "phone": (390, 844)}
CHROMIUM = os.environ.get("ZHENGWU_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(30000)
    yield page
    context.close()


@pytest.fixture
def screenshot(page, request):
    """screenshot("step") saves test-artifacts/browser/<test>-<n>-<step>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    counter = iter(range(1, 100))

    def take(step):
        path = ARTIFACTS / f"{request.node.name}-{next(counter):02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="class")
def axe_source():
    """axe-core's script, to run in a page; skipped without it (failed under CI)."""
    if not AXE.exists():
        reason = f"{AXE} is missing: run `npm ci` at the repository root"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE.read_text()


@pytest.fixture
def browse(chromium):
    """browse(viewport) → a fresh page of that size (``VIEWPORTS``); closed
    after the test."""
    contexts = []

    def open_page(viewport):
        width, height = VIEWPORTS[viewport]
        context = chromium.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30000)
        return page

    yield open_page
    for context in contexts:
        context.close()
