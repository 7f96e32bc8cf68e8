"""The outage middleware alone (zhengwu.instance.outage): which errors are an
outage, and what the client gets. The outage under real processes is
tests/faults/test_database_restart.py."""

from relstorage.adapters.interfaces import UnableToAcquireCommitLockError
from zhengwu.instance import outage
from ZODB.POSException import StorageError
from zope.interface.interfaces import ComponentLookupError
import json
import logging
import psycopg2
import psycopg2.errors
import pytest


def refused():
    return psycopg2.OperationalError(
        'connection to server at "127.0.0.1", port 5440 failed: Connection refused'
    )


def chained(outer, inner):
    try:
        try:
            raise inner
        except Exception as error:
            raise outer from error
    except Exception as error:
        return error


@pytest.mark.parametrize(
    "error",
    [
        refused(),
        psycopg2.InterfaceError("connection already closed"),
        psycopg2.errors.AdminShutdown("terminating connection due to administrator command"),
        psycopg2.errors.TooManyConnections("sorry, too many clients already"),
        chained(StorageError("poll failed"), refused()),
    ],
)
def test_outages(error):
    assert outage.is_outage(error)


@pytest.mark.parametrize(
    "error",
    [
        psycopg2.errors.SerializationFailure("could not serialize access"),
        psycopg2.errors.DeadlockDetected("deadlock detected"),
        psycopg2.errors.LockNotAvailable("canceling statement due to lock timeout"),
        chained(
            UnableToAcquireCommitLockError("commit lock"),
            psycopg2.errors.LockNotAvailable("lock timeout"),
        ),
        psycopg2.ProgrammingError("syntax error"),
        ComponentLookupError("no utility"),
        ValueError("Connection refused"),
    ],
)
def test_not_outages(error):
    assert not outage.is_outage(error)


class Answer:
    def __init__(self):
        self.status = self.headers = None

    def __call__(self, status, headers, exc_info=None):
        self.status, self.headers = status, dict(headers)


def call(app, **environ):
    answer = Answer()
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/Plone", **environ}
    body = b"".join(outage.OutageMiddleware(app)(environ, answer))
    return answer, body


def broken(environ, start_response):
    raise chained(StorageError("poll"), refused())


def test_json_for_rest_clients(caplog):
    outage.OUTAGES.since = None
    with caplog.at_level(logging.ERROR, logger="zhengwu.outage"):
        answer, body = call(broken, HTTP_ACCEPT="application/json")
        call(broken, HTTP_ACCEPT="application/json")
    assert answer.status == "503 Service Unavailable"
    assert answer.headers["Retry-After"] == "10"
    assert answer.headers["Cache-Control"] == "no-store"
    error = json.loads(body)["error"]
    assert error["type"] == "ServiceUnavailable"
    assert error["message"]
    # one line for the outage, not one per request
    assert len([r for r in caplog.records if r.name == "zhengwu.outage"]) == 1


def test_a_page_for_browsers_and_the_end_of_the_outage(caplog):
    outage.OUTAGES.since = None
    answer, body = call(broken, HTTP_ACCEPT="text/html", HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert answer.status.startswith("503")
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<script" not in page and "http" not in page  # self-contained

    def healthy(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    with caplog.at_level(logging.WARNING, logger="zhengwu.outage"):
        answer, body = call(healthy)
    assert (answer.status, body) == ("200 OK", b"ok")
    logged = caplog.messages
    assert any("answers again" in line for line in logged)
    assert any("1 requests were answered 503" in line for line in logged)
    assert not outage.OUTAGES.ongoing


def test_zope_s_own_500_for_an_outage_becomes_the_503():
    """The error raised while publishing: Zope answers 500 itself (an error
    view), after telling IPubBeforeAbort."""

    class Event:
        exc_info = (None, refused(), None)

    def failing(environ, start_response):
        outage.remember_failure(Event())
        start_response("500 Internal Server Error", [("Content-Type", "text/html")])
        return [b"<html>Plone's error page</html>"]

    answer, body = call(failing, HTTP_ACCEPT="application/json")
    assert answer.status.startswith("503")
    assert json.loads(body)["error"]["type"] == "ServiceUnavailable"


def test_other_errors_are_left_to_zope_and_waitress():
    def other(environ, start_response):
        raise KeyError("not ours")

    with pytest.raises(KeyError):
        call(other)

    def server_error(environ, start_response):
        start_response("500 Internal Server Error", [])
        return [b"error"]

    answer, body = call(server_error)
    assert (answer.status, body) == ("500 Internal Server Error", b"error")


def test_the_storage_s_own_warnings_are_cut_during_an_outage():
    quiet = outage.QuietReconnects()

    def record(level=logging.WARNING):
        return logging.LogRecord("ZODB.DB", level, __file__, 1, "DB.open() has 9", None, None)

    outage.OUTAGES.since = None
    assert all(quiet.filter(record()) for _ in range(5))  # no outage: all kept
    outage.OUTAGES.failed(refused())
    kept = [quiet.filter(record()) for _ in range(5)]
    assert kept == [True, True, False, False, False]
    assert quiet.filter(record(logging.INFO))
    outage.OUTAGES.served()
    assert quiet.filter(record())
