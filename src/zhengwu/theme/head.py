"""HEAD answers like GET (issue 14): uptime monitors and link checkers ask
``HEAD /Plone/zh-cn`` and must get what GET gets.

Zope publishes HEAD through WebDAV: traversal ends on the object's ``HEAD``
method (``webdav.Collection.HEAD`` for folders), which answers 404 unless
the folder has an ``index_html`` — so every Plone folder, the language
folders and the site itself said 404 while GET said 200.

A HEAD request that does not come from a WebDAV client (no WebDAV header,
not on Zope's WebDAV source port) is published here as a GET — same
traversal, default view, security, status and headers — and sent without
its body (``Content-Length`` stays the GET's). WebDAV clients keep Zope's
own HEAD.
"""

from plone.rest.events import mark_as_api_request


MARKER = "zhengwu.head_as_get"
WEBDAV_HEADERS = ("HTTP_DEPTH", "HTTP_IF", "HTTP_LOCK_TOKEN", "HTTP_TRANSLATE", "HTTP_OVERWRITE")


def is_webdav(environ):
    return bool(environ.get("WEBDAV_SOURCE_PORT")) or any(
        name in environ for name in WEBDAV_HEADERS
    )


def head_as_get(event):
    """IPubStart: a browser's HEAD is published as a GET."""
    request = event.request
    environ = request.environ
    if environ.get("REQUEST_METHOD", "").upper() != "HEAD" or is_webdav(environ):
        return
    environ["REQUEST_METHOD"] = "GET"
    environ[MARKER] = True
    request.other["method"] = "GET"
    request.maybe_webdav_client = 0
    # plone.rest chose its service for HEAD (none): choose again for GET.
    mark_as_api_request(request, request.getHeader("Accept", "text/html"))


def drop_body(event):
    """IPubBeforeCommit, and IPubBeforeAbort for errors (404, 401…, whose
    page the exception view has rendered by then): the GET's headers, no
    body. A body after a HEAD's headers would be read on a kept-alive
    connection as the next response."""
    request = event.request
    if not request.environ.get(MARKER):
        return
    response = request.response
    body = response.body or b""
    if "content-length" not in response.headers:
        response.setHeader("Content-Length", str(len(body)))
    response.body = b""
