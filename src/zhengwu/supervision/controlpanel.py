"""The site supervision control panel, in the classic UI and over REST."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from plone.z3cform import layout
from zhengwu import _
from zhengwu.supervision.settings import ISupervisionSettings
from zhengwu.supervision.settings import REGISTRY_PREFIX
from zope.component import adapter
from zope.interface import Interface


class SupervisionSettingsEditForm(RegistryEditForm):
    schema = ISupervisionSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Site supervision")
    description = _(
        "The lines of the inspection indicators the site-health page checks, "
        "and how early it warns."
    )


SupervisionSettingsControlPanel = layout.wrap_form(
    SupervisionSettingsEditForm, ControlPanelFormWrapper
)


@adapter(Interface, IControlpanelLayer)
class SupervisionConfigletPanel(RegistryConfigletPanel):
    schema = ISupervisionSettings
    schema_prefix = REGISTRY_PREFIX
    configlet_id = "zhengwu-supervision-settings"
    configlet_category_id = "plone-general"
    title = _("Site supervision")
    group = "General"
