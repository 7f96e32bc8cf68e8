"""Control panel where administrators enter next year's official schedule."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from plone.z3cform import layout
from zhengwu import _
from zhengwu.workdays.settings import IWorkdaySettings
from zope.component import adapter
from zope.interface import Interface


class WorkdaySettingsEditForm(RegistryEditForm):
    schema = IWorkdaySettings
    schema_prefix = "zhengwu.workdays"
    label = _("Working-day calendar")
    description = _(
        "Enter each year's official holidays and working weekends as soon as "
        "the State Council publishes them; until then deadlines in that year "
        "are computed from weekends and statutory holidays and marked provisional."
    )


WorkdaySettingsControlPanel = layout.wrap_form(WorkdaySettingsEditForm, ControlPanelFormWrapper)


@adapter(Interface, IControlpanelLayer)
class WorkdaySettingsConfigletPanel(RegistryConfigletPanel):
    """The same settings at @controlpanels/zhengwu-workdays."""

    schema = IWorkdaySettings
    schema_prefix = "zhengwu.workdays"
    configlet_id = "zhengwu-workdays"
    configlet_category_id = "plone-general"
    title = _("Working-day calendar")
    group = "General"
