"""The password rules on every channel a person sets a password through
(issue 17): the classic forms (``@@change-password``, ``@@new-user`` by an
administrator, the reset form ``passwordreset/<key>``) show the rule as a
form error; plone.restapi (``POST @users``, ``PATCH @users/<id>``,
``POST @users/<login>/reset-password``) answers 400 naming the field;
nothing is changed. Expiry holds the user to the change form / a 403."""

from datetime import timedelta
from plone import api
from tests.helpers import body
from tests.helpers import classic_login
from zhengwu import _
from zhengwu import clock
from zhengwu.security import password_history
from zhengwu.security.password_expiry import MESSAGE as EXPIRED
from zhengwu.testing import TEST_PASSWORD
from zope.i18n import translate
import json
import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json"}
GOOD = "Kx7-river-lamp"
SHORT = _("The password must have at least ${length} characters.", mapping={"length": 10})
CLASSES = _(
    "The password must contain at least ${classes} of these: lower-case letters, capital "
    "letters, digits, other characters.",
    mapping={"classes": 3},
)
NAME = _("The password must not contain the user name.")
COMMON = _("This password is too common: choose one that is harder to guess.")
HISTORY = _(
    "The password must differ from the last ${history} passwords of this account.",
    mapping={"history": 5},
)
# One bad password per rule, for the user ``member``
BAD = [
    ("Kx7-lamp", SHORT),
    ("riverlampstone", CLASSES),
    ("Member-of-2026", NAME),
    ("P@ssw0rd123", COMMON),
]


def said(message, text):
    """``message`` is in ``text``, in English or in Chinese."""
    if not isinstance(text, str):
        text = json.dumps(text, ensure_ascii=False)
    return any(translate(message, target_language=lang) in text for lang in ("en", "zh_CN"))


def can_log_in(site, login, password):
    response = requests.post(
        f"{site}/@login", json={"login": login, "password": password}, headers=JSON, timeout=60
    )
    return response.status_code == 200


def authenticator(session, url):
    page = session.get(url, timeout=60)
    assert page.status_code == 200, page.status_code
    return re.search(r'name="_authenticator"\s+value="([^"]+)"', page.text).group(1)


def change_password(site, session, new, current=TEST_PASSWORD):
    url = f"{site}/@@change-password"
    return session.post(
        url,
        data={
            "form.widgets.current_password": current,
            "form.widgets.new_password": new,
            "form.widgets.new_password_ctl": new,
            "form.buttons.reset_passwd": "Change Password",
            "_authenticator": authenticator(session, url),
        },
        timeout=60,
    )


# The classic forms


@pytest.mark.parametrize(("password", "rule"), BAD, ids=[b[0] for b in BAD])
def test_change_password_form_shows_each_rule(functional_portal, password, rule):
    site = functional_portal.absolute_url()
    session, _response = classic_login(site, "member")
    answer = change_password(site, session, password)
    assert said(rule, body(answer)), body(answer)[:2000]
    assert not can_log_in(site, "member", password)
    assert can_log_in(site, "member", TEST_PASSWORD)


def test_change_password_form_takes_a_good_password(functional_portal):
    site = functional_portal.absolute_url()
    session, _response = classic_login(site, "member")
    change_password(site, session, GOOD)
    assert can_log_in(site, "member", GOOD)


def test_change_password_form_refuses_the_last_five(functional_portal):
    site = functional_portal.absolute_url()
    used = [f"{GOOD}-{n}" for n in range(5)]
    for password in used:
        functional_portal.acl_users.userSetPassword("member", password)
    transaction.commit()
    session, _response = classic_login(site, "member", used[-1])
    answer = change_password(site, session, used[0], current=used[-1])
    assert said(HISTORY, body(answer))
    # TEST_PASSWORD, set before these five, is allowed again
    change_password(site, session, TEST_PASSWORD, current=used[-1])
    assert can_log_in(site, "member", TEST_PASSWORD)


def new_user(site, session, username, password):
    url = f"{site}/@@new-user"
    return session.post(
        url,
        data={
            "form.widgets.fullname": "新 用户",
            "form.widgets.email": f"{username}@example.gov.cn",
            "form.widgets.username": username,
            "form.widgets.password": password,
            "form.widgets.password_ctl": password,
            "form.buttons.register": "Register",
            "_authenticator": authenticator(session, url),
        },
        timeout=60,
    )


@pytest.mark.parametrize(
    ("password", "rule"),
    [("Kx7-lamp", SHORT), ("Zhangwei-2026", NAME), ("Admin@123456", COMMON)],
    ids=["short", "name", "common"],
)
def test_an_administrator_adding_a_user_gets_the_rules(functional_portal, password, rule):
    site = functional_portal.absolute_url()
    session, _response = classic_login(site, "siteadmin")
    answer = new_user(site, session, "zhangwei", password)
    assert said(rule, body(answer)), body(answer)[:2000]
    transaction.begin()
    assert api.user.get(username="zhangwei") is None
    new_user(site, session, "zhangwei", GOOD)
    transaction.begin()
    assert api.user.get(username="zhangwei") is not None


def reset_key(portal, userid):
    key = api.portal.get_tool("portal_password_reset").requestReset(userid)["randomstring"]
    transaction.commit()
    return key


def test_the_password_reset_form_gets_the_rules(functional_portal):
    site = functional_portal.absolute_url()
    key = reset_key(functional_portal, "member")
    form = {"userid": "member", "form.submitted": "1"}
    for password, rule in [*BAD, (TEST_PASSWORD, HISTORY)]:
        answer = requests.post(
            f"{site}/passwordreset/{key}",
            data={**form, "password": password, "password2": password},
            timeout=60,
        )
        assert said(rule, body(answer)), (password, body(answer)[:2000])
    requests.post(
        f"{site}/passwordreset/{key}",
        data={**form, "password": GOOD, "password2": GOOD},
        timeout=60,
    )
    assert can_log_in(site, "member", GOOD)


# REST


def rest(method, site, path, data, user=None, password=TEST_PASSWORD, token=None):
    headers = dict(JSON)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.request(
        method,
        f"{site}/{path}",
        json=data,
        headers=headers,
        auth=(user, password) if user else None,
        timeout=60,
    )


def refused(response, rule, field="password"):
    assert response.status_code == 400, response.text[:500]
    error = response.json()["error"]
    assert error["field"] == field
    assert said(rule, error["message"]), error
    return True


@pytest.mark.parametrize(("password", "rule"), BAD, ids=[b[0] for b in BAD])
def test_rest_patch_of_one_s_own_password(functional_portal, password, rule):
    site = functional_portal.absolute_url()
    answer = rest("PATCH", site, "@users/member", {"password": password}, "member")
    assert refused(answer, rule)
    assert can_log_in(site, "member", TEST_PASSWORD)


def test_rest_patch_by_an_administrator_and_the_history(functional_portal):
    site = functional_portal.absolute_url()
    answer = rest("PATCH", site, "@users/member", {"password": "P@ssw0rd123"}, "siteadmin")
    assert refused(answer, COMMON)
    answer = rest("PATCH", site, "@users/member", {"password": TEST_PASSWORD}, "siteadmin")
    assert refused(answer, HISTORY)
    answer = rest("PATCH", site, "@users/member", {"password": GOOD}, "siteadmin")
    assert answer.status_code == 204
    assert can_log_in(site, "member", GOOD)


def test_rest_patch_with_other_fields_stores_nothing(functional_portal):
    site = functional_portal.absolute_url()
    data = {"fullname": "改过的名字", "password": "short"}
    assert rest("PATCH", site, "@users/member", data, "siteadmin").status_code == 400
    transaction.begin()
    assert api.user.get(username="member").getProperty("fullname") != "改过的名字"


def test_rest_patch_tells_no_stranger_about_the_history(functional_portal):
    site = functional_portal.absolute_url()
    answer = rest("PATCH", site, "@users/member", {"password": TEST_PASSWORD}, "author")
    assert answer.status_code == 403


@pytest.mark.parametrize(
    ("password", "rule"),
    [("Kx7-lamp", SHORT), ("Newbie-2026x", NAME), ("P@ssw0rd123", COMMON)],
    ids=["short", "name", "common"],
)
def test_rest_post_users(functional_portal, password, rule):
    site = functional_portal.absolute_url()
    data = {"username": "newbie", "email": "newbie@example.gov.cn", "password": password}
    assert refused(rest("POST", site, "@users", data, "siteadmin"), rule)
    transaction.begin()
    assert api.user.get(username="newbie") is None
    data["password"] = GOOD
    assert rest("POST", site, "@users", data, "siteadmin").status_code == 201


def test_rest_reset_with_the_old_password(functional_portal):
    site = functional_portal.absolute_url()
    path = "@users/member/reset-password"
    data = {"old_password": TEST_PASSWORD, "new_password": "riverlampstone"}
    assert refused(rest("POST", site, path, data, "member"), CLASSES, "new_password")
    data["new_password"] = TEST_PASSWORD
    assert refused(rest("POST", site, path, data, "member"), HISTORY, "new_password")
    data["new_password"] = GOOD
    assert rest("POST", site, path, data, "member").status_code in (200, 204)
    assert can_log_in(site, "member", GOOD)


def test_rest_reset_with_a_token(functional_portal):
    site = functional_portal.absolute_url()
    key = reset_key(functional_portal, "member")
    path = "@users/member/reset-password"
    data = {"reset_token": key, "new_password": TEST_PASSWORD}
    assert refused(rest("POST", site, path, data), HISTORY, "new_password")
    # without a valid token, nothing is said about the history
    wrong = {"reset_token": "x" * 20, "new_password": TEST_PASSWORD}
    assert rest("POST", site, path, wrong).status_code == 403
    data["new_password"] = GOOD
    assert rest("POST", site, path, data).status_code in (200, 204)
    assert can_log_in(site, "member", GOOD)


# Expiry


@pytest.fixture
def expired(functional_portal, set_clock):
    """Passwords last 90 days; 91 days have passed since ``member``'s."""
    api.portal.set_registry_record("zhengwu.security.password_max_age_days", 90)
    transaction.commit()
    set_clock(clock.now() + timedelta(days=91))
    return functional_portal.absolute_url()


def test_an_expired_password_sends_the_browser_to_the_change_form(expired):
    site = expired
    session, response = classic_login(site, "member")
    assert "__ac" in session.cookies
    page = session.get(f"{site}/zh-cn", timeout=60)
    assert page.url.endswith("/@@change-password"), page.url
    assert said(EXPIRED, body(page))
    # nothing else works: any other page sends there too
    other = session.get(f"{site}/@@personal-information", timeout=60)
    assert other.url.endswith("/@@change-password")
    change_password(site, session, GOOD)
    page = session.get(f"{site}/zh-cn", timeout=60)
    assert page.status_code == 200 and not page.url.endswith("change-password")


def test_a_password_within_its_days_is_not_held(functional_portal, set_clock):
    api.portal.set_registry_record("zhengwu.security.password_max_age_days", 90)
    transaction.commit()
    set_clock(clock.now() + timedelta(days=89))
    site = functional_portal.absolute_url()
    session, _response = classic_login(site, "member")
    page = session.get(f"{site}/zh-cn", timeout=60)
    assert not page.url.endswith("change-password")


def test_rest_login_flags_an_expired_password_and_holds_the_token(expired):
    site = expired
    answer = rest("POST", site, "@login", {"login": "member", "password": TEST_PASSWORD})
    assert answer.status_code == 200
    assert answer.json()["password_expired"] is True
    token = answer.json()["token"]
    held = rest("GET", site, "zh-cn", None, token=token)
    assert held.status_code == 403, held.text[:3000]
    assert held.json()["type"] == "PasswordExpired"
    assert said(EXPIRED, held.json()["message"])
    # the account itself may be read and its password changed
    assert rest("GET", site, "@users/member", None, token=token).status_code == 200
    data = {"old_password": TEST_PASSWORD, "new_password": GOOD}
    changed = rest("POST", site, "@users/member/reset-password", data, token=token)
    assert changed.status_code in (200, 204), changed.text[:500]
    assert rest("GET", site, "zh-cn", None, token=token).status_code == 200
    again = rest("POST", site, "@login", {"login": "member", "password": GOOD})
    assert again.json()["password_expired"] is False


def test_accounts_without_a_record_count_from_the_upgrade(functional_portal, set_clock):
    """A password set before the records began is as old as the records
    (the install or upgrade), not of unknown age."""
    del functional_portal.__annotations__[password_history.KEY]["member"]
    api.portal.set_registry_record("zhengwu.security.password_max_age_days", 90)
    transaction.commit()
    set_clock(clock.now() + timedelta(days=91))
    answer = rest(
        "POST",
        functional_portal.absolute_url(),
        "@login",
        {"login": "member", "password": TEST_PASSWORD},
    )
    assert answer.json()["password_expired"] is True
