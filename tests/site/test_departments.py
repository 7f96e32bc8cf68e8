"""Departments: an organization record and one group per role."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zhengwu.site.department_groups import department_groups
from zhengwu.site.roles import DEPARTMENT_GROUPS
from zope.schema import getValidationErrors
import pytest


@pytest.fixture
def departments(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    folder = api.content.create(container=portal, type="Folder", id="departments", title="部门")
    return folder


def make(folder, dept_id="fgw", title="示例市发展和改革委员会", code="11999900MB0000020J"):
    return api.content.create(
        container=folder, type="Department", id=dept_id, title=title, organization_code=code
    )


def test_department_gets_one_group_per_role(departments):
    dept = make(departments)
    groups = department_groups(dept)
    assert set(groups) == {suffix for suffix, _roles, _title in DEPARTMENT_GROUPS}
    for suffix, roles, _title in DEPARTMENT_GROUPS:
        group = api.group.get(groupname=groups[suffix])
        assert group is not None
        assert "示例市发展和改革委员会" in group.getProperty("title")
        assert set(dept.get_local_roles_for_userid(groups[suffix])) == set(roles)


def test_group_roles_apply_to_members_inside_the_department(departments):
    dept = make(departments)
    api.user.create(username="lixin", email="li@example.gov.cn", password="secret-12345")
    api.group.add_user(groupname=department_groups(dept)["first-reviewers"], username="lixin")
    page = api.content.create(container=dept, type="Document", id="p", title="通知")
    assert "FirstReviewer" in api.user.get_roles(username="lixin", obj=page)
    assert "FirstReviewer" not in api.user.get_roles(username="lixin", obj=departments)


def test_group_ids_are_unique_across_departments(departments):
    other = api.content.create(container=departments, type="Folder", id="sub", title="下级")
    first = make(departments)
    second = make(other, dept_id="fgw", title="区发展和改革委员会", code="11999900MB0000030K")
    assert set(department_groups(first).values()).isdisjoint(department_groups(second).values())


def test_deleting_a_department_deletes_its_groups(departments):
    dept = make(departments)
    ids = list(department_groups(dept).values())
    api.content.delete(dept)
    assert all(api.group.get(groupname=gid) is None for gid in ids)


def test_renaming_keeps_the_groups(departments):
    dept = make(departments)
    before = department_groups(dept)
    dept = api.content.rename(dept, new_id="drc")
    assert department_groups(dept) == before
    assert all(api.group.get(groupname=gid) is not None for gid in before.values())


def test_a_copy_gets_groups_of_its_own(departments):
    dept = make(departments)
    original = department_groups(dept)
    copy = api.content.copy(source=dept, target=departments, id="fgw-copy")
    copied = department_groups(copy)
    assert set(copied.values()).isdisjoint(original.values())
    # the original's groups hold no roles on the copy
    for gid in original.values():
        assert not copy.get_local_roles_for_userid(gid)


def test_departments_vocabulary(departments):
    from zope.component import getUtility
    from zope.schema.interfaces import IVocabularyFactory

    dept = make(departments)
    vocabulary = getUtility(IVocabularyFactory, "zhengwu.vocabularies.Departments")(departments)
    term = vocabulary.getTerm(dept.UID())
    assert term.title == "示例市发展和改革委员会"


@pytest.mark.parametrize(
    "field, value",
    [
        ("organization_code", "91350100M000100Y44"),
        ("phone", "12"),
        ("postal_code", "99900"),
        ("email", "not-an-address"),
    ],
)
def test_bad_organization_record_is_refused(field, value):
    from zhengwu.site.department import IDepartment

    class Record:
        organization_code = "11999900MB0000020J"
        short_name = address = postal_code = phone = fax = email = office_hours = None

    record = Record()
    setattr(record, field, value)
    errors = dict(getValidationErrors(IDepartment, record))
    assert field in errors
    assert errors[field].doc()  # a readable sentence, not "Constraint not satisfied"


def test_only_administrators_add_departments(departments):
    api.user.create(
        username="newcomer", email="e@example.gov.cn", password="secret-12345", roles=["Member"]
    )
    api.user.grant_roles(username="newcomer", obj=departments, roles=["Contributor", "Editor"])
    with api.env.adopt_user(username="newcomer"):
        allowed = [fti.getId() for fti in departments.allowedContentTypes()]
    assert "Document" in allowed
    assert "Department" not in allowed


def test_a_translation_shares_the_groups(portal):
    from plone.app.multilingual.api import translate

    setRoles(portal, TEST_USER_ID, ["Manager"])
    dept = make(portal["zh-cn"])
    english = translate(dept, "en")
    assert department_groups(english) == department_groups(dept)
    for suffix, roles, _title in DEPARTMENT_GROUPS:
        gid = department_groups(dept)[suffix]
        assert set(english.get_local_roles_for_userid(gid)) == set(roles)
    api.content.delete(english)
    # the Chinese department still uses them
    assert all(api.group.get(groupname=gid) is not None for gid in department_groups(dept).values())
