"""Control panel for the site identity, in the classic UI and over REST."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.base.interfaces import ISiteSchema
from plone.formwidget.namedfile.widget import NamedImageFieldWidget
from plone.registry.interfaces import IRegistry
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from plone.z3cform import layout
from z3c.form import field
from zhengwu import _
from zhengwu.site.identity import ISiteIdentity
from zhengwu.site.identity import REGISTRY_PREFIX
from zope import schema
from zope.component import adapter
from zope.component import getUtility
from zope.interface import implementer
from zope.interface import Interface


class ISiteLogo(Interface):
    site_logo = schema.Bytes(
        title=_("Logo"),
        description=_(
            "The organ's logo at the left of the header (PNG or SVG, square, at "
            "least 112 pixels). Without it the site shows a neutral placeholder."
        ),
        required=False,
    )


@implementer(ISiteIdentity, ISiteLogo)
class LogoAndIdentity:
    """The form's content: the identity records, and the logo kept in
    Plone's own ``plone.site_logo`` record (which the header, the ``og:image``
    tag and ``@@site-logo`` read)."""

    def __init__(self, identity, site):
        self.__dict__["_identity"] = identity
        self.__dict__["_site"] = site

    def __getattr__(self, name):
        target = self._site if name == "site_logo" else self._identity
        return getattr(target, name)

    def __setattr__(self, name, value):
        target = self._site if name == "site_logo" else self._identity
        setattr(target, name, value)


class SiteIdentityEditForm(RegistryEditForm):
    schema = ISiteIdentity
    schema_prefix = REGISTRY_PREFIX
    label = _("Site identity")
    description = _(
        "The identification every page of a government website shows in its "
        "footer: sponsoring organ, site code, ICP and public security records."
    )

    def updateFields(self):
        super().updateFields()
        logo = field.Fields(ISiteLogo)
        logo["site_logo"].widgetFactory = NamedImageFieldWidget
        self.fields = logo + self.fields

    def getContent(self):
        registry = getUtility(IRegistry)
        return LogoAndIdentity(
            registry.forInterface(ISiteIdentity, prefix=REGISTRY_PREFIX, check=False),
            registry.forInterface(ISiteSchema, prefix="plone", check=False),
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
