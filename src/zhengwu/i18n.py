"""The package's one way to turn a message into text outside page
templates (JSON, letters, errors raised to the workflow tool, form errors).
Messages are made with ``zhengwu._``; page templates translate their own.

Kept out of ``zhengwu/__init__.py``: the command line imports the package
before Zope, and zope.i18n would add a quarter of a second to every start."""

from zope.globalrequest import getRequest
from zope.i18n import translate


def translated(message, request=None, domain=None):
    """``message`` as text in the language of ``request`` (by default the
    request being published). Messages made with ``_`` carry their domain;
    plain strings such as workflow titles name it (``domain="plone"``).
    No message gives ``""``."""
    if not message:
        return ""
    return translate(message, domain=domain, context=getRequest() if request is None else request)
