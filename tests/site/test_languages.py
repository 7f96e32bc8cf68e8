"""Everything inside a language root folder carries its language
(zhengwu.site.languages): navigation, breadcrumbs and ``@search?Language=``
find what is made by scripts, over REST and by import; the 1006 → 1007 step
fixes a site built before."""

from plone import api
from plone.base.interfaces import ILanguage
from tests.helpers import body
from zhengwu.site import languages
import transaction


def _languages(portal, **query):
    catalog = portal.portal_catalog
    return {b.getPath(): b.Language for b in catalog.unrestrictedSearchResults(**query)}


def test_content_made_outside_a_request_gets_its_root_language(portal):
    """The test department is made by the layer's set-up, where
    plone.app.multilingual's own subscriber does not run."""
    dept = portal["zh-cn"]["dept"]
    assert ILanguage(dept).get_language() == "zh-cn"
    assert _languages(portal, UID=dept.UID()) == {"/".join(dept.getPhysicalPath()): "zh-cn"}


def test_a_folder_moved_to_another_root_takes_its_language(portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container=portal["zh-cn"], type="Folder", id="f", title="栏目")
        page = api.content.create(container=folder, type="Document", id="p", title="页面")
        assert page.Language() == "zh-cn"
        moved = api.content.move(source=folder, target=portal["en"])
    assert moved.Language() == "en"
    assert moved["p"].Language() == "en"
    assert set(_languages(portal, path="/".join(moved.getPhysicalPath())).values()) == {"en"}


def test_outside_a_language_root_nothing_is_set(portal):
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(container=portal, type="Document", id="root-page", title="p")
    assert page.Language() == ""


def test_a_news_item_made_over_rest_is_in_navigation_and_search(
    functional_portal, manager_request, anon_request
):
    # A section made by a script (as the command line and the demo make
    # them), then a news item in it over REST.
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=functional_portal["zh-cn"], type="Folder", id="news", title="新闻动态"
        )
    transaction.commit()
    made = manager_request.post(
        "/zh-cn/news", json={"@type": "News Item", "id": "kuaixun", "title": "政务快讯"}
    )
    assert made.status_code == 201
    assert made.json()["language"]["token"] == "zh-cn"

    navigation = manager_request.get(
        "/zh-cn/@navigation", params={"expand.navigation.depth": 2}
    ).json()
    sections = {item["title"]: item for item in navigation["items"]}
    assert [child["title"] for child in sections["新闻动态"]["items"]] == ["政务快讯"]

    found = manager_request.get(
        "/@search", params={"Language": "zh-cn", "portal_type": "News Item"}
    ).json()
    assert [item["title"] for item in found["items"]] == ["政务快讯"]
    assert (
        manager_request.get(
            "/@search", params={"Language": "en", "portal_type": "News Item"}
        ).json()["items_total"]
        == 0
    )

    crumbs = manager_request.get("/zh-cn/news/kuaixun/@breadcrumbs").json()
    assert [item["title"] for item in crumbs["items"]] == ["新闻动态", "政务快讯"]
    # Anonymous sees the published department in zh-cn's navigation too.
    departments = anon_request.get(
        "/@search", params={"Language": "zh-cn", "portal_type": "Department"}
    )
    assert "测试局" in body(departments)


def test_the_upgrade_step_fixes_a_site_built_before(portal, setup_tool):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=portal["zh-cn"], type="Folder", id="old", title="旧栏目"
        )
        news = api.content.create(container=folder, type="News Item", id="n", title="旧新闻")
    # A site built before: the command line left every language empty.
    for obj in (portal["zh-cn"]["dept"], folder, news):
        obj.language = ""
        obj.reindexObject(idxs=["Language"])
    path = "/".join(folder.getPhysicalPath())
    assert set(_languages(portal, path=path).values()) == {""}

    steps = [
        step
        for step in setup_tool.listUpgrades("zhengwu:default", show_old=True)
        if not isinstance(step, list) and step["title"] == "Languages of existing content"
    ]
    assert [(step["source"], step["dest"]) for step in steps] == [(("1006",), ("1007",))]
    steps[0]["step"].doStep(setup_tool)

    assert set(_languages(portal, path=path).values()) == {"zh-cn"}
    assert _languages(portal, UID=portal["zh-cn"]["dept"].UID()).popitem()[1] == "zh-cn"
    assert news.Language() == "zh-cn"
    # Run again, it changes nothing.
    assert languages.index_languages() == 0
    transaction.abort()
