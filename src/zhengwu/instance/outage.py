"""A database outage answers a clear 503, not waitress's bare 500 (issue 16).

When PostgreSQL goes away under RelStorage, the driver's error is raised
where Zope's error handling never sees it: opening the ZODB connection in
``ZPublisher.WSGIPublisher.load_app`` (``DB.open`` → ``newTransaction`` →
``RelStorage.poll_invalidations`` → a new psycopg2 connection: refused),
``transaction.begin`` (the same poll), or ``transaction.abort`` in
``transaction_pubevents``'s own exception handler (a rollback on the dead
connection) — outside the exception views, so the exception leaves
``publish_module``, passes the access log's translogger unlogged, and
waitress answers its text 500. When the error is raised while publishing
(an object loaded from the database), Zope does handle it, and answers 500
with Plone's error page (if that page could be rendered at all).

``OutageMiddleware`` sits in ``instance/zope.ini``'s pipeline between the
translogger and Zope, so its answer is in the access log:

- an exception from Zope caused by the database being unreachable becomes a
  503 with ``Retry-After``;
- an answer of 5xx from Zope whose failure was such an error (seen by the
  ``IPubBeforeAbort`` subscriber it registers, on the same thread) becomes
  the same 503.

The 503 needs no database: JSON in the REST error shape of ``zhengwu.rest``
(``{"error": {"type": "ServiceUnavailable", "message": …}}``) when the client
asks for JSON, otherwise a small self-contained HTML page; the message is
translated (domain ``zhengwu``, Chinese unless the browser prefers English).
The event log gets one line when an outage begins and one when the database
answers again (with its length and how many requests were refused);
RelStorage's and ZODB's own warnings are let through twice per outage.
RelStorage reconnects by itself on the next request once PostgreSQL is back:
nothing needs restarting.
"""

from zhengwu import _
import html
import json
import logging
import threading
import time


logger = logging.getLogger("zhengwu.outage")

RETRY_AFTER = 10
# Drivers whose OperationalError / InterfaceError mean "no connection"
# (RelStorage's ``disconnected_exceptions`` are these two classes).
DRIVER_MODULES = ("psycopg2", "psycopg", "psycopg2cffi", "pg8000")
DISCONNECTED = ("OperationalError", "InterfaceError")
# SQLSTATE classes of an unavailable server: connection exceptions (08),
# shutdown / cannot connect now (57P), insufficient resources (53: too many
# connections, disk full). Serialization failures, deadlocks and lock
# timeouts are OperationalErrors too, but they are conflicts: not ours.
OUTAGE_SQLSTATES = ("08", "57P", "53")
RELSTORAGE_OUTAGE = ("ReplicaClosedException",)

MESSAGE = _(
    "The site's database cannot be reached at the moment. Please try again in a few minutes."
)
TITLE = _("Service temporarily unavailable")


def is_outage(error):
    """Whether ``error`` (or an exception in its chain) says the database
    cannot be reached."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if _disconnected(error):
            return True
        error = error.__cause__ or error.__context__
    return False


def _disconnected(error):
    kind = type(error)
    if kind.__name__ in RELSTORAGE_OUTAGE and kind.__module__.startswith("relstorage"):
        return True
    if kind.__module__.split(".")[0] not in DRIVER_MODULES:
        return False
    if not any(base.__name__ in DISCONNECTED for base in kind.__mro__):
        return False
    code = (
        getattr(error, "pgcode", None) or getattr(error, "sqlstate", None) or _class_sqlstate(kind)
    )
    return not code or code.startswith(OUTAGE_SQLSTATES)


def _class_sqlstate(kind):
    """The SQLSTATE psycopg2 made ``kind`` for (``psycopg2.errors``), if any."""
    try:
        from psycopg2._psycopg import sqlstate_errors
    except ImportError:
        return None
    for code, cls in sqlstate_errors.items():
        if cls is kind:
            return code
    return None


class Outages:
    """One outage at a time, per process: logged when it begins and ends."""

    def __init__(self):
        self.lock = threading.Lock()
        self.since = None  # monotonic start of the current outage
        self.refused = 0

    @property
    def ongoing(self):
        return self.since is not None

    def failed(self, error):
        with self.lock:
            self.refused += 1
            if self.since is not None:
                return
            self.since = time.monotonic()
            self.refused = 1
        logger.error(
            "The database cannot be reached (%s: %s): answering 503 until it is back.",
            type(error).__name__,
            _first_line(error),
        )

    def served(self):
        if self.since is None:
            return
        with self.lock:
            if self.since is None:
                return
            seconds = time.monotonic() - self.since
            refused, self.since, self.refused = self.refused, None, 0
        logger.warning(
            "The database answers again after %.1f s; %d requests were answered 503.",
            seconds,
            refused,
        )


OUTAGES = Outages()
_failure = threading.local()


def remember_failure(event):
    """``IPubBeforeAbort``: Zope is failing this request; keep the error if
    it is an outage, for the middleware on this thread."""
    error = event.exc_info[1] if event.exc_info else None
    if error is not None and is_outage(error):
        _failure.error = error


class QuietReconnects(logging.Filter):
    """During an outage every request that finds the database gone makes
    RelStorage log a reconnect warning with a traceback, ZODB a failed load
    and — the connection whose opening failed is dropped, not pooled, until
    the garbage collector takes it — a "DB.open() has N open connections"
    warning: the first few of each logger are kept, the rest dropped (the
    middleware logs the outage, its end, its length and the refused count)."""

    KEEP = 2

    def __init__(self):
        super().__init__()
        self.outage = None
        self.count = 0

    def filter(self, record):
        since = OUTAGES.since
        if since is None or record.levelno < logging.WARNING:
            return True
        with OUTAGES.lock:
            if self.outage != since:
                self.outage, self.count = since, 0
            self.count += 1
            return self.count <= self.KEEP


NOISY_LOGGERS = (
    "relstorage.adapters.connections",
    "relstorage.adapters.postgresql.connmanager",
    "relstorage.adapters.locker",
    "ZODB.Connection",
    "ZODB.DB",
)


class OutageMiddleware:
    def __init__(self, app, retry_after=RETRY_AFTER):
        self.app = app
        self.retry_after = int(retry_after)

    def __call__(self, environ, start_response):
        _failure.error = None
        answered = []

        def replacement(status, headers, exc_info=None):
            error = _failure.error
            if error is not None and status[:1] == "5":
                answered.append(error)
                return lambda data: None  # the body of Zope's failure is dropped
            return start_response(status, headers, exc_info)

        try:
            result = self.app(environ, replacement)
        except Exception as error:
            if not is_outage(error):
                raise
            return self.unavailable(environ, start_response, error)
        finally:
            failure, _failure.error = _failure.error, None
        if answered:
            if hasattr(result, "close"):
                result.close()
            return self.unavailable(environ, start_response, failure)
        OUTAGES.served()
        return result

    def unavailable(self, environ, start_response, error):
        OUTAGES.failed(error)
        language = _language(environ.get("HTTP_ACCEPT_LANGUAGE", ""))
        message = _translate(MESSAGE, language)
        if "application/json" in environ.get("HTTP_ACCEPT", ""):
            body = json.dumps(
                {"error": {"type": "ServiceUnavailable", "message": message}},
                ensure_ascii=False,
            )
            kind = "application/json"
        else:
            body = PAGE.format(
                lang="en" if language == "en" else "zh-CN",
                title=html.escape(_translate(TITLE, language)),
                message=html.escape(message),
            )
            kind = "text/html; charset=utf-8"
        data = body.encode("utf-8")
        start_response(
            "503 Service Unavailable",
            [
                ("Content-Type", kind),
                ("Content-Length", str(len(data))),
                ("Retry-After", str(self.retry_after)),
                ("Cache-Control", "no-store"),
            ],
        )
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else data]


PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: sans-serif; margin: 0; background: #f5f5f5; color: #222; }}
main {{ max-width: 36em; margin: 10vh auto; padding: 2em; background: #fff;
        border-top: 4px solid #c00; }}
h1 {{ font-size: 1.5em; margin-top: 0; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{message}</p>
</main>
</body>
</html>
"""


def _language(accept):
    """``en`` when the browser prefers English to Chinese, else ``zh_CN``
    (the sites' language): negotiated without the site, which is in the
    database."""
    for part in accept.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh_CN"
        if tag.startswith("en"):
            return "en"
    return "zh_CN"


def _translate(message, language):
    from zope.i18n import translate

    try:
        return translate(message, target_language=language)
    except Exception:  # no translation machinery: the message id
        return str(message)


def _first_line(error):
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else ""


def filter_factory(global_conf, retry_after=RETRY_AFTER, **local_conf):
    """The PasteDeploy filter (``use = call:zhengwu.instance.outage:filter_factory``
    in ``instance/zope.ini``)."""
    from zope.component import provideHandler
    from ZPublisher.interfaces import IPubBeforeAbort

    provideHandler(remember_failure, (IPubBeforeAbort,))
    for name in NOISY_LOGGERS:
        logging.getLogger(name).addFilter(QuietReconnects())

    def make(app):
        return OutageMiddleware(app, retry_after=retry_after)

    return make
