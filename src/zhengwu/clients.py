"""Who is asking: the client's address behind trusted proxies, and the key
per-client limits count it under.

Behind a load balancer or a caching proxy every request reaches Zope from
the proxy's address; the proxy names the client in ``X-Forwarded-For``.
That header is believed only when the peer (``REMOTE_ADDR``) is a trusted
proxy: anyone else can write anything into it.

The trusted proxies are the setting ``TRUSTED_PROXIES`` (addresses or CIDR
ranges, IPv4 and IPv6), which `zhengwu configure` writes into zope.conf
twice: the exact addresses as Zope's own ``trusted-proxy`` directives (Zope
only compares exact addresses), and the whole list, ranges included, as
``ZHENGWU_TRUSTED_PROXIES`` in zope.conf's ``<environment>``, which this
module reads. Addresses named by ``trusted-proxy`` in a hand-written zope.conf
(buildout's ``trusted-proxies``) are trusted too.

The walk (``client_address``): the peer address when the peer is not a
trusted proxy; otherwise ``X-Forwarded-For`` from the right, skipping the
trusted hops, and the first address that is not a trusted proxy is the
client. An entry that is not an address (a typo in a proxy's configuration,
``unknown``, garbage) stops the walk: the client is then the last trusted
hop whose own address is known — never an address written left of the
garbage, since nothing trusted vouches for it. A header made only of
trusted hops gives its leftmost one.

Per-client limits use ``client_key``: an IPv4 address as it is, an IPv6
address by its /64 network (one subscriber line usually gets a whole /64,
and changing the last 64 bits is free).
"""

from functools import lru_cache
import ipaddress
import logging
import os
import re


logger = logging.getLogger("zhengwu.clients")

ENVIRONMENT = "ZHENGWU_TRUSTED_PROXIES"
UNKNOWN = "unknown"
IPV6_PREFIX = 64


def parse_networks(value):
    """The networks of a ``TRUSTED_PROXIES`` value: entries separated by
    commas and/or white space, each an IPv4 or IPv6 address or CIDR range.

    Raises ``ValueError`` whose message names the first bad entry.
    """
    networks = []
    for entry in re.split(r"[\s,]+", value or ""):
        if not entry:
            continue
        try:
            network = ipaddress.ip_network(entry, strict=True)
        except ValueError as error:
            if "has host bits set" in str(error):
                loose = ipaddress.ip_network(entry, strict=False)
                raise ValueError(
                    f"{entry!r} is not a network address (its host bits are set: "
                    f"did you mean {loose}?)"
                ) from None
            raise ValueError(f"{entry!r} is not an IP address or CIDR range") from None
        if network not in networks:
            networks.append(network)
    return tuple(networks)


def exact_addresses(networks):
    """The single addresses among ``networks`` (a /32 or /128), as Zope's
    ``trusted-proxy`` directives take them."""
    return [str(network.network_address) for network in networks if network.num_addresses == 1]


def format_networks(networks):
    """``networks`` as one line: single addresses without their prefix."""
    return " ".join(str(n.network_address) if n.num_addresses == 1 else str(n) for n in networks)


@lru_cache(maxsize=8)
def _configured(value, zope_proxies):
    try:
        networks = list(parse_networks(value))
    except ValueError as error:
        # zope.conf edited by hand: keep what can be read, say what cannot.
        logger.error("%s: %s; the other entries are used.", ENVIRONMENT, error)
        networks = []
        for entry in re.split(r"[\s,]+", value or ""):
            try:
                networks.extend(parse_networks(entry))
            except ValueError:
                continue
    for address in zope_proxies:
        parsed = parse_address(address)
        if parsed is not None:
            networks.append(ipaddress.ip_network(parsed))
    return tuple(networks)


def trusted_networks():
    """The trusted proxies of this process: ``ZHENGWU_TRUSTED_PROXIES`` and
    zope.conf's ``trusted-proxy`` addresses."""
    from ZPublisher import HTTPRequest

    return _configured(os.environ.get(ENVIRONMENT, ""), tuple(HTTPRequest.trusted_proxies))


def parse_address(text):
    """An ``ip_address`` from a peer address or an ``X-Forwarded-For`` entry,
    or None when it is not one. Accepts ``[v6]``, ``[v6]:port`` and
    ``v4:port`` as some proxies write them; an IPv4-mapped IPv6 address is
    its IPv4 address."""
    text = (text or "").strip()
    if text.startswith("["):
        end = text.find("]")
        if end < 0 or (text[end + 1 :] and not re.fullmatch(r":\d{1,5}", text[end + 1 :])):
            return None
        text = text[1:end]
    elif text.count(":") == 1:  # v4:port
        text, _, port = text.partition(":")
        if not port.isdigit():
            return None
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address, networks):
    return any(address.version == n.version and address in n for n in networks)


def client_address(request):
    """The client's address (an ``ip_address``), or None when the request
    names no peer (a request made in-process)."""
    environ = getattr(request, "environ", None) or {}
    peer = parse_address(environ.get("REMOTE_ADDR", ""))
    if peer is None:
        return None
    networks = trusted_networks()
    if not networks or not _trusted(peer, networks):
        return peer
    current = peer
    forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed(forwarded.split(",") if forwarded else ()):
        address = parse_address(entry)
        if address is None:
            break  # garbage: the last trusted hop is all that is known
        current = address
        if not _trusted(address, networks):
            break
    return current


def client_key(request):
    """The key per-client limits count ``request`` under: the client's
    IPv4 address, or its IPv6 address's /64 network."""
    address = client_address(request)
    if address is None:
        environ = getattr(request, "environ", None) or {}
        return environ.get("REMOTE_ADDR") or UNKNOWN
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    return str(address)
