"""Client addresses behind trusted proxies (zhengwu.clients) and the
per-client limits keyed on them: through a trusted proxy each citizen has a
quota of its own; from any other peer ``X-Forwarded-For`` changes nothing."""

from concurrent.futures import ThreadPoolExecutor
from plone import api
from tests.petitions.helpers import make_box
from tests.petitions.helpers import MESSAGE
from zhengwu import clients
import ipaddress
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
LIMIT = 2  # submissions per window in these tests: fewer requests to send


class Request:
    def __init__(self, peer, forwarded=None):
        self.environ = {"REMOTE_ADDR": peer} if peer is not None else {}
        if forwarded is not None:
            self.environ["HTTP_X_FORWARDED_FOR"] = forwarded


@pytest.fixture
def trust(monkeypatch):
    """``trust(value)``: the process trusts the proxies of ``value`` (what
    zope.conf's <environment> sets from TRUSTED_PROXIES)."""

    def trust(value):
        monkeypatch.setenv(clients.ENVIRONMENT, value)

    monkeypatch.delenv(clients.ENVIRONMENT, raising=False)
    return trust


def key(peer, forwarded=None):
    return clients.client_key(Request(peer, forwarded))


# The walk, unit by unit.


def test_no_trusted_proxy_the_peer_is_the_client(trust):
    assert key("203.0.113.7", "198.51.100.1") == "203.0.113.7"
    assert key("127.0.0.1", "198.51.100.1") == "127.0.0.1"


def test_an_untrusted_peer_is_the_client_whatever_it_forwards(trust):
    trust("10.0.0.1")
    assert key("203.0.113.7", "198.51.100.1, 10.0.0.1") == "203.0.113.7"


def test_a_trusted_peer_names_the_client(trust):
    trust("10.0.0.1")
    assert key("10.0.0.1", "198.51.100.1") == "198.51.100.1"
    assert key("10.0.0.1", " 198.51.100.1 ") == "198.51.100.1"
    # what the client itself wrote, left of it, is not believed
    assert key("10.0.0.1", "192.0.2.99, 198.51.100.1") == "198.51.100.1"
    # no header: the proxy itself asks
    assert key("10.0.0.1") == "10.0.0.1"


def test_ranges_are_trusted(trust):
    trust("10.0.0.0/8, fd00::/8")
    assert key("10.20.30.40", "198.51.100.1") == "198.51.100.1"
    assert key("fd12::1", "198.51.100.2") == "198.51.100.2"
    assert key("11.0.0.1", "198.51.100.1") == "11.0.0.1"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(trust):
    trust("127.0.0.1 10.0.0.0/8")
    # client -> proxy 10.0.0.5 -> proxy 10.0.0.6 -> Zope (peer 127.0.0.1)
    assert key("127.0.0.1", "198.51.100.1, 10.0.0.5, 10.0.0.6") == "198.51.100.1"
    assert key("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.5") == "198.51.100.1"
    # only trusted hops: the leftmost one asked
    assert key("127.0.0.1", "10.0.0.5, 10.0.0.6") == "10.0.0.5"


def test_garbage_stops_the_walk_at_the_last_trusted_hop(trust):
    trust("127.0.0.1 10.0.0.0/8")
    assert key("127.0.0.1", "198.51.100.1, unknown") == "127.0.0.1"
    assert key("127.0.0.1", "198.51.100.1, not an address, 10.0.0.5") == "10.0.0.5"
    assert key("127.0.0.1", "198.51.100.1, , 10.0.0.5") == "10.0.0.5"
    # garbage left of the client is never reached
    assert key("127.0.0.1", "garbage, 198.51.100.1") == "198.51.100.1"


def test_proxies_writing_ports_and_brackets(trust):
    trust("127.0.0.1")
    assert key("127.0.0.1", "198.51.100.1:51234") == "198.51.100.1"
    assert key("127.0.0.1", "[2001:db8::1]:443") == "2001:db8::/64"
    assert key("127.0.0.1", "[2001:db8::1]") == "2001:db8::/64"
    assert key("127.0.0.1", "[2001:db8::1") == "127.0.0.1"
    assert key("::ffff:127.0.0.1", "198.51.100.1") == "198.51.100.1"


def test_ipv6_clients_are_keyed_per_64(trust):
    assert key("2001:db8:1:2:aaaa::1") == key("2001:db8:1:2:bbbb::2") == "2001:db8:1:2::/64"
    assert key("2001:db8:1:3::1") == "2001:db8:1:3::/64"
    trust("::1")
    assert key("::1", "2001:db8:1:2::5") == "2001:db8:1:2::/64"
    address = clients.client_address(Request("::1", "2001:db8:1:2::5"))
    assert address == ipaddress.ip_address("2001:db8:1:2::5")


def test_zope_trusted_proxy_directives_are_trusted_too(trust, monkeypatch):
    from ZPublisher import HTTPRequest

    monkeypatch.setattr(HTTPRequest, "trusted_proxies", ("10.0.0.1",))
    assert key("10.0.0.1", "198.51.100.1") == "198.51.100.1"


def test_no_peer(trust):
    assert clients.client_key(Request(None)) == clients.UNKNOWN
    assert clients.client_key(object()) == clients.UNKNOWN


@pytest.mark.parametrize(
    "value, bad",
    [
        ("127.0.0.1, proxy.example.com", "proxy.example.com"),
        ("10.0.0.1/8", "10.0.0.0/8"),
        ("1.2.3.4/33", "1.2.3.4/33"),
        ("*", "*"),
        ("2001:db8::g", "2001:db8::g"),
    ],
)
def test_bad_settings_name_the_entry(value, bad):
    with pytest.raises(ValueError, match=bad.replace("*", r"\*")):
        clients.parse_networks(value)


def test_settings_are_split_on_commas_and_spaces():
    networks = clients.parse_networks(" 127.0.0.1,::1  10.0.0.0/8,\n2001:db8::/32,127.0.0.1 ")
    assert clients.format_networks(networks) == "127.0.0.1 ::1 10.0.0.0/8 2001:db8::/32"
    assert clients.exact_addresses(networks) == ["127.0.0.1", "::1"]
    assert clients.parse_networks("") == clients.parse_networks(" , ") == ()


# Through the test server: every request reaches it from this machine.


@pytest.fixture
def box(functional_portal):
    box = make_box(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("zhengwu.submissions.submissions_per_window", LIMIT)
    transaction.commit()
    return box


def post(box, forwarded=None, n=0):
    headers = dict(JSON)
    if forwarded is not None:
        headers["X-Forwarded-For"] = forwarded
    data = dict(MESSAGE, title=f"第{n}条留言")
    return requests.post(f"{box.absolute_url()}/@petitions", json=data, headers=headers, timeout=60)


def codes(box, forwarded, count):
    return [post(box, forwarded, n).status_code for n in range(count)]


LOCAL = "127.0.0.1 ::1"  # the test server's peer, whichever localhost is


def test_through_a_trusted_proxy_each_citizen_has_a_quota(box, trust):
    trust(LOCAL)
    assert codes(box, "198.51.100.1", LIMIT + 1) == [201] * LIMIT + [429]
    assert codes(box, "198.51.100.2", LIMIT + 1) == [201] * LIMIT + [429]
    # the first one's own proxy hop does not help it
    assert post(box, "198.51.100.1, 127.0.0.1").status_code == 429
    transaction.begin()
    assert len(box.objectIds()) == 2 * LIMIT


def test_from_an_untrusted_peer_a_forged_header_changes_nothing(box, trust):
    trust("10.0.0.0/8")  # some proxy, but not the peer
    answers = [post(box, f"198.51.100.{n}", n).status_code for n in range(LIMIT + 2)]
    assert answers == [201] * LIMIT + [429, 429]
    assert post(box).status_code == 429


def test_without_trusted_proxies_a_forged_header_changes_nothing(box, trust):
    answers = [post(box, f"198.51.100.{n}", n).status_code for n in range(LIMIT + 1)]
    assert answers == [201] * LIMIT + [429]


def test_a_trusted_range(box, trust):
    trust("127.0.0.0/8, ::1/128")
    assert codes(box, "198.51.100.1", LIMIT + 1) == [201] * LIMIT + [429]
    assert post(box, "198.51.100.2").status_code == 201


def test_ipv6_citizens_share_a_quota_per_64(box, trust):
    trust(LOCAL)
    answers = [post(box, f"2001:db8:1:2::{n + 1:x}", n).status_code for n in range(LIMIT + 1)]
    assert answers == [201] * LIMIT + [429]
    assert post(box, "2001:db8:1:2:ffff:ffff:ffff:ffff").status_code == 429
    assert post(box, "2001:db8:1:3::1").status_code == 201


def test_a_chain_of_two_trusted_proxies(box, trust):
    trust(f"{LOCAL} 10.0.0.0/8")
    # client -> caching proxy 10.0.0.5 -> balancer on this machine -> Zope
    forged = [f"192.0.2.{n}, 198.51.100.1, 10.0.0.5" for n in range(LIMIT + 1)]
    assert [post(box, f, n).status_code for n, f in enumerate(forged)] == [201] * LIMIT + [429]
    assert post(box, "198.51.100.2, 10.0.0.5").status_code == 201


def test_failed_lookups_are_counted_per_citizen(functional_portal, trust):
    trust(LOCAL)
    site = functional_portal.absolute_url()

    def lookup(forwarded):
        return requests.get(
            f"{site}/@petition-status",
            params={"tracking_number": "LY20990101000000", "query_code": "ABCDEFGHJK"},
            headers={**JSON, "X-Forwarded-For": forwarded},
            timeout=60,
        ).status_code

    answers = [lookup("198.51.100.1") for _ in range(11)]
    assert answers == [404] * 10 + [429]
    assert lookup("198.51.100.2") == 404


def test_a_flood_of_thirty_citizens_through_the_proxy_is_all_stored(box, trust):
    trust(LOCAL)
    citizens = [f"198.51.100.{n}" for n in range(1, 31)]

    def submit(n):
        return post(box, citizens[n % 30], n)

    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(submit, range(30 * LIMIT)))
    assert [r.status_code for r in responses] == [201] * 30 * LIMIT
    numbers = {r.json()["tracking_number"] for r in responses}
    assert len(numbers) == 30 * LIMIT
    transaction.begin()
    assert len(box.objectIds()) == 30 * LIMIT
    # and each of them has used up its own quota, no more
    assert post(box, citizens[0]).status_code == 429
