"""Control panel of service guides: extra themes and the review period."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from plone.z3cform import layout
from zhengwu import _
from zhengwu.guides.settings import IGuideSettings
from zope.component import adapter
from zope.interface import Interface


class GuideSettingsEditForm(RegistryEditForm):
    schema = IGuideSettings
    schema_prefix = "zhengwu.guides"
    label = _("Service guides")
    description = _(
        "The national life and business events ship with the site; add your own "
        "and say how often each guide must be checked."
    )


GuideSettingsControlPanel = layout.wrap_form(GuideSettingsEditForm, ControlPanelFormWrapper)


@adapter(Interface, IControlpanelLayer)
class GuideSettingsConfigletPanel(RegistryConfigletPanel):
    """The same settings at @controlpanels/zhengwu-guides."""

    schema = IGuideSettings
    schema_prefix = "zhengwu.guides"
    configlet_id = "zhengwu-guides"
    configlet_category_id = "plone-general"
    title = _("Service guides")
    group = "General"
