"""The site-identity control panel holds the logo (Plone's plone.site_logo
record) beside the identity, and refuses an error-reporting address that is
not http(s), with the form's message."""

from plone import api
from plone.formwidget.namedfile.converter import b64encode_file
from zhengwu.site.controlpanel import SiteIdentityEditForm
from zhengwu.theme.viewlets import site_logo_url
from zope.i18n import translate


def form(portal, **values):
    request = portal.REQUEST
    request.form.update({f"form.widgets.{k}": v for k, v in values.items()})
    if values:
        request.form["form.buttons.save"] = "Save"
    view = SiteIdentityEditForm(portal, request)
    view.update()
    return view


def test_the_form_shows_the_logo_field(portal):
    view = form(portal)
    assert "site_logo" in view.widgets
    assert "error_report_url" in view.widgets


def test_the_form_refuses_a_bad_address(portal):
    api.portal.set_registry_record("zhengwu.identity.error_report_url", "https://a.gov.cn/")
    view = form(portal, error_report_url="javascript:alert(1)")
    errors = {e.widget.__name__: e.message for e in view.widgets.errors}
    message = translate(errors["error_report_url"], target_language="zh_CN")
    assert message == "请输入以 http:// 或 https:// 开头的网址。"
    assert (
        api.portal.get_registry_record("zhengwu.identity.error_report_url") == "https://a.gov.cn/"
    )


def test_the_logo_is_plones_site_logo(portal):
    assert site_logo_url(portal).endswith("++plone++zhengwu.theme/logo-placeholder.svg")
    api.portal.set_registry_record("plone.site_logo", b64encode_file("emblem.png", b"\x89PNG"))
    assert site_logo_url(portal) == f"{portal.absolute_url()}/@@site-logo/emblem.png"
