"""Index numbers: assigned at first publication, unique, never changed, never reused."""

from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from zhengwu.disclosure import index_numbers
import re


CODE = "11999900MB0000010H"


def test_assigned_on_first_publication(portal):
    catalog = make_catalog(portal)
    item = make_disclosure_item(catalog, "pending_final")
    assert item.index_number is None
    with api.env.adopt_user(username="chain_final"):
        api.content.transition(item, transition="publish", comment="签发")
    year = item.publication_date.year
    assert re.fullmatch(rf"{CODE}/{year}-\d{{5}}", item.index_number)
    brains = api.content.find(index_number=item.index_number)
    assert [b.UID for b in brains] == [item.UID()]


def test_numbers_follow_each_other_per_organ_and_year(portal):
    catalog = make_catalog(portal)
    first = make_disclosure_item(catalog, "published")
    second = make_disclosure_item(catalog, "published")
    seq = [int(n.index_number.rsplit("-", 1)[1]) for n in (first, second)]
    assert seq[1] == seq[0] + 1


def test_unchanged_by_edit_withdrawal_move_and_organ_change(portal):
    catalog = make_catalog(portal)
    item = make_disclosure_item(catalog, "published")
    number = item.index_number
    # no writer: the field is read-only in the schema
    from zhengwu.disclosure.item import IDisclosureItem

    assert IDisclosureItem["index_number"].readonly
    with api.env.adopt_user(username="chain_final"):
        api.content.transition(item, transition="withdraw", comment="内容过时")
    assert item.index_number == number
    with api.env.adopt_roles(["Manager"]):
        other = api.content.create(
            container=portal["zh-cn"],
            type="Department",
            id="other",
            title="另一局",
            organization_code="11999900MB0000020J",
        )
        catalog.organ = other.UID()
        moved = api.content.move(source=item, target=make_catalog(portal, organ=other.UID()))
    assert moved.index_number == number


def test_withdrawn_number_is_never_reused(portal):
    catalog = make_catalog(portal)
    item = make_disclosure_item(catalog, "published")
    number = item.index_number
    with api.env.adopt_user(username="chain_final"):
        api.content.transition(item, transition="withdraw", comment="撤回")
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(item)
    again = make_disclosure_item(catalog, "published")
    assert again.index_number != number
    assert index_numbers.registry().numbers[number] is not None


def test_working_copy_keeps_the_number(portal):
    catalog = make_catalog(portal)
    item = make_disclosure_item(catalog, "published")
    number = item.index_number
    with api.env.adopt_user(username="author"):
        wc = ICheckinCheckoutPolicy(item).checkout(catalog)
        wc.title = "关于做好2026年政务公开工作的通知（修订）"
        assert wc.index_number is None  # read-only fields are not copied
    for transition, userid in [
        ("submit", "author"),
        ("approve_first", "chain_first"),
        ("approve_second", "chain_second"),
        ("publish", "chain_final"),
    ]:
        with api.env.adopt_user(username=userid):
            api.content.transition(wc, transition=transition, comment="修订")
    baseline = catalog[item.getId()]
    assert baseline.title.endswith("（修订）")
    assert baseline.index_number == number
    assert len(api.content.find(index_number=number)) == 1


def test_a_copy_is_a_new_document(portal):
    catalog = make_catalog(portal)
    item = make_disclosure_item(catalog, "published")
    with api.env.adopt_roles(["Manager"]):
        copy = api.content.copy(source=item, target=catalog, safe_id=True)
    assert copy.index_number is None


def test_organ_without_code_cannot_publish(portal):
    from Products.CMFCore.WorkflowCore import WorkflowException
    import pytest

    catalog = make_catalog(portal)
    item = make_disclosure_item(catalog, "pending_final")
    catalog.organ = "no-such-department"
    with api.env.adopt_user(username="chain_final"):
        with pytest.raises(WorkflowException, match="no organization code|组织机构代码"):
            portal.portal_workflow.doActionFor(item, "publish", comment="签发")
    assert item.index_number is None
