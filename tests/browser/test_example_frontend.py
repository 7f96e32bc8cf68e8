"""The example front-end (examples/frontend/: HTML and ES modules, no build)
served on a second local port, against the functional test site on its own
port through CORS (CORS_ALLOW_ORIGINS names the front-end's origin): the
news list, the disclosure catalog and its facets, a guide, a message
submitted and its status looked up. Screenshots at desktop and phone size
(test-artifacts/browser/), axe-core on every page."""

from functools import partial
from http.server import SimpleHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
from tests.browser.conftest import AXE
from tests.browser.conftest import VIEWPORTS
from tests.browser.test_portal_face import axe_violations
from tests.browser.test_portal_face import describe
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from tests.helpers import make_item
from tests.petitions.helpers import make_box
from urllib.parse import quote
from zhengwu import cors
import os
import pytest
import threading
import transaction


FRONTEND = Path(__file__).resolve().parents[2] / "examples" / "frontend"
NEWS = "示例市召开政务公开工作推进会"
ITEM = "关于做好2026年政务公开工作的通知"
GUIDE = "企业设立登记"
MESSAGE = "建议延长市民中心周末办理时间"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def frontend(monkeypatch):
    """The example served as any static server would serve it; its origin
    allowed by the site's CORS policy. ZHENGWU_TEST_FRONTEND_PORT picks the
    port (a free one by default)."""
    port = int(os.environ.get("ZHENGWU_TEST_FRONTEND_PORT", "0"))
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(Quiet, directory=str(FRONTEND)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv(cors.ENVIRONMENT, origin)
    yield origin
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(functional_portal):
    """Published content of every kind the example shows, and a mailbox."""
    make_item(functional_portal, "published", portal_type="News Item", title=NEWS)
    catalog = make_catalog(functional_portal)
    make_disclosure_item(catalog, "published", title=ITEM)
    make_guide(functional_portal["zh-cn"]["dept"], "published", title=GUIDE)
    make_box(functional_portal)
    transaction.commit()
    return functional_portal.absolute_url()


def check(page, name, screenshot_dir, viewport):
    screenshot_dir.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshot_dir / f"frontend-{name}-{viewport}.png"), full_page=True)
    width = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{name} ({viewport}) scrolls sideways: {width}"
    if AXE.exists():
        violations = axe_violations(page, AXE.read_text())
        assert not violations, f"{name} ({viewport}):\n{describe(violations)}"
    elif os.environ.get("CI"):
        pytest.fail(f"{AXE} is missing: run `npm ci` at the repository root")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_example_frontend(site, frontend, browse, viewport):
    from tests.browser.conftest import ARTIFACTS

    page = browse(viewport)
    api = f"?api={quote(site, safe='')}"
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))

    # The news list (@search in zh-cn).
    page.goto(f"{frontend}/index.html{api}")
    page.locator("#news li").first.wait_for()
    assert NEWS in page.inner_text("#news")
    check(page, "news", ARTIFACTS, viewport)

    # The disclosure catalog with its facets; a facet narrows the list.
    page.goto(f"{frontend}/disclosure.html{api}")
    page.locator("#disclosure-items tbody tr").first.wait_for()
    assert ITEM in page.inner_text("#disclosure-items")
    assert "体裁分类" in page.inner_text("#facets")
    page.locator("#facets a").first.click()
    page.locator("#facets a[aria-current]").first.wait_for()
    assert ITEM in page.inner_text("#disclosure-items")
    check(page, "disclosure", ARTIFACTS, viewport)

    # A guide.
    page.goto(f"{frontend}/guides.html{api}")
    page.locator("#guide h2").wait_for()
    assert page.inner_text("#guide h2") == GUIDE
    assert "申请材料" in page.inner_text("#guide")
    check(page, "guide", ARTIFACTS, viewport)

    # A message, then its status with the number and code it got.
    page.goto(f"{frontend}/message.html{api}")
    page.locator("#box option").first.wait_for(state="attached")
    page.select_option("#category", "suggestion")
    page.fill("#title", f"{MESSAGE}（{viewport}）")
    page.fill("#content", "市民中心周末只开放半天，上班族很难办事。")
    page.fill("#submitter_name", "王小明")
    page.fill("#phone", "13800000001")
    page.check("#publish_consent")
    page.click("#submit-message")
    page.locator("#receipt-number").wait_for()
    number = page.inner_text("#receipt-number").strip()
    assert number.startswith("LY")
    page.click("#look-up")
    page.locator("#status-state").wait_for()
    assert page.inner_text("#petition-status").count(f"{MESSAGE}（{viewport}）") == 1
    assert page.inner_text("#status-state").strip() == "待受理"
    check(page, "message", ARTIFACTS, viewport)

    # A bad message: the fields' errors from the product's error shape.
    page.fill("#phone", "123")
    page.click("#submit-message")
    page.locator("#message-result .error").first.wait_for()
    assert page.get_attribute("#phone", "aria-invalid") == "true"
    assert not failed, failed


def test_an_origin_not_allowed_reads_nothing(site, frontend, browse, monkeypatch):
    monkeypatch.setenv(cors.ENVIRONMENT, "https://www.example.gov.cn")
    page = browse("desktop")
    page.goto(f"{frontend}/index.html?api={quote(site, safe='')}")
    page.locator("#news-status .error").wait_for()
    assert page.locator("#news li").count() == 0
