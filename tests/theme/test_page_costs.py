"""What keeps an anonymous page cheap (docs/benchmarks.md, uncached pages)
without changing what it shows: the bundles' tags and SVG icons kept per
process, the departments' titles per committed state of the catalog."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from Products.CMFPlone.browser.icons import IconsView
from Products.CMFPlone.resources.browser.resource import REQUEST_CACHE_KEY
from Products.CMFPlone.resources.browser.resource import ScriptsView
from Products.CMFPlone.resources.browser.resource import StylesView
from Products.CMFPlone.resources.browser.resource import update_resource_registry_mtime
from zhengwu.site.department import organ_title
from zhengwu.site.department import organ_titles
from zhengwu.theme import resources
from zhengwu.theme.icons import CachedIconsView
from zope.component import getMultiAdapter
import transaction


def tags(portal, kind):
    """A viewlet's tags, on a request as fresh as a new one (Plone's viewlets
    keep their tags on the request)."""
    request = portal.REQUEST
    if hasattr(request, REQUEST_CACHE_KEY):
        delattr(request, REQUEST_CACHE_KEY)
    view = getMultiAdapter((portal, request), name="plone")
    viewlet = kind(portal, request, view, None)
    viewlet.update()
    return viewlet.render()


def test_the_kept_bundle_tags_are_plones(portal):
    resources._rendered.clear()
    for ours, plones in (
        (resources.CachedScriptsView, ScriptsView),
        (resources.CachedStylesView, StylesView),
    ):
        first = tags(portal, ours)
        assert resources._rendered
        assert first == tags(portal, ours) == tags(portal, plones)
        assert "zhengwu" in first


def test_a_changed_bundle_shows_at_once(portal):
    assert "toolbar.css" in tags(portal, resources.CachedStylesView)
    api.portal.set_registry_record("plone.bundles/zhengwu-access.enabled", False)
    update_resource_registry_mtime()  # what every registry import and the panel do
    styles = tags(portal, resources.CachedStylesView)
    assert "toolbar.css" not in styles
    assert styles == tags(portal, StylesView)


def test_kept_icon_tags_are_plones(portal):
    ours = CachedIconsView(portal, portal.REQUEST)
    for _ in range(2):
        tag = ours.tag("contenttype/disclosureitem", tag_class="icon-x", tag_alt="文件")
        assert tag.startswith("<svg") and "icon-x" in tag and "&#25991;&#20214;" in tag  # 文件
    assert tag == IconsView(portal, portal.REQUEST).tag(
        "contenttype/disclosureitem", "icon-x", "文件"
    )


def test_departments_titles_follow_the_catalog(functional_portal):
    portal = functional_portal
    setRoles(portal, TEST_USER_ID, ["Manager"])
    dept = api.content.create(
        container=portal["zh-cn"],
        type="Department",
        id="costs-dept",
        title="测试局",
        organization_code="11999900MB0000010H",
    )
    transaction.commit()
    uid = dept.UID()
    assert organ_title(uid) == "测试局"
    assert organ_titles()[uid] == "测试局"
    dept.title = "改名局"
    dept.reindexObject()
    assert organ_title(uid) == "改名局"  # changed in this transaction: read afresh
    transaction.commit()
    assert organ_title(uid) == "改名局"
    api.content.delete(dept)
    transaction.commit()
    assert organ_title(uid) is None and uid not in organ_titles()
