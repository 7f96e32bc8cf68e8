"""Control panel for the review settings (Managers only)."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from zhengwu import _
from zhengwu.review.settings import IReviewSettings


class ReviewSettingsEditForm(RegistryEditForm):
    schema = IReviewSettings
    schema_prefix = "zhengwu.review"
    label = _("Review settings")


ReviewSettingsControlPanel = layout.wrap_form(ReviewSettingsEditForm, ControlPanelFormWrapper)
