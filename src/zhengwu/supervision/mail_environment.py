"""The mail settings of the environment (SMTP_HOST, SMTP_PORT, SMTP_USER,
SMTP_PASSWORD, MAIL_FROM) read and checked without loading Zope, so that
``zhengwu start`` refuses a bad one at once, before the slow steps."""

import os
import re


ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


class MailSettingsError(ValueError):
    """A bad mail setting in the environment; the message is one sentence."""


def read(environ=None):
    """{Plone registry record: value} for the variables that are set."""
    environ = os.environ if environ is None else environ
    values = {}
    host = (environ.get("SMTP_HOST") or "").strip()
    if host:
        values["plone.smtp_host"] = host
    port = (environ.get("SMTP_PORT") or "").strip()
    if port:
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise MailSettingsError(f"SMTP_PORT={port!r} is not a port number (1–65535).")
        values["plone.smtp_port"] = int(port)
    # An empty user or password clears the login (a server without one).
    for variable, record in (
        ("SMTP_USER", "plone.smtp_userid"),
        ("SMTP_PASSWORD", "plone.smtp_pass"),
    ):
        if environ.get(variable) is not None and (host or environ.get(variable)):
            values[record] = environ.get(variable) or None
    sender = (environ.get("MAIL_FROM") or "").strip()
    if sender:
        if not ADDRESS.match(sender):
            raise MailSettingsError(f"MAIL_FROM={sender!r} is not an e-mail address.")
        values["plone.email_from_address"] = sender
    return values
