"""``@@zhengwu-publishing-checks``: the word lists and switches of the
pre-publish checks (``zhengwu: Manage site supervision``)."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from zhengwu import _
from zhengwu.supervision.prepublish.check import PREFIX
from zhengwu.supervision.prepublish.settings import IPrepublishSettings


class PublishingChecksEditForm(RegistryEditForm):
    schema = IPrepublishSettings
    schema_prefix = PREFIX
    label = _("Checks before publishing")
    description = _(
        "What is checked on every item before it is submitted, approved and "
        "published: forbidden expressions, expressions to review, personal "
        "data, publication dates."
    )


PublishingChecksControlPanel = layout.wrap_form(PublishingChecksEditForm, ControlPanelFormWrapper)
