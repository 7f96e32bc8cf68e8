"""A client's retry with the same idempotency key (the ``Idempotency-Key``
header, the public form's hidden nonce) gets the first answer, and one
record is stored; a key that could be guessed is refused."""

from concurrent.futures import ThreadPoolExecutor
from plone import api
from tests.helpers import body
from tests.petitions.helpers import make_box
from tests.petitions.helpers import MESSAGE
from tests.requests.helpers import APPLICATION
from tests.requests.helpers import make_catalog
from zhengwu.submissions import idempotency
from zope.annotation.interfaces import IAnnotations
import pytest
import re
import requests
import transaction
import uuid


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def box(functional_portal):
    box = make_box(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("zhengwu.submissions.submissions_per_window", 1000)
    transaction.commit()
    return box


def post(url, data, key=None):
    headers = dict(JSON, **({idempotency.HEADER: key} if key is not None else {}))
    return requests.post(url, json=data, headers=headers, timeout=60)


def stored(container):
    transaction.begin()
    return len(container.objectIds())


def test_the_same_key_twice_stores_once_and_answers_the_same(box):
    key = str(uuid.uuid4())
    first = post(f"{box.absolute_url()}/@petitions", MESSAGE, key)
    again = post(f"{box.absolute_url()}/@petitions", MESSAGE, key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert stored(box) == 1
    assert box.objectValues()[0].tracking_number == first.json()["tracking_number"]


def test_different_keys_store_twice(box):
    url = f"{box.absolute_url()}/@petitions"
    one = post(url, MESSAGE, str(uuid.uuid4()))
    two = post(url, MESSAGE, str(uuid.uuid4()))
    three = post(url, MESSAGE)  # no key: as before
    assert {one.status_code, two.status_code, three.status_code} == {201}
    assert len({r.json()["tracking_number"] for r in (one, two, three)}) == 3
    assert stored(box) == 3


@pytest.mark.parametrize(
    "key",
    [
        "short-key",
        "a" * 40,
        "abababababababababab",
        "有中文的键有中文的键有中文的键有中文的键",
        "x" * 201,
    ],
)
def test_a_guessable_or_malformed_key_is_a_400_naming_the_header(box, key):
    if not key.isascii():
        key = key.encode().decode("latin-1")  # as a header carries it
    response = post(f"{box.absolute_url()}/@petitions", MESSAGE, key)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "Idempotency-Key"
    assert "Idempotency-Key" in error["message"]
    assert stored(box) == 0


def test_a_key_with_field_errors_stores_nothing_and_can_be_used_again(box):
    url = f"{box.absolute_url()}/@petitions"
    key = str(uuid.uuid4())
    assert post(url, dict(MESSAGE, phone="x"), key).status_code == 400
    assert post(url, MESSAGE, key).status_code == 201
    assert stored(box) == 1


def test_concurrent_retries_with_one_key_store_once(box):
    url = f"{box.absolute_url()}/@petitions"
    key = str(uuid.uuid4())
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda n: post(url, MESSAGE, key), range(8)))
    assert [r.status_code for r in responses] == [201] * 8
    assert len({r.json()["tracking_number"] for r in responses}) == 1
    assert len({r.json()["query_code"] for r in responses}) == 1
    assert stored(box) == 1


def test_the_database_holds_no_readable_query_code(box, functional_portal):
    key = str(uuid.uuid4())
    answer = post(f"{box.absolute_url()}/@petitions", MESSAGE, key).json()
    transaction.begin()
    shards = IAnnotations(functional_portal)[idempotency.ANNOTATION]
    entries = [entry for shard in shards.values() for entry in shard.values()]
    assert len(entries) == 1
    entry = entries[0]
    assert entry["tracking_number"] == answer["tracking_number"]
    assert answer["query_code"].encode() not in entry["answer"]
    assert key not in repr(entry)


def test_a_disclosure_request_with_the_same_key(functional_portal):
    catalog = make_catalog(functional_portal)
    transaction.commit()
    url = f"{catalog.absolute_url()}/@disclosure-requests"
    key = str(uuid.uuid4())
    first = post(url, APPLICATION, key)
    again = post(url, APPLICATION, key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert post(url, APPLICATION, "too-short").status_code == 400
    assert stored(catalog) == 1


def test_the_form_sent_twice_stores_once(box):
    page = body(requests.get(box.absolute_url(), timeout=60))
    nonce = re.search(r'name="idempotency_key"[^>]*value="([^"]+)"', page).group(1)
    form = {k: v for k, v in MESSAGE.items() if k != "publish_consent"}
    form.update({"publish_consent": "on", "form.submitted": "1", "idempotency_key": nonce})
    first = body(requests.post(box.absolute_url(), data=form, timeout=60))
    again = body(requests.post(box.absolute_url(), data=form, timeout=60))
    number = re.compile(r'id="zhengwu-tracking-number"[^>]*>\s*([A-Z0-9]+)')
    assert number.search(first).group(1) == number.search(again).group(1)
    assert stored(box) == 1
    # Another page's nonce is another message.
    other = body(requests.get(box.absolute_url(), timeout=60))
    assert re.search(r'name="idempotency_key"[^>]*value="([^"]+)"', other).group(1) != nonce
