"""Two-factor login in a real browser (issue 17): a handler sets it up on
their own page (the secret read from the page, the code computed as an
authenticator app would, with pyotp), sees the recovery codes once, logs
out and logs in again with password and code. The enrolment page and the
second step at desktop and phone width, checked with axe-core (WCAG 2.1
AA: no critical or serious violation)."""

from tests.browser.conftest import VIEWPORTS
from tests.browser.test_portal_face import describe
from tests.browser.test_portal_face import WCAG_AA
from tests.browser.test_review import login
from zhengwu.security import two_factor
import pyotp
import time
import transaction


def axe_violations(page, source):
    """Critical and serious violations, Plone's editing toolbar left out
    (``#edit-zone``, shown to logged-in users: its menu links are Plone's,
    not this page's, and fail link-name and aria-prohibited-attr)."""
    page.add_script_tag(content=source)
    result = page.evaluate(
        """tags => axe.run({exclude: [['#edit-zone']]},
                          {runOnly: {type: 'tag', values: tags}})""",
        WCAG_AA,
    )
    return [v for v in result["violations"] if v["impact"] in ("critical", "serious")]


def at_both_widths(page, screenshot, step, axe):
    """Screenshots at phone and desktop width; axe-core at each."""
    found = []
    for viewport in ("phone", "desktop"):
        width, height = VIEWPORTS[viewport]
        page.set_viewport_size({"width": width, "height": height})
        screenshot(f"{step}-{viewport}")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width + 1, f"{step} scrolls sideways at {viewport} width"
        found += axe_violations(page, axe)
    assert not found, describe(found)


def test_enrolment_and_login_with_a_code(functional_portal, page, screenshot, axe_source):  # noqa: F811
    site = functional_portal.absolute_url()
    login(page, site, "handler")
    page.goto(f"{site}/@@two-factor")
    page.wait_for_load_state("networkidle")
    assert page.locator(".zhengwu-qr svg").is_visible()
    at_both_widths(page, screenshot, "enrol", axe_source)

    secret = page.locator("#zhengwu-two-factor-secret").inner_text().replace(" ", "")
    page.fill("#zhengwu-enrol-otp", pyotp.TOTP(secret).now())
    page.click("#zhengwu-two-factor-enrol button[type=submit]")
    page.wait_for_load_state("networkidle")
    codes = page.locator("#zhengwu-recovery-codes li code")
    assert codes.count() == 10
    screenshot("recovery-codes")
    transaction.begin()
    assert two_factor.enrolled("handler")

    page.goto(f"{site}/logout")
    login(page, site, "handler")
    assert page.locator("#zhengwu-two-factor-login").is_visible()
    assert not [c for c in page.context.cookies() if c["name"] == "__ac"]
    at_both_widths(page, screenshot, "second-step", axe_source)
    # the code of the next time step: the current one was used to enrol
    page.fill("#zhengwu-otp", pyotp.TOTP(secret).at(int(time.time()) + 30))
    page.click("#zhengwu-two-factor-login button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert [c for c in page.context.cookies() if c["name"] == "__ac"]
    page.goto(f"{site}/@@two-factor")
    assert page.locator("#zhengwu-two-factor-on").is_visible()
    screenshot("logged-in")
