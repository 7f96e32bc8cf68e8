"""Status messages say 提示： and not "Info:".

plone.app.layout's status message viewlet puts its type's message
(``statusmessage_mtype_info``, "Info:") both in the text, where the page
template translates it, and in the icon's title, where the icon resolver
writes the bare message id. Here both get the translated text; the
translations are in the product's ``plone.po``.
"""

from plone.app.layout.viewlets.globalstatusmessage import GlobalStatusMessage
from zope.i18n import translate


class TranslatedStatusMessage(GlobalStatusMessage):
    def display_info_for_mtype(self, mtype):
        info = dict(super().display_info_for_mtype(mtype))
        info["msg"] = translate(info["msg"], context=self.request)
        return info
