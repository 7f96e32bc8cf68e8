"""Control panel of public submissions: the per-client limits and sizes."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from plone.z3cform import layout
from zhengwu import _
from zhengwu.submissions.settings import ISubmissionSettings
from zope.component import adapter
from zope.interface import Interface


class SubmissionSettingsEditForm(RegistryEditForm):
    schema = ISubmissionSettings
    schema_prefix = "zhengwu.submissions"
    label = _("Public submissions")
    description = _(
        "Limits of the public forms (messages, disclosure requests): how much one "
        "client may send or try, and how long and large a submission may be."
    )


SubmissionSettingsControlPanel = layout.wrap_form(
    SubmissionSettingsEditForm, ControlPanelFormWrapper
)


@adapter(Interface, IControlpanelLayer)
class SubmissionSettingsConfigletPanel(RegistryConfigletPanel):
    """The same settings at @controlpanels/zhengwu-submissions."""

    schema = ISubmissionSettings
    schema_prefix = "zhengwu.submissions"
    configlet_id = "zhengwu-submissions"
    configlet_category_id = "plone-security"
    title = _("Public submissions")
    group = "Security"
