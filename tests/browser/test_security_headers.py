"""The Content-Security-Policy (zhengwu.security.headers) under the classic
UI in a real browser: an editor edits a page with TinyMCE and saves it,
and the public home page runs its scripts (the theme's toolbar.js, the
mockup patterns), without a single CSP violation — counted from the
console and from ``securitypolicyviolation`` events."""

from plone import api
from tests.browser.test_review import login
import transaction


WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
});
"""


def watch(page):
    messages = []
    page.on(
        "console",
        lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(WATCH)
    return messages


def violations(page, messages):
    return messages + page.evaluate("window.__csp || []")


def test_editing_with_tinymce_under_the_policy(functional_portal, page, screenshot):
    site = functional_portal.absolute_url()
    transaction.begin()
    with api.env.adopt_user(username="author"):
        item = api.content.create(
            container=functional_portal["zh-cn"]["dept"],
            type="Document",
            id="csp-page",
            title="内容安全策略",
        )
    transaction.commit()
    messages = watch(page)
    response = page.goto(site)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert violations(page, messages) == []

    login(page, site, "author")
    page.goto(f"{item.absolute_url()}/edit")
    page.wait_for_selector(".tox-tinymce", state="visible")
    frame = page.frame_locator(".tox-edit-area iframe")
    frame.locator("body").click()
    frame.locator("body").type("在编辑器中输入的正文。")
    page.locator(".tox-tbtn[aria-label='Bold'], .tox-tbtn[aria-label='粗体']").first.click()
    frame.locator("body").type("加粗")
    screenshot("tinymce")
    page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")
    assert "在编辑器中输入的正文。" in page.inner_text("#content-core")
    transaction.begin()
    assert "在编辑器中输入的正文。" in item.text.raw and "<strong>加粗</strong>" in item.text.raw
    page.goto(site)
    page.wait_for_load_state("networkidle")
    screenshot("home")
    assert violations(page, messages) == []
