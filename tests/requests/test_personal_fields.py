"""The second lock on a disclosure request: the applicant's personal fields
are read with ``zhengwu: View disclosure request personal data``, not with
View (``read_permission`` in the schema, src/zhengwu/requests/request.py).

The shipped workflow grants both permissions to the same roles, so here one
request keeps View for its officers and takes the personal-data permission
from them: whoever may view the request but not its applicant gets none of
the fields below, in REST JSON and from the serializer; a holder gets each.

The list of personal fields is written here by hand (DESIGN.md section 3,
the applicant), not read from the product, so that a field dropped from the
product's lock fails here.
"""

from plone import api
from plone.autoform.interfaces import READ_PERMISSIONS_KEY
from plone.namedfile.file import NamedBlobFile
from plone.restapi.interfaces import ISerializeToJson
from Products.DCWorkflow.utils import modifyRolesForPermission
from tests.helpers import body
from tests.requests.helpers import APPLICATION
from tests.requests.helpers import make_catalog
from tests.requests.helpers import make_request
from zhengwu.requests.request import IDisclosureRequest
from zope.component import getMultiAdapter
from zope.globalrequest import getRequest
import pytest
import transaction


PERMISSION_ID = "zhengwu.ViewRequestPersonalData"
PERMISSION = "zhengwu: View disclosure request personal data"

# field: a value only that field holds (searched for in the JSON)
PERSONAL_FIELDS = {
    "applicant_name": APPLICATION["applicant_name"],  # 李秀英
    "id_type": "resident_id",
    "id_number": APPLICATION["id_number"],
    "organization_name": "示例市明理律师事务所",
    "credit_code": "91110000MA01ABCD1M",
    "phone": APPLICATION["phone"],
    "email": APPLICATION["email"],
    "address": APPLICATION["address"],  # 示例市和平路12号
    "attachments": "身份证正面.jpg",  # proof of identity
}
# What the same reader does get: not a lock on the whole request.
OTHER_FIELDS = ("tracking_number", "requested_information", "delivery_form", "applicant_type")

VIEWER = "officer"  # may View the request; loses the personal-data permission below
HOLDERS = ("siteadmin", "officer")  # siteadmin keeps it; an officer on an untouched request


def _second_lock_only(obj):
    """Officers keep View on ``obj`` and lose the personal-data permission."""
    # as the workflow sets its permissions (a tuple: not acquired)
    modifyRolesForPermission(obj, PERMISSION, ("Manager", "Site Administrator"))
    obj.reindexObjectSecurity()


def _request(portal):
    catalog = make_catalog(portal, container=portal["zh-cn"]["dept"])
    obj, _code = make_request(catalog, "registered")
    # Every personal field filled in, the organization's too.
    obj.organization_name = PERSONAL_FIELDS["organization_name"]
    obj.credit_code = PERSONAL_FIELDS["credit_code"]
    obj.attachments = [
        NamedBlobFile(data=b"\xff\xd8\xff\xe0 scan", filename=PERSONAL_FIELDS["attachments"])
    ]
    for field, value in PERSONAL_FIELDS.items():
        if field != "attachments":
            assert getattr(obj, field) == value, field
    return obj


def _has(userid, permission, obj):
    return api.user.has_permission(permission, username=userid, obj=obj)


@pytest.fixture
def locked(functional_portal):
    """(a request of which ``VIEWER`` may see all but the applicant, an untouched one)"""
    obj = _request(functional_portal)
    untouched = _request(functional_portal)
    _second_lock_only(obj)
    transaction.commit()
    assert _has(VIEWER, "View", obj) and not _has(VIEWER, PERMISSION, obj)
    assert _has("siteadmin", "View", obj) and _has("siteadmin", PERMISSION, obj)
    assert _has(VIEWER, "View", untouched) and _has(VIEWER, PERMISSION, untouched)
    return obj, untouched


def _json(request_factory, obj, userid):
    response = request_factory(userid).get(obj.absolute_url())
    assert response.status_code == 200, response.text
    return response.json(), body(response)


def test_a_viewer_without_the_permission_gets_no_personal_field_over_rest(locked, request_factory):
    obj, _untouched = locked
    data, text = _json(request_factory, obj, VIEWER)
    assert data["tracking_number"] == obj.tracking_number  # the request itself is readable
    assert [f for f in OTHER_FIELDS if f not in data] == []
    assert [f for f in PERSONAL_FIELDS if f in data] == []
    assert [v for v in PERSONAL_FIELDS.values() if v in text] == []


@pytest.mark.parametrize("userid, which", [("siteadmin", 0), ("officer", 1)])
def test_a_holder_gets_every_personal_field_over_rest(locked, request_factory, userid, which):
    obj = locked[which]
    data, text = _json(request_factory, obj, userid)
    assert [f for f in PERSONAL_FIELDS if f not in data] == []
    assert [v for v in PERSONAL_FIELDS.values() if v not in text] == []
    assert data["applicant_name"] == PERSONAL_FIELDS["applicant_name"]
    assert data["address"] == PERSONAL_FIELDS["address"]
    assert data["id_type"]["token"] == "resident_id"
    assert [a["filename"] for a in data["attachments"]] == [PERSONAL_FIELDS["attachments"]]


def test_the_serializer_leaves_them_out_for_a_viewer_without_the_permission(portal):
    obj = _request(portal)
    _second_lock_only(obj)

    def serialized(userid):
        with api.env.adopt_user(username=userid):
            return getMultiAdapter((obj, getRequest()), ISerializeToJson)()

    viewer = serialized(VIEWER)
    assert viewer["tracking_number"] == obj.tracking_number
    assert [f for f in OTHER_FIELDS if f not in viewer] == []
    assert [f for f in PERSONAL_FIELDS if f in viewer] == []
    holder = serialized("siteadmin")
    assert [f for f in PERSONAL_FIELDS if f not in holder] == []
    assert holder["address"] == PERSONAL_FIELDS["address"]
    assert holder["phone"] == PERSONAL_FIELDS["phone"]


def test_the_schema_locks_exactly_the_personal_fields():
    locks = IDisclosureRequest.queryTaggedValue(READ_PERMISSIONS_KEY) or {}
    assert {field: locks.get(field) for field in PERSONAL_FIELDS} == dict.fromkeys(
        PERSONAL_FIELDS, PERMISSION_ID
    )
    # and nothing else: the officers read the rest of the request with View
    assert sorted(f for f, p in locks.items() if p == PERMISSION_ID) == sorted(PERSONAL_FIELDS)
    assert set(PERSONAL_FIELDS) <= set(IDisclosureRequest.names())


def _page(request_factory, obj, userid, view=""):
    return request_factory(userid, json=False).get(
        f"{obj.absolute_url()}{view}", allow_redirects=False
    )


def test_the_officers_page_follows_the_lock(locked, request_factory):
    """The request's own page (the officers' view) shows the applicant block
    to a holder only; the rest of the request stays readable."""
    obj, untouched = locked
    viewer = _page(request_factory, obj, VIEWER)
    assert viewer.status_code == 200
    text = body(viewer)
    assert obj.tracking_number in text and APPLICATION["requested_information"] in text
    assert 'id="zhengwu-request-applicant"' not in text
    assert [v for v in PERSONAL_FIELDS.values() if v in text] == []
    for userid, which in (("siteadmin", obj), (VIEWER, untouched)):
        holder = body(_page(request_factory, which, userid))
        assert 'id="zhengwu-request-applicant"' in holder
        assert APPLICATION["applicant_name"] in holder and APPLICATION["address"] in holder


def test_letters_and_proof_of_identity_follow_the_lock(locked, request_factory):
    """A letter is addressed to the applicant (name, address): it needs the
    personal-data permission, as the scan of the identity card does."""
    obj, untouched = locked
    for view in ("/@@request-letter?kind=answer", "/@@attachment/0/x.jpg"):
        assert _page(request_factory, obj, VIEWER, view).status_code in (302, 401, 403), view
    assert _page(request_factory, untouched, VIEWER, "/@@attachment/0/x.jpg").status_code == 200
