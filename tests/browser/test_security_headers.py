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
    """The console's messages (Chromium reports each CSP violation there)."""
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.add_init_script(WATCH)
    return messages


def violations(page, messages):
    reported = [m for m in messages if m.find("Content Security Policy") >= 0]
    return reported + page.evaluate("window.__csp || []")


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
    page.set_default_timeout(90000)  # a loaded machine (the test is not timed)
    messages = watch(page)
    response = page.goto(site)
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
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
    # Folder contents: the structure pattern compiles its templates with
    # eval (without 'unsafe-eval' its table stays empty)
    page.goto(f"{functional_portal['zh-cn']['dept'].absolute_url()}/folder_contents")
    page.wait_for_selector(".pat-structure table tbody tr", state="visible")
    assert "内容安全策略" in page.inner_text(".pat-structure")
    screenshot("folder-contents")
    page.goto(site)
    page.wait_for_load_state("networkidle")
    screenshot("home")
    assert violations(page, messages) == []
