"""Control panel of the password rules and session limits (Managers only;
站点设置 → 密码与会话): the records of ``login_settings.ILoginSettings``."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from zhengwu import _
from zhengwu.security.login_settings import ILoginSettings


class LoginSettingsEditForm(RegistryEditForm):
    schema = ILoginSettings
    schema_prefix = "zhengwu.security"
    label = _("Passwords and sessions")


LoginSettingsControlPanel = layout.wrap_form(LoginSettingsEditForm, ControlPanelFormWrapper)
