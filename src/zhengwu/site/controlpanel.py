"""Control panel for the site identity, in the classic UI and over REST."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from plone.z3cform import layout
from zhengwu import _
from zhengwu.site.identity import ISiteIdentity
from zhengwu.site.identity import REGISTRY_PREFIX
from zope.component import adapter
from zope.interface import Interface


class SiteIdentityEditForm(RegistryEditForm):
    schema = ISiteIdentity
    schema_prefix = REGISTRY_PREFIX
    label = _("Site identity")
    description = _(
        "The identification every page of a government website shows in its "
        "footer: sponsoring organ, site code, ICP and public security records."
    )


SiteIdentityControlPanel = layout.wrap_form(SiteIdentityEditForm, ControlPanelFormWrapper)


@adapter(Interface, IControlpanelLayer)
class SiteIdentityConfigletPanel(RegistryConfigletPanel):
    schema = ISiteIdentity
    schema_prefix = REGISTRY_PREFIX
    configlet_id = "zhengwu-site-identity"
    configlet_category_id = "plone-general"
    title = _("Site identity")
    group = "General"
