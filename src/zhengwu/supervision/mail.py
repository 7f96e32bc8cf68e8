"""Outgoing mail: Plone's MailHost configured from the environment, or
files when no mail server is known.

``zhengwu start`` (``make start``) calls ``configure_from_environment``:
``SMTP_HOST``, ``SMTP_PORT``, ``SMTP_USER``, ``SMTP_PASSWORD`` and
``MAIL_FROM`` become Plone's mail settings (registry ``plone.smtp_*`` and
``plone.email_from_address``, which Plone's own mailer reads; the mail
control panel shows and changes the same). Unset variables change nothing.

Without a server (``mail_configured`` false), each message is written to
``instance/var/mail/`` as one ``.eml`` file, so nothing is lost and an
administrator can read them; the dashboard says so.
"""

from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr
from email.utils import formatdate
from email.utils import make_msgid
from pathlib import Path
from plone import api
from zhengwu import clock
from zhengwu.supervision.mail_environment import MailSettingsError  # noqa: F401 (API)
from zhengwu.supervision.mail_environment import read as read_environment
import os
import re
import uuid


def mail_configured(portal=None):
    """Is there a mail server and a sender address? (Else mail goes to files.)"""
    host = api.portal.get_registry_record("plone.smtp_host", default="") or ""
    sender = api.portal.get_registry_record("plone.email_from_address", default="") or ""
    return bool(host.strip() and sender.strip())


def mail_folder():
    """Where mail is written without a server: ``$ZHENGWU_MAIL_DIR``, else
    ``var/mail`` of the instance (``$ZHENGWU_INSTANCE``, ``./instance``)."""
    if os.environ.get("ZHENGWU_MAIL_DIR"):
        return Path(os.environ["ZHENGWU_MAIL_DIR"])
    home = Path(os.environ.get("ZHENGWU_INSTANCE") or "instance").resolve()
    return home / "var" / "mail"


def settings_from_environment(environ=None):
    """{registry record: value} for the variables that are set."""
    values = read_environment(environ)
    sender = api.portal.get_registry_record("plone.email_from_address", default="")
    if values.get("plone.smtp_host") and not (values.get("plone.email_from_address") or sender):
        raise MailSettingsError(
            "SMTP_HOST is set but MAIL_FROM is not: set MAIL_FROM to the sender address."
        )
    return values


def configure_from_environment(portal, environ=None):
    """Apply the environment's mail settings to the site; return what was set."""
    values = settings_from_environment(environ)
    for name, value in values.items():
        api.portal.set_registry_record(name, value)
    mailhost = getattr(portal, "MailHost", None)
    if mailhost is not None:  # what code reading the MailHost itself sees
        for name, attribute in (
            ("plone.smtp_host", "smtp_host"),
            ("plone.smtp_port", "smtp_port"),
            ("plone.smtp_userid", "smtp_uid"),
            ("plone.smtp_pass", "smtp_pwd"),
        ):
            if name in values:
                setattr(mailhost, attribute, values[name] or "")
    return values


def sender():
    address = api.portal.get_registry_record("plone.email_from_address", default="") or ""
    name = api.portal.get_registry_record("plone.email_from_name", default="") or ""
    if not address:
        address = "noreply@localhost"
    return formataddr((name, address)) if name else address


def message(to, subject, text, html=None):
    msg = EmailMessage(policy=SMTP)  # CRLF line ends, as SMTP wants them
    msg["Subject"] = subject
    msg["From"] = sender()
    msg["To"] = to
    msg["Date"] = formatdate(clock.now().timestamp(), localtime=False)
    msg["Message-ID"] = make_msgid(domain="zhengwu")
    msg.set_content(text, charset="utf-8", cte="quoted-printable")
    if html:
        msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    return msg


def send(portal, to, subject, text, html=None, folder=None):
    """Send one message now; return ``"smtp"`` or the path of the file written."""
    msg = message(to, subject, text, html)
    if mail_configured(portal):
        api.portal.get_tool("MailHost").send(msg, immediate=True, charset="utf-8")
        return "smtp"
    folder = Path(folder) if folder is not None else mail_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", to)[:60]
    path = folder / f"{stamp}-{safe}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(msg.as_bytes(policy=msg.policy.clone(linesep="\n")))
    return str(path)
