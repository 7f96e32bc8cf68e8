"""The 可访问性声明 and 联系我们 pages, in place of Plone's.

Plone's ``accessibility-info`` states Plone's own conformance in English
(its Chinese translation leaves ``${xhtml}`` placeholders); a government
site states its own, against the Chinese rules: GB/T 37668-2019, WCAG 2.1
AA and the 工信部 《互联网网站适老化通用设计规范》. Plone's ``contact-info``
is only a mail form, and says "这个站点没有设置有效的 Email 地址" when no
mail server is set: ours gives the organ's contact details from site
identity first, and the form only when mail can be sent.
"""

from plone import api
from Products.CMFPlone.browser.contact_info import ContactForm
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zhengwu.site.identity import get_identity


def contact_details():
    """The organ's contact details, as ``[(label msgid, value, link)]``."""
    identity = get_identity()
    rows = [
        ("Sponsoring organ", identity["sponsor"], None),
        ("Operating organ", identity["organizer"], None),
        ("Contact address", identity["contact_address"], None),
        ("Contact phone", identity["contact_phone"], f"tel:{identity['contact_phone']}"),
        ("Contact email", identity["contact_email"], f"mailto:{identity['contact_email']}"),
    ]
    return [row for row in rows if row[1]]


class AccessibilityStatement(BrowserView):
    """``@@accessibility-info`` for the Zhengwu layer."""

    index = ViewPageTemplateFile("templates/accessibility.pt")

    def contact(self):
        return contact_details()

    def error_report_url(self):
        """The 我为政府网站找错 address, when the site identity has one."""
        return api.portal.get_registry_record("zhengwu.identity.error_report_url", default=None)

    def __call__(self):
        return self.index()


class ContactPage(ContactForm):
    """``@@contact-info`` for the Zhengwu layer: the details, then the form
    when a mail server is configured (Plone's own form and mail)."""

    template = ViewPageTemplateFile("templates/contact.pt")

    def contact(self):
        return contact_details()

    def mailhost_is_configured(self):
        if not super().mailhost_is_configured():
            return False
        mailhost = api.portal.get_tool("MailHost")
        return bool(getattr(mailhost, "smtp_host", None))
