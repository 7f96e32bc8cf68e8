"""Control panel of the disclosure catalog: extending the subject taxonomy."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from plone.z3cform import layout
from zhengwu import _
from zhengwu.disclosure.settings import IDisclosureSettings
from zope.component import adapter
from zope.interface import Interface


class DisclosureSettingsEditForm(RegistryEditForm):
    schema = IDisclosureSettings
    schema_prefix = "zhengwu.disclosure"
    label = _("Disclosure catalog")
    description = _(
        "The State Council subject classification ships with the site; add "
        "the categories your government uses besides it."
    )


DisclosureSettingsControlPanel = layout.wrap_form(
    DisclosureSettingsEditForm, ControlPanelFormWrapper
)


@adapter(Interface, IControlpanelLayer)
class DisclosureSettingsConfigletPanel(RegistryConfigletPanel):
    """The same settings at @controlpanels/zhengwu-disclosure."""

    schema = IDisclosureSettings
    schema_prefix = "zhengwu.disclosure"
    configlet_id = "zhengwu-disclosure"
    configlet_category_id = "plone-general"
    title = _("Disclosure catalog")
    group = "General"
