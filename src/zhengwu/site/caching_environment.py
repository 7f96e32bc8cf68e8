"""``CACHING_PROXIES``: the caching proxies Zope purges (comma-separated URLs,
e.g. ``http://127.0.0.1:8000``; empty: purging off). Read without loading
Zope, so that ``zhengwu start`` refuses a bad value at once."""

from urllib.parse import urlsplit
import os


class CachingProxiesError(ValueError):
    """CACHING_PROXIES names something that is not an http(s) URL."""


def proxies_from_environment(environ=None):
    """The URLs in ``CACHING_PROXIES`` (comma-separated), checked; () if empty."""
    environ = os.environ if environ is None else environ
    value = environ.get("CACHING_PROXIES", "") or ""
    proxies = []
    for part in value.split(","):
        url = part.strip().rstrip("/")
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path:
            raise CachingProxiesError(
                f"CACHING_PROXIES must list proxy addresses such as http://127.0.0.1:8000, "
                f"separated by commas: {part.strip()!r} is not one."
            )
        try:
            parts.port  # noqa: B018 (raises on a bad port)
        except ValueError:
            raise CachingProxiesError(
                f"CACHING_PROXIES: {part.strip()!r} has no valid port."
            ) from None
        proxies.append(url)
    return tuple(dict.fromkeys(proxies))
