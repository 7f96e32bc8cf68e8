"""Control panel of disclosure requests: the time to correct and the
answer letters' templates (classic form and ``@controlpanels``)."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from plone.z3cform import layout
from zhengwu import _
from zhengwu.requests.settings import IRequestSettings
from zope.component import adapter
from zope.interface import Interface


class RequestSettingsEditForm(RegistryEditForm):
    schema = IRequestSettings
    schema_prefix = "zhengwu.requests"
    label = _("Disclosure requests")
    description = _(
        "The applicant's time to correct a request, and the letters sent at each "
        "stage. Placeholders such as ${applicant} or ${reply} are filled in from the request."
    )


RequestSettingsControlPanel = layout.wrap_form(RequestSettingsEditForm, ControlPanelFormWrapper)


@adapter(Interface, IControlpanelLayer)
class RequestSettingsConfigletPanel(RegistryConfigletPanel):
    schema = IRequestSettings
    schema_prefix = "zhengwu.requests"
    configlet_id = "zhengwu-requests"
    configlet_category_id = "plone-general"
    title = _("Disclosure requests")
    group = "General"
