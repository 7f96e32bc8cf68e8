"""Index numbers: assigned at first publication, unique, never changed, never reused."""

from datetime import date
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.helpers import PATH_TO
from zhengwu.disclosure import index_numbers
from zope.lifecycleevent import modified
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


def _through_the_reviews(obj, comment="修订"):
    for transition, userid in PATH_TO["published"]:
        with api.env.adopt_user(username=userid):
            api.content.transition(obj, transition=transition, comment=comment)


def _assert_number(item, number):
    assert item.index_number == number
    assert [b.UID for b in api.content.find(index_number=number)] == [item.UID()]


def test_unchanged_by_edit_withdrawal_move_and_organ_change(portal):
    catalog = make_catalog(portal)
    item = make_disclosure_item(catalog, "published")
    number = item.index_number
    assert re.fullmatch(rf"{CODE}/\d{{4}}-\d{{5}}", number)
    # no writer: the field is read-only in the schema
    from zhengwu.disclosure.item import IDisclosureItem

    assert IDisclosureItem["index_number"].readonly
    other = portal["zh-cn"]["dept2"]  # another organ, with another code

    # 1. The way the product edits a published item: a working copy changing
    # the title, the issuing organ, the written date (to another year) and the
    # document number, through the three reviews, checked in when published.
    with api.env.adopt_user(username="author"):
        wc = ICheckinCheckoutPolicy(item).checkout(catalog)
        wc.title = "关于做好2026年政务公开工作的通知（修订）"
        wc.issuing_organ = other.UID()
        wc.written_date = date(2025, 12, 30)
        wc.document_number = "示政办发〔2025〕9号"
        modified(wc)
    _through_the_reviews(wc)
    baseline = catalog[item.getId()]
    assert baseline.title == "关于做好2026年政务公开工作的通知（修订）"  # the edit went in
    assert baseline.issuing_organ == other.UID()
    assert baseline.written_date == date(2025, 12, 30)
    assert baseline.document_number == "示政办发〔2025〕9号"
    _assert_number(baseline, number)

    # 2. Changed in place by code (an upgrade step, a script), with the events
    # a form would fire: the same fields, and the catalog's organ.
    with api.env.adopt_roles(["Manager"]):
        catalog.organ = other.UID()
        modified(catalog)
        baseline.title = "关于做好2026年政务公开工作的通知（再次修订）"
        baseline.issuing_organ = portal["zh-cn"]["dept"].UID()
        baseline.written_date = date(2024, 5, 6)
        modified(baseline)
        baseline.reindexObject()
    _assert_number(baseline, number)

    # 3. Withdrawn, moved to another organ's catalog, and published again after
    # the three reviews.
    with api.env.adopt_user(username="chain_final"):
        api.content.transition(baseline, transition="withdraw", comment="内容过时")
    assert baseline.index_number == number
    with api.env.adopt_roles(["Manager"]):
        moved = api.content.move(source=baseline, target=make_catalog(portal, organ=other.UID()))
    _assert_number(moved, number)
    _through_the_reviews(moved, comment="重新发布")
    assert api.content.get_state(moved) == "published"
    _assert_number(moved, number)


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
