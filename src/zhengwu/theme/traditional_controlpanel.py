"""The control panel of the Traditional Chinese pages (简/繁): which
standard, Taiwan's or Hong Kong's, OpenCC converts to."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from zhengwu import _
from zhengwu.theme.variants import ITraditionalSettings
from zhengwu.theme.variants import REGISTRY_PREFIX


class TraditionalEditForm(RegistryEditForm):
    schema = ITraditionalSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Traditional Chinese pages")
    description = _(
        "Readers can switch every Chinese page to Traditional characters (繁體); "
        "the server converts the simplified pages with OpenCC, phrase by phrase."
    )


TraditionalControlPanel = layout.wrap_form(TraditionalEditForm, ControlPanelFormWrapper)
