"""Scheduled work on the site from the command line: ``zhengwu check-links``,
``zhengwu supervise`` (cron or a systemd timer, docs/supervision.md) and
``zhengwu audit-export`` (docs/security.md).

Each opens the instance's database as ``zhengwu create-site`` does, finds
the site, runs as a system user, commits, and closes the database. With
FileStorage the database can be open in one process only: while the server
runs, the command asks the server to do the same work (``POST
@supervision-run`` as the Zope administrator ``admin`` with
``ADMIN_PASSWORD``, at ``ZHENGWU_URL`` or ``http://HOST:PORT``). On
RelStorage (``ZHENGWU_DSN``) any number of processes share the database.
"""

from contextlib import contextmanager
from pathlib import Path
from zhengwu.instance.config import ConfigurationError
from zhengwu.instance.config import DatabaseInUse
import os


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

    try:
        with open_site(instance, site_id, open_app) as portal:
            return run(portal, budget=budget, timeout=timeout, log=say)
    except DatabaseInUse:
        body = {"task": "check-links", "budget": budget, "timeout": timeout}
        return through_server(site_id, say, body, wait=(budget or 3600) + 600)


def supervise(instance, site_id, open_app, say, weekly=None):
    from zhengwu.supervision import notify

    folder = instance.var / "mail"
    try:
        with open_site(instance, site_id, open_app) as portal:
            return notify.supervise(portal, folder=folder, weekly=weekly, log=say)
    except DatabaseInUse:
        return through_server(site_id, say, {"task": "supervise", "weekly": weekly}, wait=900)


def audit_export(instance, site_id, open_app, say, day=None, to=None, syslog=None):
    from zhengwu.review import audit_retention

    folder = instance.var / "audit"
    try:
        audit_retention.parse_day(day)  # a bad day or server stops before the database opens
        if syslog:
            audit_retention.parse_syslog(syslog)
        with open_site(instance, site_id, open_app) as portal:
            return audit_retention.export(
                portal, day=day, to=to, syslog=syslog, folder=folder, log=say
            )
    except audit_retention.ExportError as error:
        raise ConfigurationError(str(error)) from None
    except DatabaseInUse:
        # The server writes the file, and only in its own audit folder.
        if to and Path(to).resolve().parent != folder.resolve():
            raise ConfigurationError(
                f"While the server holds the database, --to must name a file in {folder}/."
            ) from None
        body = {"task": "audit-export", "day": day, "to": to and Path(to).name, "syslog": syslog}
        return through_server(site_id, say, body, wait=900)


def reindex_search(instance, site_id, open_app, say):
    """``zhengwu reindex-search``: the full-text indexes on the Chinese
    lexicon and every item reindexed in them, committed every 500 items."""
    from zhengwu.search import reindex

    try:
        with open_site(instance, site_id, open_app) as portal:
            catalog = portal.portal_catalog
            switched = reindex.switch_indexes(catalog)
            if switched:
                say(f"Switched to the Chinese lexicon: {', '.join(switched)}.")
            return reindex.reindex(catalog, log=say, commit=True)
    except DatabaseInUse:
        raise ConfigurationError(
            "The database is open in the server: stop it for `zhengwu reindex-search` "
            "(FileStorage), or run the command on a RelStorage instance beside the server."
        ) from None


def server_url():
    url = os.environ.get("ZHENGWU_URL", "").strip()
    if url:
        return url.rstrip("/")
    host = os.environ.get("HOST", "localhost")
    if host in ("0.0.0.0", "::"):  # noqa: S104 (listening everywhere: ask locally)
        host = "localhost"
    return f"http://{host}:{os.environ.get('PORT', '8080')}"


def through_server(site_id, say, body, wait):
    """Ask the running server to do ``body["task"]``; its answer, or one sentence."""
    import requests

    url = f"{server_url()}/{site_id}/@supervision-run"
    say(f"The database is open in the server: running {body['task']} there ({url}).")
    password = os.environ.get("ADMIN_PASSWORD") or "admin"
    try:
        response = requests.post(
            url,
            json={k: v for k, v in body.items() if v is not None},
            auth=("admin", password),
            headers={"Accept": "application/json"},
            timeout=wait,
        )
    except requests.RequestException:
        raise ConfigurationError(
            "The database is in use by another process and no Zhengwu server answers at "
            f"{server_url()}: stop that process, or set ZHENGWU_URL to the server's address."
        ) from None
    if response.status_code == 401:
        raise ConfigurationError(
            f"The server at {server_url()} refused the administrator `admin`: set "
            "ADMIN_PASSWORD as for `zhengwu start`."
        )
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if response.status_code != 200:
        message = (answer.get("error") or {}).get("message") or f"HTTP {response.status_code}"
        raise ConfigurationError(f"The server could not run {body['task']}: {message}")
    if answer.get("message"):
        say(answer["message"])
    return answer.get("result") or {}


def check_mail_environment():
    """Refuse bad mail settings before any slow step (no Zope loaded)."""
    from zhengwu.supervision.mail_environment import MailSettingsError
    from zhengwu.supervision.mail_environment import read

    try:
        read()
    except MailSettingsError as error:
        raise ConfigurationError(str(error)) from None


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


def check_caching_environment():
    """Refuse a bad CACHING_PROXIES before any slow step (no Zope loaded)."""
    from zhengwu.site.caching_environment import CachingProxiesError
    from zhengwu.site.caching_environment import proxies_from_environment

    try:
        proxies_from_environment()
    except CachingProxiesError as error:
        raise ConfigurationError(str(error)) from None


def configure_caching(portal, say):
    """``zhengwu start``: the caching proxies to purge, from CACHING_PROXIES."""
    from zhengwu.site.caching import configure_from_environment
    from zhengwu.site.caching_environment import CachingProxiesError

    try:
        proxies = configure_from_environment()
    except CachingProxiesError as error:
        raise ConfigurationError(str(error)) from None
    if proxies:
        say(f"Caching proxy: changed pages are purged from {', '.join(proxies)}.")
    else:
        say("Caching proxy: none named in CACHING_PROXIES; nothing is purged.")
