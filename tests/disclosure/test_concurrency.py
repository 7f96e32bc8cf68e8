"""Index numbers stay unique when many items are published at the same moment.

Twenty items wait in pending_final; twenty client threads publish them at once
through the WSGI server (four worker threads, each with its own ZODB
connection). Transactions that collide conflict and Zope retries them; a
client whose request still failed after Zope's retries sends it again, as a
person would. Every item ends published with its own number, and the numbers
are exactly 1…20 of the year: none repeated, none lost. (test_counter.py shows
the counter's own conflict deterministically, on two connections.)
"""

from concurrent.futures import ThreadPoolExecutor
from plone import api
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.helpers import auth
import requests
import threading
import transaction


ITEMS = 20


def _publish(url, barrier):
    barrier.wait()
    for _attempt in range(10):
        response = requests.post(
            f"{url}/@workflow/publish",
            json={"comment": "签发"},
            headers={"Accept": "application/json"},
            auth=auth("chain_final"),
            timeout=120,
        )
        if response.status_code == 200:
            return response.json()["review_state"]
    return response.status_code


def test_concurrent_publications_get_distinct_numbers(functional_portal):
    catalog = make_catalog(functional_portal)
    items = [
        make_disclosure_item(catalog, "pending_final", title=f"并发发布测试{n}")
        for n in range(ITEMS)
    ]
    urls = [item.absolute_url() for item in items]
    transaction.commit()

    barrier = threading.Barrier(ITEMS)
    with ThreadPoolExecutor(max_workers=ITEMS) as pool:
        states = list(pool.map(lambda u: _publish(u, barrier), urls))
    assert states == ["published"] * ITEMS

    transaction.begin()
    numbers = [catalog[item.getId()].index_number for item in items]
    assert len(set(numbers)) == ITEMS
    sequences = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert sequences == list(range(1, ITEMS + 1))
    assert len(api.content.find(context=catalog, index_number=numbers)) == ITEMS
