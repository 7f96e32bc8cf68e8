"""The first pages of a large result are read from the sort index; they must
be exactly what ZCatalog's full sort gives."""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IOBTree import IOBTree
from zhengwu import faceted
import pytest
import random
import requests


def test_walk_matches_a_full_sort():
    rnd = random.Random(4)
    tree = IOBTree()
    keys = {}
    for rid in range(1, 3000):
        key = rnd.randrange(500)  # many records share a key, as minutes of a DateIndex do
        keys[rid] = key
        entry = tree.get(key)
        if entry is None:
            tree[key] = rid
        elif isinstance(entry, int):
            tree[key] = IITreeSet([entry, rid])
        else:
            entry.insert(rid)
    rids = IISet(rnd.sample(range(1, 3000), 1200))
    for reverse in (True, False):
        found = faceted.walk_index(tree, rids, 50, reverse)
        assert len(found) == 50 and set(found) <= set(rids)
        expected_keys = sorted((keys[r] for r in rids), reverse=reverse)[:50]
        assert [keys[r] for r in found] == expected_keys
    assert faceted.walk_index(IOBTree(), rids, 10, True) == []
    assert len(faceted.walk_index(tree, IISet([1, 2]), 10, True)) == 2


@pytest.mark.parametrize("sort_on", ["publication_date", "written_date", "index_number", "title"])
@pytest.mark.parametrize("order", ["ascending", "descending"])
def test_pages_are_the_same_either_way(search_catalog, monkeypatch, sort_on, order):
    catalog, _made = search_catalog
    url = f"{catalog.absolute_url()}/@disclosure-catalog"
    params = {"sort_on": sort_on, "sort_order": order, "b_size": 4}
    headers = {"Accept": "application/json"}
    sorted_whole = requests.get(url, params=params, headers=headers, timeout=60).json()
    monkeypatch.setattr(faceted, "WALK_MIN", 1)  # the server runs in this process
    monkeypatch.setattr(faceted, "WALK_DENSITY", 10**6)
    walked = requests.get(url, params=params, headers=headers, timeout=60).json()
    keys = {"publication_date": "index_number", "title": "title"}.get(sort_on, sort_on)
    assert [i[keys] for i in walked["items"]] == [i[keys] for i in sorted_whole["items"]]
    second = requests.get(url, params=dict(params, b_start=4), headers=headers, timeout=60).json()
    assert len(second["items"]) == 2 and second["items_total"] == 6
