"""Cross-origin REST calls (CORS) for front-ends on another origin.

The setting ``CORS_ALLOW_ORIGINS`` (origins ``scheme://host[:port]``,
separated by commas or spaces; empty: no CORS) is written by `zhengwu
configure` into zope.conf's ``<environment>`` as
``ZHENGWU_CORS_ALLOW_ORIGINS``, which the policy reads on every request (as
``zhengwu.clients`` reads the trusted proxies). The policy is plone.rest's
(``plone.rest.cors.CORSPolicy``, registered for every REST request by
``cors.zcml``), with the values a front-end needs:

- credentials allowed (a front-end on the same site but another port, e.g.
  ``http://localhost:3000`` against ``http://localhost:8080``, sends the
  login cookie), so the answer names the asking origin, never ``*``, and
  varies on ``Origin`` whenever CORS is on (a caching proxy must not give
  one origin's answer to another, or to a request without ``Origin``);
- the methods plone.restapi and the product use, and the request headers
  front-ends send: ``Authorization`` (a JWT from ``@login``),
  ``Content-Type``, ``Accept``, ``Accept-Language``, ``X-CSRF-TOKEN`` (a
  cookie-authenticated write still needs it, ``zhengwu.forgery``) and
  ``Idempotency-Key`` (public submissions);
- ``Retry-After`` (429), ``Location`` (201) and ``Content-Disposition``
  (exports) readable by the front-end's script.

A request from an origin not in the list gets no CORS header at all, and
the browser keeps the answer from the page.
"""

from functools import lru_cache
from plone.rest.cors import CORSPolicy
from plone.rest.interfaces import IAPIRequest
from plone.transformchain.interfaces import ITransform
from urllib.parse import urlsplit
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface
import os
import re


ENVIRONMENT = "ZHENGWU_CORS_ALLOW_ORIGINS"
METHODS = ("GET", "HEAD", "OPTIONS", "POST", "PATCH", "PUT", "DELETE")
REQUEST_HEADERS = (
    "Accept",
    "Accept-Language",
    "Authorization",
    "Content-Type",
    "Idempotency-Key",
    "X-CSRF-TOKEN",
)
EXPOSED_HEADERS = ("Content-Disposition", "Location", "Retry-After")
MAX_AGE = "3600"
DEFAULT_PORTS = {"http": 80, "https": 443}
_HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
)


def parse_origins(value):
    """The origins of a ``CORS_ALLOW_ORIGINS`` value, each as a browser
    writes ``Origin`` (lower case, no default port). Raises ``ValueError``
    naming the first entry that is not ``scheme://host[:port]``."""
    origins = []
    for entry in re.split(r"[\s,]+", value or ""):
        if not entry:
            continue
        origin = _origin(entry)
        if origin is None:
            raise ValueError(
                f"{entry!r} is not an origin (write it as scheme://host[:port], "
                "e.g. https://www.example.gov.cn or http://localhost:3000, "
                "without a path or a trailing slash)"
            )
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)


def _origin(entry):
    try:
        parts = urlsplit(entry)
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if scheme not in DEFAULT_PORTS or parts.username is not None or parts.password is not None:
        return None
    if parts.path or parts.query or parts.fragment or entry.endswith(("?", "#")):
        return None
    if host.startswith("[") or ":" in host:
        host_ok = True  # an IPv6 address, which urlsplit already parsed
        host = f"[{host}]"
    else:
        host_ok = bool(_HOST.fullmatch(host))
    if not host_ok:
        return None
    if port is None or port == DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


@lru_cache(maxsize=8)
def _configured(value):
    try:
        return list(parse_origins(value))
    except ValueError:
        # zope.conf edited by hand: `zhengwu configure` refuses a bad entry,
        # so here it only keeps the good ones.
        return [o for e in re.split(r"[\s,]+", value) if e and (o := _origin(e))]


def allowed_origins():
    """The origins this process answers CORS requests from."""
    return _configured(os.environ.get(ENVIRONMENT, ""))


class ZhengwuCORSPolicy(CORSPolicy):
    """plone.rest's policy, its origins read from the environment."""

    allow_credentials = True
    allow_methods = list(METHODS)
    allow_headers = list(REQUEST_HEADERS)
    expose_headers = list(EXPOSED_HEADERS)
    max_age = MAX_AGE

    @property
    def allow_origin(self):
        return allowed_origins()

    def _process_origin_and_credentials(self, origin):
        super()._process_origin_and_credentials(origin)
        vary_on_origin(self.request.response)


def vary_on_origin(response):
    """``Origin`` added to the response's ``Vary``."""
    vary = [v.strip() for v in (response.getHeader("Vary") or "").split(",") if v.strip()]
    if "origin" not in (v.lower() for v in vary):
        response.setHeader("Vary", ", ".join([*vary, "Origin"]))


@implementer(ITransform)
@adapter(Interface, IAPIRequest)
class VaryOnOrigin:
    """With CORS on, every REST answer varies on ``Origin``, with or without
    one in the request: a caching proxy keeps the answer with one origin's
    headers apart from another's and from the answer without. A transform
    after plone.caching's (order 12000), which sets ``Vary`` itself."""

    order = 12500

    def __init__(self, published, request):
        self.request = request

    def _vary(self):
        if allowed_origins():
            vary_on_origin(self.request.response)

    def transformBytes(self, result, encoding):
        self._vary()

    def transformUnicode(self, result, encoding):
        self._vary()

    def transformIterable(self, result, encoding):
        self._vary()
