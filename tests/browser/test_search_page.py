"""The site's search page in Chromium on the demo site (issue 19): results
with their type, date, department and highlighted snippets, filters with
counts, the sort switch, a filter chosen, nothing found; at 1366×900 and
390×844, checked with axe-core (WCAG 2.1 AA: no critical or serious
violation). Screenshots: test-artifacts/browser/search-*.png."""

from tests.browser.conftest import ARTIFACTS
from tests.browser.conftest import VIEWPORTS
from tests.browser.test_portal_face import axe_violations
from tests.browser.test_portal_face import describe
from urllib.parse import quote
import json
import pytest


@pytest.fixture
def site(demo_functional):
    return demo_functional["portal"]["zh-cn"].absolute_url()


@pytest.fixture
def open_page(chromium):
    contexts = []

    def opened(viewport, url):
        width, height = VIEWPORTS[viewport]
        context = chromium.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30000)
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        return page

    yield opened
    for context in contexts:
        context.close()


def shoot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-{name}.png"), full_page=True)


def check_axe(page, axe_source, name):
    violations = axe_violations(page, axe_source)
    (ARTIFACTS / f"search-{name}-axe.json").write_text(
        json.dumps(violations, ensure_ascii=False, indent=1)
    )
    assert not violations, f"{name}:\n{describe(violations)}"


@pytest.mark.usefixtures("demo_functional")
class TestSearchPage:
    @pytest.mark.parametrize("viewport", VIEWPORTS)
    def test_results(self, site, open_page, axe_source, viewport):
        page = open_page(viewport, f"{site}/@@search?SearchableText={quote('政务')}")
        main = page.locator("main")
        assert main.get_by_role("heading", level=1).inner_text().strip()
        assert main.get_by_role("search").count() == 1
        # the field has its label
        field = page.locator("#zw-site-search-q")
        assert field.input_value() == "政务"
        assert page.locator("label[for='zw-site-search-q']").count() == 1
        results = page.locator(".zw-site-search-result")
        assert results.count() >= 3
        first = results.first
        assert first.locator(".zw-kind").inner_text().strip() in (
            "文件",
            "解读",
            "办事",
            "互动",
            "新闻",
            "其他",
        )
        assert first.locator("time").inner_text().strip()[:2] == "20"
        assert page.locator(".zw-snippet mark").count() >= 1
        assert set(page.locator(".zw-snippet mark").all_inner_texts()) == {"政务"}
        for facet in ("type", "department", "time"):
            assert page.locator(f"#zw-site-search-facet-{facet}").count() == 1
        assert page.locator("#zw-site-search-facet-type .facet-count").count() >= 2
        sort = page.locator("#zw-site-search-sort")
        assert sort.locator("[aria-current='true']").count() == 1
        if viewport == "phone":
            width = page.evaluate("() => document.scrollingElement.scrollWidth")
            assert width <= VIEWPORTS["phone"][0]
        shoot(page, f"results-{viewport}")
        check_axe(page, axe_source, f"results-{viewport}")

    def test_filter_and_sort(self, site, open_page, axe_source):
        page = open_page("desktop", f"{site}/@@search?q={quote('政务')}")
        facet = page.locator("#zw-site-search-facet-type")
        entry = facet.locator("li").first
        label = entry.locator(".facet-title").inner_text().strip()
        count = int(entry.locator(".facet-count").inner_text())
        entry.get_by_role("link").click()
        page.wait_for_load_state("networkidle")
        kinds = {
            k.strip() for k in page.locator(".zw-site-search-result .zw-kind").all_inner_texts()
        }
        assert kinds == {label}
        assert page.locator(".zw-site-search-result").count() == min(count, 10)
        assert page.locator("#zw-site-search-facet-type [aria-current='true']").count() == 1
        page.locator("#zw-site-search-sort a").nth(1).click()
        page.wait_for_load_state("networkidle")
        dates = page.locator(".zw-site-search-result time").all_inner_texts()
        assert dates == sorted(dates, reverse=True)
        shoot(page, "filtered-desktop")
        check_axe(page, axe_source, "filtered-desktop")

    @pytest.mark.parametrize("viewport", VIEWPORTS)
    def test_nothing_found(self, site, open_page, axe_source, viewport):
        page = open_page(viewport, f"{site}/@@search?q={quote('政务 宇宙飞船')}")
        assert page.locator(".zw-site-search-result").count() == 0
        suggestions = page.locator("#zw-site-search-suggestions a").all_inner_texts()
        assert "政务" in suggestions
        shoot(page, f"none-{viewport}")
        check_axe(page, axe_source, f"none-{viewport}")
