"""Zhengwu (政务): a Plone 6.2 platform for Chinese government websites."""

from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "zhengwu"

_ = MessageFactory("zhengwu")


def translated(message, request=None, domain=None):
    """``message`` as text in the language of ``request`` (by default the
    request being published), for what leaves other than through a page
    template: JSON, letters, errors raised to the workflow tool. Messages
    made with ``_`` carry their domain; plain strings such as workflow
    titles name it (``domain="plone"``). No message gives ``""``."""
    if not message:
        return ""
    return translate(message, domain=domain, context=getRequest() if request is None else request)
