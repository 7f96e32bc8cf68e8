"""Scheduled work on the site from the command line: ``zhengwu check-links``
and ``zhengwu supervise`` (cron or a systemd timer, docs/supervision.md).

Each opens the instance's database as ``zhengwu create-site`` does, finds
the site, runs as a system user, commits, and closes the database. With
FileStorage the database can be open in one process only: run them while
the server is stopped, or on RelStorage (``ZHENGWU_DSN``) where any number
of processes share it.
"""

from contextlib import contextmanager
from zhengwu.instance.config import ConfigurationError


def seconds(option, value, minimum=0.1):
    """``value`` of ``option`` as a number of seconds, or one sentence."""
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is None or number != number or number < minimum:
        raise ConfigurationError(
            f"{option} must be a number of seconds of at least {minimum:g}, not {value!r}."
        )
    return number


@contextmanager
def open_site(instance, site_id, open_app):
    """The site ``site_id`` of the instance, as a system user; committed on success."""
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import noSecurityManager
    from AccessControl.SpecialUsers import system
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import clearRequest
    from zope.globalrequest import setRequest
    import transaction

    app = open_app(instance)
    try:
        if site_id not in app.objectIds():
            raise ConfigurationError(
                f"There is no site /{site_id} in this database: create it with "
                "`zhengwu create-site` or name another with --site."
            )
        app = makerequest(app)
        app.REQUEST["PARENTS"] = [app]
        setRequest(app.REQUEST)
        newSecurityManager(None, system)
        portal = app[site_id]
        setSite(portal)
        yield portal
        transaction.commit()
    except BaseException:
        transaction.abort()
        raise
    finally:
        setSite(None)
        noSecurityManager()
        clearRequest()
        app._p_jar.close()
        app._p_jar.db().close()


def check_links(instance, site_id, open_app, say, budget=None, timeout=None):
    from zhengwu.supervision.links import check_links as run

    with open_site(instance, site_id, open_app) as portal:
        data = run(portal, budget=budget, timeout=timeout, log=say)
    return data


def supervise(instance, site_id, open_app, say, weekly=None):
    from zhengwu.supervision import notify

    folder = instance.var / "mail"
    with open_site(instance, site_id, open_app) as portal:
        try:
            from zhengwu.supervision import indicators  # noqa: F401
        except ImportError:
            raise ConfigurationError(
                "This version has no indicators to check (zhengwu.supervision.indicators)."
            ) from None
        result = notify.supervise(portal, folder=folder, weekly=weekly, log=say)
    return result


def configure_mail(portal, say):
    """``zhengwu start``: the mail settings from the environment (SMTP_*, MAIL_FROM)."""
    from zhengwu.supervision.mail import configure_from_environment
    from zhengwu.supervision.mail import mail_configured
    from zhengwu.supervision.mail import MailSettingsError

    try:
        values = configure_from_environment(portal)
    except MailSettingsError as error:
        raise ConfigurationError(str(error)) from None
    if values.get("plone.smtp_host"):
        say(f"Mail: sent through {values['plone.smtp_host']}.")
    elif not mail_configured(portal):
        say("Mail: no SMTP_HOST; messages are written to instance/var/mail/.")
