"""What a submission writes to the catalog: a record only in the indexes
the product asks of it (its metadata complete), its words in the full text
only once a handler took it up, and its mailbox left as it was
(``submissions/catalog.py``; the figures: benchmarks/submission_writes.py)."""

from plone import api
from Products.CMFCore.indexing import processQueue
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from tests.petitions.helpers import MESSAGE
from tests.requests.helpers import apply
from tests.requests.helpers import make_catalog
from zhengwu.submissions.catalog import COMMON_INDEXES
from zhengwu.submissions.upgrades import index_records_sparsely


def indexes_holding(catalog, rid):
    internal = catalog._catalog
    held = set()
    for name in internal.indexes:
        index = internal.getIndex(name)
        unindex = getattr(index, "_unindex", None)
        if unindex is not None and rid in unindex:
            held.add(name)
        elif getattr(getattr(index, "index", None), "has_doc", None) and index.index.has_doc(rid):
            held.add(name)
    return held


def rid_of(obj):
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    return catalog._catalog.uids["/".join(obj.getPhysicalPath())]


def test_a_petition_is_only_in_the_indexes_asked_of_it(portal):
    box = make_box(portal)
    petition, _code = make_petition(box)
    catalog = api.portal.get_tool("portal_catalog")
    held = indexes_holding(catalog, rid_of(petition))
    wanted = {*COMMON_INDEXES, "petition_department", "petition_year"}
    assert "object_provides" not in held and "Title" not in held and "sortable_title" not in held
    assert held <= wanted
    assert {"UID", "path", "portal_type", "review_state", "allowedRolesAndUsers"} <= held
    # The metadata row is whole: listings read it.
    brain = catalog.unrestrictedSearchResults(UID=petition.UID())[0]
    assert brain.Title == MESSAGE["title"] and brain.tracking_number == petition.tracking_number
    # The queries the product makes find it.
    assert catalog.unrestrictedSearchResults(
        portal_type="Petition", review_state="submitted", petition_year=petition.received_date.year
    )
    # A partial reindex of an index it is not in changes nothing there.
    petition.reindexObject(idxs=["Title"])
    assert "Title" not in indexes_holding(catalog, rid_of(petition))


def test_full_text_is_the_number_until_taken_up(portal):
    box = make_box(portal)
    new, _code = make_petition(box, title="关于夜间施工噪音的投诉")
    accepted, _code = make_petition(box, state="accepted", title="关于夜间施工噪音的投诉")
    catalog = api.portal.get_tool("portal_catalog")
    found = {b.UID for b in catalog.unrestrictedSearchResults(SearchableText="施工噪音")}
    assert accepted.UID() in found and new.UID() not in found
    assert catalog.unrestrictedSearchResults(SearchableText=new.tracking_number)


def test_adding_a_record_leaves_its_folder_alone(portal):
    box = make_box(portal)
    folder = make_catalog(portal)
    box_modified, folder_modified = box.modified(), folder.modified()
    make_petition(box)
    apply(folder)
    assert box.modified() == box_modified and folder.modified() == folder_modified
    # Its own changes still reindex it.
    with api.env.adopt_roles(["Manager"]):
        box.title = "市长信箱"
        box.reindexObject()
    brain = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=box.UID())[0]
    assert brain.Title == "市长信箱"


def test_the_upgrade_takes_records_out_of_other_indexes(portal):
    box = make_box(portal)
    petition, _code = make_petition(box)
    record, _code = apply(make_catalog(portal))
    catalog = api.portal.get_tool("portal_catalog")
    for obj in (petition, record):
        # As a site before 1006 indexed them: everywhere, full text included.
        catalog._old_catalog_object(obj, "/".join(obj.getPhysicalPath()))
        assert "object_provides" in indexes_holding(catalog, rid_of(obj))
    index_records_sparsely(None)
    for obj in (petition, record):
        held = indexes_holding(catalog, rid_of(obj))
        assert held <= set(obj.catalog_indexes)
        assert "path" in held and "allowedRolesAndUsers" in held


def test_tracking_numbers_are_spread_and_old_ones_still_found(portal):
    from zhengwu.submissions import tracking

    box = make_box(portal)
    petition, _code = make_petition(box)
    number = petition.tracking_number
    registry = tracking._registry()
    assert number not in registry  # keyed by its random digits first
    assert tracking.lookup(number) == petition.UID()
    # A number registered before the keys were spread.
    registry["LY20250101123456"] = "uid-of-an-old-one"
    assert tracking.lookup("LY20250101123456") == "uid-of-an-old-one"
    assert tracking.lookup("LY") is None and tracking.lookup(None) is None
