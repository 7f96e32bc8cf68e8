"""External links checked over HTTP, politely.

``HEAD`` first (no body), ``GET`` when the server refuses ``HEAD`` (405,
501), answers it with an error or fails in another way than a timeout or a
refused connection (a GET would only fail the same, twice as slowly).
At most ``per_host`` requests to one host at a time, ``workers`` in all,
each with a ``timeout``; redirects followed up to 5; nothing started once
the ``budget`` (seconds for the whole run) is spent — what was not reached
is checked on the next run. The User-Agent names Zhengwu and the site, so
that the owner of a server sees who asks and why.

Only public addresses are asked (at every redirect hop): the links come
from published pages, citizens' published messages among them, and a
checker that asked loopback, private or link-local addresses would let
anyone who can publish a link make the server probe its own network (and
the dashboard tell which ports answer). Such a link is reported as
``internal`` without a request; an office lists the intranet networks its
pages may link to in ``reachable_networks``.
"""

from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait
from dataclasses import dataclass
from urllib.parse import urljoin
from urllib.parse import urlsplit
import ipaddress
import requests
import socket
import threading
import time


MAX_REDIRECTS = 5
FALLBACK_STATUSES = (405, 501)


@dataclass
class Settings:
    timeout: float = 10.0
    per_host: int = 2
    workers: int = 8
    budget: float = 600.0
    site_url: str = ""
    reachable_networks: tuple = ()  # CIDR ranges of non-public addresses that may be asked

    @property
    def user_agent(self):
        about = f"; +{self.site_url}" if self.site_url else ""
        # Headers are Latin-1: the site is named by its address, not its title.
        return f"Mozilla/5.0 (compatible; Zhengwu-LinkChecker/1.0{about})"


@dataclass(frozen=True)
class Result:
    status: object  # the HTTP status (int) or why there was none (str)
    error: str = ""

    @property
    def ok(self):
        return isinstance(self.status, int) and self.status < 400


class Checker:
    def __init__(self, settings):
        self.settings = settings
        self._local = threading.local()
        self._hosts = {}
        self._lock = threading.Lock()

    def _session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.max_redirects = MAX_REDIRECTS
            session.headers["User-Agent"] = self.settings.user_agent
            session.headers["Accept"] = "*/*"
            self._local.session = session
        return session

    def _host_slot(self, url):
        host = urlsplit(url).netloc.lower()
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.Semaphore(max(1, self.settings.per_host))
            return self._hosts[host]

    def check(self, url, deadline):
        """The Result of one address, or None when the budget ran out first."""
        with self._host_slot(url):
            if time.monotonic() >= deadline:
                return None
            result = self._request("HEAD", url)
            if result.status in FALLBACK_STATUSES or (
                not result.ok and result.status not in ("timeout", "refused")
            ):
                result = self._request("GET", url)
            return result

    def _networks(self):
        networks = []
        for value in self.settings.reachable_networks or ():
            try:
                networks.append(ipaddress.ip_network(str(value).strip(), strict=False))
            except ValueError:
                continue
        return networks

    def _forbidden(self, url):
        """Why ``url`` must not be asked (a non-public address), or ''."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return "not a web address"
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
        except (OSError, ValueError, UnicodeError):
            return ""  # unresolvable: the request itself reports it
        allowed = self._networks()
        for info in infos:
            address = ipaddress.ip_address(info[4][0].split("%")[0])
            if address.is_global and not address.is_multicast:
                continue
            if any(address in network for network in allowed):
                continue
            return f"internal address {address}: not checked"
        return ""

    def _request(self, method, url):
        timeout = self.settings.timeout
        try:
            # Redirects by hand: every hop's address is checked before it is asked.
            for _hop in range(MAX_REDIRECTS + 1):
                forbidden = self._forbidden(url)
                if forbidden:
                    return Result("internal", forbidden)
                response = self._session().request(
                    method, url, timeout=timeout, allow_redirects=False, stream=True
                )
                response.close()
                if not response.is_redirect:
                    reason = "" if response.status_code < 400 else (response.reason or "")
                    return Result(response.status_code, str(reason))
                url = urljoin(url, response.headers.get("location", ""))
            raise requests.TooManyRedirects()
        except requests.Timeout:
            return Result("timeout", f"no answer within {timeout:g} s")
        except requests.TooManyRedirects:
            return Result("redirects", f"more than {MAX_REDIRECTS} redirects")
        except requests.exceptions.SSLError as error:
            return Result("ssl", _short(error))
        except requests.ConnectionError as error:
            text = _short(error)
            if "refused" in str(error).lower():
                return Result("refused", "connection refused")
            return Result("unreachable", text)
        except (requests.RequestException, ValueError) as error:
            return Result("error", _short(error))

    def check_all(self, urls):
        """{url: Result} for the addresses reached within the budget."""
        deadline = time.monotonic() + self.settings.budget
        results = {}
        if not urls:
            return results
        with ThreadPoolExecutor(max_workers=max(1, self.settings.workers)) as pool:
            futures = {pool.submit(self.check, url, deadline): url for url in urls}
            # Requests under way when the budget ends may finish (each is
            # bounded by its timeout); the ones not started return None.
            wait(futures, timeout=self.settings.budget + 3 * self.settings.timeout)
            for future, url in futures.items():
                if future.done() and future.result() is not None:
                    results[url] = future.result()
            for future in futures:
                future.cancel()
        return results


def _short(error):
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return (text or error.__class__.__name__)[:200]
