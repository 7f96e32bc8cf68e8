"""What a result is (文件, 解读, 办事, 互动, 新闻, 其他), its department and
date, as the search page's indexes hold them; the upgrade step that adds
those indexes to an existing site."""

from plone import api
from Products.CMFCore.indexing import processQueue
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from tests.search.helpers import make_page
from z3c.relationfield import RelationValue
from zhengwu.search import kinds
from zhengwu.search import upgrades
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent


def indexed(obj, name):
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    rid = catalog.getrid("/".join(obj.getPhysicalPath()))
    return catalog._catalog.getIndex(name).getEntryForObject(rid)


def column(container, column_type):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=container, type="Folder", title=column_type, column_type=column_type
        )


def test_kinds(portal):
    dept = portal["zh-cn"]["dept"]
    catalog = make_catalog(portal)
    document = make_disclosure_item(catalog, title="关于公积金的通知")
    reading = make_disclosure_item(catalog, title="《公积金管理办法》政策解读")
    guide = make_guide(dept)
    news = make_page(dept, "新闻一则", state="private", portal_type="News Item")
    page = make_page(dept, "联系我们", state="private")
    in_readings = make_page(column(dept, "interpretation"), "图解", state="private")
    in_policies = make_page(column(dept, "policy"), "实施方案", state="private")
    in_notices = make_page(column(dept, "notice"), "停水通知", state="private")
    expected = {
        document: "document",
        reading: "interpretation",
        guide: "service",
        news: "news",
        page: "other",
        in_readings: "interpretation",
        in_policies: "document",
        in_notices: "news",
    }
    for obj, kind in expected.items():
        assert kinds.kind_of(obj) == kind, obj.title
        assert indexed(obj, "search_kind") == kind, obj.title


def test_an_interpretation_named_by_a_document(portal):
    catalog = make_catalog(portal)
    policy = make_disclosure_item(catalog, title="示例市养老服务条例")
    reading = make_disclosure_item(catalog, title="问答：养老服务补贴怎么领")
    assert kinds.kind_of(reading) == "document"
    policy.interpretations = [RelationValue(getUtility(IIntIds).getId(reading))]
    notify(ObjectModifiedEvent(policy))
    assert kinds.kind_of(reading) == "interpretation"
    assert indexed(reading, "search_kind") == "interpretation"


def test_departments(portal):
    dept, dept2 = portal["zh-cn"]["dept"], portal["zh-cn"]["dept2"]
    page = make_page(dept, "部门页面", state="private")
    catalog = make_catalog(portal)
    item = make_disclosure_item(catalog, issuing_organ=dept2.UID())
    assert kinds.department_of(page) == dept.UID()
    assert indexed(page, "search_department") == dept.UID()
    # an item's issuing organ (its catalog's organ by default) wins over where it lives
    assert kinds.department_of(item) == dept2.UID()
    assert kinds.department_of(portal["zh-cn"]) is None


def test_the_upgrade_adds_and_fills_the_indexes(portal):
    page = make_page(portal["zh-cn"]["dept"], "升级前的页面", state="private")
    catalog = api.portal.get_tool("portal_catalog")
    for name, _meta in upgrades.PAGE_INDEXES:
        catalog.delIndex(name)
    assert upgrades.add_page_indexes() == [name for name, _meta in upgrades.PAGE_INDEXES]
    assert indexed(page, "search_kind") == "other"
    assert indexed(page, "search_department") == portal["zh-cn"]["dept"].UID()
    assert indexed(page, "search_date")
    assert upgrades.add_page_indexes() == []
