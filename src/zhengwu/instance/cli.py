"""``zhengwu``: configure the instance, create the site, serve it.

    zhengwu start         configure + create-site + serve (what `make start` runs)
    zhengwu configure     write instance/etc/zope.conf (FileStorage, or RelStorage with ZHENGWU_DSN)
    zhengwu create-site   create the Plone site "Plone" if it does not exist yet
    zhengwu serve         serve the instance on http://HOST:PORT/
    zhengwu check-links   check every link and attachment of published content
    zhengwu supervise     the daily supervision run: warnings, weekly summary, reminders by mail
    zhengwu audit-export [--day YYYY-MM-DD] [--to FILE | --syslog HOST[:PORT]]
                          write a day's audit entries (yesterday by default) as JSON Lines
                          to a file (instance/var/audit/) or a syslog server, then remove
                          entries older than the retention (daily, from cron)
    zhengwu reindex-search
                          reindex the full text (after the search's words changed on a large
                          site, docs/search.md); progress every 500 items
    zhengwu backup        back up the storage into BACKUP_DIR (FileStorage: repozo and the
                          blobs; RelStorage: pg_dump); what `make backup` runs
    zhengwu restore --from PATH [--force]
                          restore a backup (the server stopped); `make restore FROM=PATH`

Settings come from the environment: ZHENGWU_DSN, ZHENGWU_INSTANCE, PORT
(8080), HOST (localhost), ADMIN_PASSWORD (admin), DEMO (1), SITE_ID (Plone),
SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, MAIL_FROM (outgoing mail),
TRUSTED_PROXIES (addresses or CIDR ranges, IPv4 or IPv6, separated by commas
or spaces: the proxies in front whose X-Forwarded-For names the client, e.g.
"127.0.0.1 ::1 10.0.0.0/8"; empty: the peer's address is the client's).
CORS_ALLOW_ORIGINS (origins scheme://host[:port] of front-ends on other
origins that may call the REST API, separated by commas, e.g.
"https://www.example.gov.cn,http://localhost:3000"; empty: no CORS).
BACKUP_DIR (instance/var/backups) is where backups go.
CACHING_PROXIES (the caching proxies to purge, comma-separated URLs).
Bad configuration stops with one sentence and exit status 2.
"""

from pathlib import Path
from zhengwu import clients
from zhengwu.instance import site_tasks
from zhengwu.instance.config import check_dsn
from zhengwu.instance.config import check_port
from zhengwu.instance.config import ConfigurationError
from zhengwu.instance.config import DatabaseInUse
from zhengwu.instance.config import Instance
from zhengwu.instance.logs import use_beijing_time
import argparse
import os
import shutil
import sys


# Zope and Plone are imported inside the functions that open the database
# (create_site): `zhengwu configure`, `serve` and every configuration error
# answer at once instead of after loading Plone.

DEFAULT_PASSWORD = "admin"
SITE_PROFILES = ("zhengwu:default",)
DEMO_PROFILE = "zhengwu:demo"


def say(message):
    print(f"[zhengwu] {message}", flush=True)


def warn(message):
    print(f"[zhengwu] WARNING: {message}", file=sys.stderr, flush=True)


def _flag(name, default):
    return os.environ.get(name, default).strip().lower() not in ("0", "false", "no", "off", "")


def configure(instance):
    if instance.dsn:
        say("Storage: RelStorage on PostgreSQL (history-free, blobs in the database).")
        if check_dsn(instance.dsn):
            say("Created the PostgreSQL database named in ZHENGWU_DSN.")
    else:
        say(f"Storage: ZODB FileStorage in {instance.var / 'filestorage'}.")
    path = instance.write_config()
    say(f"Wrote {path}.")
    proxies = instance.proxy_networks()
    if proxies:
        shown = ", ".join(clients.format_networks(proxies).split())
        say(f"Trusted proxies (their X-Forwarded-For names the client): {shown}.")
    origins = instance.cors_origins()
    if origins:
        say(
            f"Front-ends that may call the REST API from other origins (CORS): {', '.join(origins)}."
        )
    return path


def create_site(instance, site_id="Plone", demo=True, password=None):
    """Open the database, make the admin user and the site if missing."""
    import transaction

    app = _open_app(instance)
    try:
        _ensure_admin(app, password)
        if site_id in app.objectIds():
            say(f"Site /{site_id} exists: starting it as it is.")
            _configure_mail(app, site_id)
            transaction.commit()
            return False
        _add_site(app, site_id, demo)
        _configure_mail(app, site_id)
        transaction.commit()
        say(f"Created site /{site_id}{' with demo content' if demo else ''}.")
        return True
    except Exception:
        transaction.abort()
        raise
    finally:
        app._p_jar.close()
        app._p_jar.db().close()


def _open_app(instance):
    from Zope2.Startup.run import configure_wsgi
    import Zope2

    if not instance.zope_conf.exists():
        raise ConfigurationError(
            f"{instance.zope_conf} does not exist: run `zhengwu configure` first."
        )
    say("Opening the database …")
    try:
        configure_wsgi(str(instance.zope_conf))
        return Zope2.app()
    except Exception as error:  # ZODB lock, unreachable database, bad config
        from zc.lockfile import LockError

        if isinstance(error, LockError) or isinstance(error.__cause__, LockError):
            raise DatabaseInUse(
                "The database is in use by another process: is Zhengwu already running?"
            ) from None
        raise ConfigurationError(f"Cannot open the database: {error}.") from None


def _ensure_admin(app, password):
    """The Zope-root administrator. Plone turns the root user folder into a
    PluggableAuthService whose ``users`` plugin keeps the passwords."""
    users = app.acl_users
    plugin = users["users"] if "users" in users.objectIds() else None
    if users.getUser("admin") is None:
        users._doAddUser("admin", password or DEFAULT_PASSWORD, ["Manager"], [])
        plugin = users["users"] if "users" in users.objectIds() else None
        say("Created the Zope administrator `admin`.")
    elif password is not None and plugin is not None:
        plugin.updateUserPassword("admin", password)
    elif password is not None:
        users._doChangeUser("admin", password, ["Manager"], [])
    # A fresh Zope has a plain user folder (PlonePAS replaces it when the
    # site is created): then only "created with the default" can be known.
    default_now = plugin is None and password is None
    if default_now or (
        plugin is not None
        and plugin.authenticateCredentials({"login": "admin", "password": DEFAULT_PASSWORD})
    ):
        warn(
            "the administrator `admin` has the password `admin`: set ADMIN_PASSWORD for any real use."
        )


def _configure_mail(app, site_id):
    from zope.component.hooks import setSite

    setSite(app[site_id])
    try:
        site_tasks.configure_mail(app[site_id], say)
        site_tasks.configure_caching(app[site_id], say)
    finally:
        setSite(None)


def _add_site(app, site_id, demo):
    from AccessControl.SecurityManagement import newSecurityManager
    from Products.CMFPlone.factory import addPloneSite
    from Testing.makerequest import makerequest
    from zope.globalrequest import setRequest

    app = makerequest(app)
    app.REQUEST["PARENTS"] = [app]
    setRequest(app.REQUEST)
    admin = app.acl_users.getUser("admin").__of__(app.acl_users)
    newSecurityManager(None, admin)
    profiles = SITE_PROFILES + ((DEMO_PROFILE,) if demo else ())
    say(f"Creating site /{site_id} with {', '.join(profiles)} (takes a minute) …")
    addPloneSite(
        app,
        site_id,
        title=os.environ.get("SITE_TITLE", "示例市人民政府" if demo else "政府门户网站"),
        extension_ids=profiles,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
    )


def serve(instance, host, port):
    check_port(host, port)
    runwsgi = shutil.which("runwsgi") or os.path.join(os.path.dirname(sys.executable), "runwsgi")
    shown = "localhost" if host in ("0.0.0.0", "127.0.0.1") else host  # noqa: S104
    say(f"Serving http://{shown}:{port}/Plone (Ctrl-C stops).")
    os.execv(  # noqa: S606 (replaces this process with the WSGI server)
        runwsgi, [runwsgi, str(instance.zope_ini), f"http_port={port}", f"host={host}"]
    )


def main(argv=None):
    parser = argparse.ArgumentParser(prog="zhengwu", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "command",
        choices=(
            "start",
            "configure",
            "create-site",
            "serve",
            "check-links",
            "supervise",
            "audit-export",
            "reindex-search",
            "backup",
            "restore",
        ),
    )
    parser.add_argument(
        "--instance", help="instance folder (default: ./instance or ZHENGWU_INSTANCE)"
    )
    parser.add_argument(
        "--no-demo", action="store_true", help="create the site without demo content"
    )
    parser.add_argument(
        "--zope-conf",
        help="create-site only: use this zope.conf (e.g. buildout's) instead of the instance's",
    )
    parser.add_argument(
        "--site", help="check-links, supervise, reindex-search: the site id (default: SITE_ID)"
    )
    parser.add_argument(
        "--budget", help="check-links: seconds for the whole run (default: the site's setting)"
    )
    parser.add_argument(
        "--timeout", help="check-links: seconds to wait for one link (default: the site's setting)"
    )
    parser.add_argument(
        "--weekly",
        action="store_true",
        help="supervise: send the weekly summary today, whatever the weekday",
    )
    parser.add_argument("--day", help="audit-export: the day (YYYY-MM-DD; default yesterday)")
    parser.add_argument("--to", help="audit-export: the file to write")
    parser.add_argument("--syslog", help="audit-export: a syslog server, HOST or HOST:PORT (UDP)")
    parser.add_argument(
        "--full", action="store_true", help="backup: a full FileStorage backup, not incremental"
    )
    parser.add_argument(
        "--from", dest="source", help="restore: the backup folder (or a pg_dump -Fc file)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="restore: replace the data there is (FileStorage: kept beside; RelStorage: dropped)",
    )
    args = parser.parse_args(argv)
    # Every command, and the server it becomes, in Beijing time from its
    # first log line (docs/operations.md, "Logs").
    use_beijing_time()

    instance = Instance.from_environment(args.instance)
    if args.zope_conf:
        instance.conf = Path(args.zope_conf).resolve()
    host = os.environ.get("HOST", "localhost")
    port = os.environ.get("PORT", "8080")
    site_id = args.site or os.environ.get("SITE_ID", "Plone")
    demo = _flag("DEMO", "1") and not args.no_demo
    try:
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise ConfigurationError(f"PORT={port!r} is not a port number (1–65535).")
        if args.command in ("start", "configure", "serve"):
            instance.proxy_networks()  # a bad TRUSTED_PROXIES stops before anything
            instance.cors_origins()  # so does a bad CORS_ALLOW_ORIGINS
        if args.command == "serve":
            instance.check_trusted_proxies_written()
        if args.command in ("start", "serve"):
            check_port(host, port)  # before the slow steps, not after them
        if args.command in ("start", "create-site"):
            site_tasks.check_mail_environment()
            site_tasks.check_caching_environment()
        if args.command in ("start", "configure"):
            configure(instance)
        if args.command in ("start", "create-site"):
            create_site(instance, site_id, demo, os.environ.get("ADMIN_PASSWORD") or None)
        if args.command == "check-links":
            budget = site_tasks.seconds("--budget", args.budget)
            timeout = site_tasks.seconds("--timeout", args.timeout)
            site_tasks.check_links(instance, site_id, _open_app, say, budget, timeout)
        if args.command == "supervise":
            site_tasks.supervise(instance, site_id, _open_app, say, weekly=args.weekly or None)
        if args.command == "audit-export":
            if args.to and args.syslog:
                raise ConfigurationError("Give --to or --syslog, not both.")
            site_tasks.audit_export(
                instance, site_id, _open_app, say, args.day, args.to, args.syslog
            )
        if args.command == "reindex-search":
            site_tasks.reindex_search(instance, site_id, _open_app, say)
        if args.command == "backup":
            from zhengwu.instance import backup

            backup.backup(instance, say, full=args.full)
        if args.command == "restore":
            from zhengwu.instance import backup

            backup.restore(instance, args.source or "", say, force=args.force)
        if args.command in ("start", "serve"):
            serve(instance, host, port)
    except ConfigurationError as error:
        print(f"zhengwu: {error}", file=sys.stderr, flush=True)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
