"""Two-factor login with TOTP (issue 17): enrolment on the user's own page,
login by the classic form (a second step before any cookie) and by
``@login`` (``otp``), codes never accepted twice, recovery codes used once,
HTTP Basic refused for enrolled users, wrong codes counted by the lockout
and audited, required for administrators when the setting is on, reset by
a Manager only, and the secrets never shown by ``@users``."""

from plone import api
from tests.helpers import body
from tests.helpers import classic_login
from tests.review.test_audit_log import entries
from zhengwu.review import lockout
from zhengwu.security import two_factor
from zhengwu.testing import TEST_PASSWORD
import base64
import binascii
import pyotp
import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json"}
START = 1_800_000_000.0  # a fixed moment: the codes do not depend on when the test runs


@pytest.fixture
def otp_time():
    """The time two-factor codes are checked at, moved by the test."""
    clock = OtpTime()
    original = two_factor.now
    two_factor.now = clock.now
    yield clock
    two_factor.now = original


class OtpTime:
    def __init__(self):
        self.moment = START

    def now(self):
        return self.moment

    def move(self, seconds):
        """Later by ``seconds``; the new time."""
        self.moment += seconds
        return self.moment


def code(secret, at):
    return pyotp.TOTP(secret).at(int(at))


def enrol(userid):
    """``userid`` enrolled as the page does: (secret, recovery codes)."""
    transaction.begin()
    secret = two_factor.new_secret()
    step = pyotp.TOTP(secret).timecode(int(two_factor.now())) - 5
    recovery = two_factor.enrol(userid, secret, step)
    transaction.commit()
    return secret, recovery


def rest_login(site, login, otp=None, password=TEST_PASSWORD):
    data = {"login": login, "password": password}
    if otp is not None:
        data["otp"] = otp
    return requests.post(f"{site}/@login", json=data, headers=JSON, timeout=60)


def form_values(html):
    """The hidden inputs of a page (name → value)."""
    found = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and value:
            found.setdefault(name.group(1), value.group(1))
    return found


def second_step(site, session, otp, token):
    return session.post(
        f"{site}/zh-cn/@@two-factor-login", data={"token": token, "otp": otp}, timeout=60
    )


# Enrolment on the page


def test_enrolment_on_the_user_s_page(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    session, _response = classic_login(site, "handler")
    page = session.get(f"{site}/@@two-factor", timeout=60)
    assert page.status_code == 200
    assert "<svg" in body(page)
    secret = re.search(r'id="zhengwu-two-factor-secret"[^>]*>([A-Z2-7 ]+)<', page.text)
    secret = secret.group(1).replace(" ", "")
    fields = form_values(page.text)
    wrong = session.post(
        f"{site}/@@two-factor", data={**fields, "action": "enrol", "otp": "000000"}, timeout=60
    )
    assert "zhengwu-recovery-codes" not in body(wrong)
    transaction.begin()
    assert not two_factor.enrolled("handler")
    done = session.post(
        f"{site}/@@two-factor",
        data={**fields, "action": "enrol", "otp": code(secret, otp_time.now())},
        timeout=60,
    )
    recovery = re.findall(r"<code>([2-9A-Z]{5}-[2-9A-Z]{5})</code>", done.text)
    assert len(set(recovery)) == 10
    transaction.begin()
    entry = two_factor.record("handler")
    assert entry["secret"] == secret
    assert len(entry["recovery"]) == 10
    assert not any(c.replace("-", "") in str(list(entry["recovery"])) for c in recovery)
    assert [e["comment"] for e in entries(action="two_factor_enrolled")] == ["handler"]
    # the codes are shown once
    again = session.get(f"{site}/@@two-factor", timeout=60)
    assert "zhengwu-two-factor-on" in body(again)
    assert recovery[0] not in body(again)


def test_an_enrolment_secret_cannot_be_chosen_by_the_browser(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    session, _response = classic_login(site, "handler")
    fields = form_values(session.get(f"{site}/@@two-factor", timeout=60).text)
    mine = pyotp.random_base32()
    forged = two_factor.sign({"u": "handler", "s": mine, "t": otp_time.now()})
    fields["secret"] = forged.split(".")[0] + "." + "0" * 64
    session.post(
        f"{site}/@@two-factor",
        data={**fields, "action": "enrol", "otp": code(mine, otp_time.now())},
        timeout=60,
    )
    transaction.begin()
    assert not two_factor.enrolled("handler")


# The classic login form


def test_the_login_form_asks_for_the_code_before_any_cookie(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    session, response = classic_login(site, "handler")
    assert "__ac" not in session.cookies
    assert 'id="zhengwu-two-factor-login"' in body(response)
    token = form_values(response.text)["token"]
    wrong = second_step(site, session, "123456", token)
    assert "__ac" not in session.cookies
    assert 'id="zhengwu-two-factor-login"' in body(wrong)
    right = second_step(site, session, code(secret, otp_time.now()), token)
    assert right.status_code == 200
    assert "__ac" in session.cookies
    me = requests.get(
        f"{site}/@users/handler",
        headers=JSON,
        cookies={"__ac": session.cookies["__ac"]},
        timeout=60,
    )
    assert me.status_code == 200
    transaction.begin()
    assert [e["comment"] for e in entries(action="two_factor_failed")] == ["handler"]


def test_a_second_step_token_works_once(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    session, response = classic_login(site, "handler")
    token = form_values(response.text)["token"]
    second_step(site, session, code(secret, otp_time.now()), token)
    assert "__ac" in session.cookies
    other = requests.Session()
    second_step(site, other, code(secret, otp_time.move(30)), token)
    assert "__ac" not in other.cookies


def test_a_second_step_token_expires(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    session, response = classic_login(site, "handler")
    token = form_values(response.text)["token"]
    otp_time.move(two_factor.TOKEN_SECONDS + 1)
    second_step(site, session, code(secret, otp_time.now()), token)
    assert "__ac" not in session.cookies


def test_a_forged_token_logs_nobody_in(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    session = requests.Session()
    token = two_factor.login_token("handler", "handler", "")
    forged = token.split(".")[0] + "." + "f" * 64
    second_step(site, session, code(secret, otp_time.now()), forged)
    assert "__ac" not in session.cookies


# POST @login


def test_rest_login_wants_the_code(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    missing = rest_login(site, "handler")
    assert missing.status_code == 401
    assert missing.json()["error"]["field"] == "otp"
    assert missing.json()["error"]["type"] == "TwoFactorRequired"
    assert "token" not in missing.json()
    assert "__ac" not in missing.cookies
    wrong = rest_login(site, "handler", "000000")
    assert wrong.status_code == 401
    assert wrong.json()["error"] == {
        "type": "TwoFactorCodeWrong",
        "field": "otp",
        "message": wrong.json()["error"]["message"],
    }
    right = rest_login(site, "handler", code(secret, otp_time.now()))
    assert right.status_code == 200
    token = right.json()["token"]
    me = requests.get(
        f"{site}/@users/handler", headers={**JSON, "Authorization": f"Bearer {token}"}, timeout=60
    )
    assert me.status_code == 200


def test_a_wrong_password_with_a_right_code_is_refused(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    refused = rest_login(site, "handler", code(secret, otp_time.now()), password="wrong")
    assert refused.status_code == 401
    assert "otp" not in body(refused)
    # the code was not spent by the wrong password
    assert rest_login(site, "handler", code(secret, otp_time.now())).status_code == 200


def test_a_code_is_never_accepted_twice(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    used = code(secret, otp_time.now())
    assert rest_login(site, "handler", used).status_code == 200
    assert rest_login(site, "handler", used).status_code == 401
    # nor an older one still inside the window
    assert rest_login(site, "handler", code(secret, otp_time.now() - 30)).status_code == 401
    # the next time step's code works
    assert rest_login(site, "handler", code(secret, otp_time.move(30))).status_code == 200


def test_codes_outside_the_window_are_refused(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    assert rest_login(site, "handler", code(secret, otp_time.now() + 90)).status_code == 401
    assert rest_login(site, "handler", code(secret, otp_time.now() + 30)).status_code == 200


def test_a_recovery_code_works_once(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    _secret, recovery = enrol("handler")
    assert rest_login(site, "handler", recovery[0].lower()).status_code == 200
    assert rest_login(site, "handler", recovery[0]).status_code == 401
    transaction.begin()
    assert two_factor.recovery_left("handler") == 9
    session, response = classic_login(site, "handler")
    second_step(site, session, recovery[1], form_values(response.text)["token"])
    assert "__ac" in session.cookies


def test_basic_auth_is_refused_for_enrolled_users(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    url = f"{site}/@users/handler"
    assert requests.get(url, headers=JSON, auth=("handler", TEST_PASSWORD), timeout=60).ok
    enrol("handler")
    refused = requests.get(url, headers=JSON, auth=("handler", TEST_PASSWORD), timeout=60)
    assert refused.status_code == 401
    # a password in a JSON body or a form field of any request neither
    as_json = requests.patch(
        f"{site}/@users/handler",
        json={"login": "handler", "password": TEST_PASSWORD, "fullname": "Mallory"},
        headers=JSON,
        timeout=60,
    )
    assert as_json.status_code == 401
    form = requests.post(
        f"{site}/@@review-queue",
        data={"__ac_name": "handler", "__ac_password": TEST_PASSWORD},
        timeout=60,
        allow_redirects=False,
    )
    assert form.status_code != 200
    assert "__ac" not in form.cookies
    transaction.begin()
    # a right password is not a failure: the account is not locked by it
    assert not lockout.ACCOUNTS.count("handler")


def test_a_password_in_the_old_cookie_format_is_refused(functional_portal, otp_time):
    """PAS's cookie plugin still reads ``__ac`` as hex login and password."""
    site = functional_portal.absolute_url()
    legacy = base64.b64encode(
        b"%s:%s" % (binascii.hexlify(b"handler"), binascii.hexlify(TEST_PASSWORD.encode()))
    ).decode()
    url = f"{site}/@users/handler"
    assert requests.get(url, headers=JSON, cookies={"__ac": legacy}, timeout=60).ok
    enrol("handler")
    refused = requests.get(url, headers=JSON, cookies={"__ac": legacy}, timeout=60)
    assert refused.status_code == 401


def test_wrong_codes_on_the_second_step_lock_the_account(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    session, response = classic_login(site, "handler")
    token = form_values(response.text)["token"]
    for n in range(5):
        second_step(site, session, f"00000{n}", token)
    locked = second_step(site, session, code(secret, otp_time.now()), token)
    assert "__ac" not in session.cookies
    assert "分钟" in body(locked) or "minutes" in body(locked)
    transaction.begin()
    assert len(entries(action="two_factor_failed")) == 5


def test_wrong_codes_lock_the_account(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    for n in range(5):
        assert rest_login(site, "handler", f"00000{n}").status_code == 401
    locked = rest_login(site, "handler", code(secret, otp_time.now()))
    assert locked.status_code == 429
    transaction.begin()
    assert len(entries(action="two_factor_failed")) == 5
    assert [e["comment"] for e in entries(action="login_locked")] == ["handler"]


def test_the_right_password_does_not_clear_the_count_of_wrong_codes(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    for _ in range(3):
        rest_login(site, "handler", "000000")
    rest_login(site, "handler")  # the password alone, right
    for _ in range(2):
        rest_login(site, "handler", "000000")
    assert rest_login(site, "handler", code(secret, otp_time.now())).status_code == 429


def test_changing_the_password_still_works_for_an_enrolled_user(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    token = rest_login(site, "handler", code(secret, otp_time.now())).json()["token"]
    changed = requests.post(
        f"{site}/@users/handler/reset-password",
        json={"old_password": TEST_PASSWORD, "new_password": "Another-Password-2026"},
        headers={**JSON, "Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert changed.status_code == 200, changed.text


# The user's page: new recovery codes, turning it off


def test_new_recovery_codes_and_turning_it_off(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, recovery = enrol("handler")
    session, response = classic_login(site, "handler")
    second_step(site, session, code(secret, otp_time.now()), form_values(response.text)["token"])
    page = session.get(f"{site}/@@two-factor", timeout=60)
    fields = form_values(page.text)
    fresh = session.post(
        f"{site}/@@two-factor",
        data={**fields, "action": "regenerate", "otp": code(secret, otp_time.move(30))},
        timeout=60,
    )
    new = re.findall(r"<code>([2-9A-Z]{5}-[2-9A-Z]{5})</code>", fresh.text)
    assert len(new) == 10
    assert not set(new) & set(recovery)
    wrong = session.post(
        f"{site}/@@two-factor",
        data={**fields, "action": "disable", "otp": recovery[0]},
        timeout=60,
    )
    assert wrong.status_code == 200
    transaction.begin()
    assert two_factor.enrolled("handler")
    session.post(
        f"{site}/@@two-factor",
        data={**fields, "action": "disable", "otp": new[0]},
        timeout=60,
    )
    transaction.begin()
    assert not two_factor.enrolled("handler")
    assert [e["comment"] for e in entries(action="two_factor_disabled")] == ["handler"]
    assert rest_login(site, "handler").status_code == 200


def test_the_page_refuses_a_post_without_the_csrf_token(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    secret, _recovery = enrol("handler")
    session, response = classic_login(site, "handler")
    second_step(site, session, code(secret, otp_time.now()), form_values(response.text)["token"])
    forged = session.post(
        f"{site}/@@two-factor",
        data={"action": "disable", "otp": code(secret, otp_time.move(30))},
        timeout=60,
    )
    assert forged.status_code == 403
    transaction.begin()
    assert two_factor.enrolled("handler")


# Required for administrators


@pytest.fixture
def required(functional_portal):
    transaction.begin()
    api.portal.set_registry_record("zhengwu.security.two_factor_required", True)
    transaction.commit()


def test_required_administrators_are_sent_to_enrol(functional_portal, otp_time, required):
    site = functional_portal.absolute_url()
    session, _response = classic_login(site, "siteadmin")
    home = session.get(f"{site}/zh-cn", timeout=60, allow_redirects=False)
    assert home.status_code == 302
    assert home.headers["Location"].endswith("/@@two-factor")
    rest = session.get(f"{site}/@users", headers=JSON, timeout=60)
    assert rest.status_code == 403
    assert "@@two-factor" in body(rest)
    page = session.get(f"{site}/@@two-factor", timeout=60)
    assert "zhengwu-two-factor-required" in body(page)
    assert 'id="zhengwu-two-factor-disable"' not in body(page)
    secret = re.search(r'id="zhengwu-two-factor-secret"[^>]*>([A-Z2-7 ]+)<', page.text)
    secret = secret.group(1).replace(" ", "")
    session.post(
        f"{site}/@@two-factor",
        data={**form_values(page.text), "action": "enrol", "otp": code(secret, otp_time.now())},
        timeout=60,
    )
    assert session.get(f"{site}/zh-cn", timeout=60, allow_redirects=False).status_code == 200
    # and it cannot be turned off
    fields = form_values(session.get(f"{site}/@@two-factor", timeout=60).text)
    session.post(
        f"{site}/@@two-factor",
        data={**fields, "action": "disable", "otp": code(secret, otp_time.move(30))},
        timeout=60,
    )
    transaction.begin()
    assert two_factor.enrolled("siteadmin")


def test_required_holds_for_roles_through_groups(functional_portal, otp_time, required):
    transaction.begin()
    api.group.add_user(groupname="Site Administrators", username="editor")
    transaction.commit()
    site = functional_portal.absolute_url()
    session, _response = classic_login(site, "editor")
    assert session.get(f"{site}/zh-cn", timeout=60, allow_redirects=False).status_code == 302
    # other users are not concerned
    session, _response = classic_login(site, "handler")
    assert session.get(f"{site}/zh-cn", timeout=60, allow_redirects=False).status_code == 200


def test_not_required_by_default(functional_portal):
    site = functional_portal.absolute_url()
    session, _response = classic_login(site, "siteadmin")
    assert session.get(f"{site}/zh-cn", timeout=60, allow_redirects=False).status_code == 200


# Reset by a Manager


def reset(session, site, userid, reason):
    page = session.get(f"{site}/@@two-factor-reset", timeout=60)
    return page, session.post(
        f"{site}/@@two-factor-reset",
        data={**form_values(page.text), "userid": userid, "reason": reason},
        timeout=60,
    )


def test_a_manager_resets_with_a_reason_audited(functional_portal, otp_time, request_factory):
    site = functional_portal.absolute_url()
    enrol("handler")
    manager = request_factory("Manager", json=False)
    page, without = reset(manager, site, "handler", "  ")
    assert page.status_code == 200
    assert "handler" in body(page)
    assert without.status_code == 200
    transaction.begin()
    assert two_factor.enrolled("handler")
    _page, done = reset(manager, site, "handler", "手机丢失，恢复码遗失（工单 2026-118）")
    assert done.status_code == 200
    transaction.begin()
    assert not two_factor.enrolled("handler")
    [entry] = entries(action="two_factor_reset")
    assert entry["path"] == "user:handler"
    assert entry["comment"] == "手机丢失，恢复码遗失（工单 2026-118）"
    assert entry["actor"] == "admin"
    assert rest_login(site, "handler").status_code == 200


def test_a_site_administrator_cannot_reset(functional_portal, otp_time):
    site = functional_portal.absolute_url()
    enrol("handler")
    session, _response = classic_login(site, "siteadmin")
    page = session.get(f"{site}/@@two-factor-reset", timeout=60, allow_redirects=False)
    assert page.status_code in (302, 401, 403)
    post = session.post(
        f"{site}/@@two-factor-reset",
        data={"userid": "handler", "reason": "x"},
        timeout=60,
        allow_redirects=False,
    )
    assert post.status_code in (302, 401, 403)
    transaction.begin()
    assert two_factor.enrolled("handler")
    assert not entries(action="two_factor_reset")


def test_a_deleted_user_s_second_factor_goes(functional_portal, otp_time):
    enrol("member")
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username="member")
    transaction.commit()
    assert not two_factor.enrolled("member")


# Secrets never shown


def test_secrets_are_never_in_users_or_member_pages(functional_portal, otp_time, request_factory):
    site = functional_portal.absolute_url()
    secret, recovery = enrol("handler")
    transaction.begin()
    hashes = list(two_factor.record("handler")["recovery"])
    token = rest_login(site, "handler", code(secret, otp_time.now())).json()["token"]
    own = {**JSON, "Authorization": f"Bearer {token}"}
    answers = [
        requests.get(f"{site}/@users/handler", headers=own, timeout=60),
        request_factory("Manager").get("/@users/handler"),
        request_factory("Manager").get("/@users"),
        request_factory("Manager", json=False).get("/@@user-information?userid=handler"),
        request_factory("Manager", json=False).get("/@@personal-information"),
    ]
    for answer in answers:
        assert answer.status_code == 200, answer.url
        text = body(answer)
        assert secret not in text
        assert not any(h.split("$")[-1] in text for h in hashes)
        assert not any(c in text for c in recovery)
        assert "two_factor" not in text


# The profile and its upgrade


def test_upgrade_to_1007_adds_the_setting_and_the_menu_link(portal):
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    registry = getUtility(IRegistry)
    del registry.records["zhengwu.security.two_factor_required"]
    portal.portal_actions.user.manage_delObjects(["two-factor"])
    portal.portal_controlpanel.unregisterConfiglet("zhengwu-two-factor-reset")
    setup = portal.portal_setup
    setup.setLastVersionForProfile("zhengwu:default", "1006")
    setup.upgradeProfile("zhengwu:default")
    assert setup.getLastVersionForProfile("zhengwu:default") == ("1007",)
    assert registry["zhengwu.security.two_factor_required"] is False
    action = portal.portal_actions.user["two-factor"]
    assert action.url_expr.endswith("/@@two-factor")
    configlets = {a.getId(): a for a in portal.portal_controlpanel.listActions()}
    assert configlets["zhengwu-two-factor-reset"].permissions == ("Manage portal",)


def test_uninstall_removes_the_link_the_configlet_and_the_setting(portal):
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    portal.portal_setup.runAllImportStepsFromProfile("profile-zhengwu:uninstall")
    assert "two-factor" not in portal.portal_actions.user.objectIds()
    configlets = [a.getId() for a in portal.portal_controlpanel.listActions()]
    assert "zhengwu-two-factor-reset" not in configlets
    assert "zhengwu.security.two_factor_required" not in getUtility(IRegistry).records


def test_the_rest_reset(functional_portal, otp_time, request_factory):
    enrol("handler")
    manager = request_factory("Manager")
    without = manager.post("/@two-factor-reset", json={"userid": "handler", "reason": " "})
    assert without.status_code == 400
    assert without.json()["error"]["field"] == "reason"
    nobody = manager.post("/@two-factor-reset", json={"userid": "nobody", "reason": "lost"})
    assert nobody.status_code == 400
    assert nobody.json()["error"]["field"] == "userid"
    refused = request_factory("siteadmin").post(
        "/@two-factor-reset", json={"userid": "handler", "reason": "lost"}
    )
    assert refused.status_code in (401, 403)
    transaction.begin()
    assert two_factor.enrolled("handler")
    done = manager.post("/@two-factor-reset", json={"userid": "handler", "reason": "手机丢失"})
    assert done.status_code == 204
    transaction.begin()
    assert not two_factor.enrolled("handler")
    assert [e["comment"] for e in entries(action="two_factor_reset")] == ["手机丢失"]
