"""One published page of every public type, for the page tests."""

from plone import api
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.guides.helpers import make_guide
from tests.helpers import make_item
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from tests.requests.helpers import make_catalog as make_request_catalog


def path(obj):
    """The path of ``obj`` below the portal, as the sessions want it."""
    return "/" + "/".join(obj.getPhysicalPath()[2:])


def build_pages(portal):
    """A dict of the objects: section, news, document, catalog, disclosure,
    guide, box, petition, draft (a private document by ``author``),
    draft_guide and draft_disclosure (private, by ``author``),
    request_catalog (with the request form)."""
    root = portal["zh-cn"]
    with api.env.adopt_roles(["Manager"]):
        section = api.content.create(
            container=root, type="Folder", id="xwzx", title="新闻中心", column_type="news"
        )
        api.content.transition(section, transition="publish")
    catalog = make_catalog(portal)
    box = make_box(portal)
    dept = root["dept"]
    return {
        "draft_guide": make_guide(dept, "private", title="个体工商户登记"),
        "draft_disclosure": make_disclosure_item(catalog, "private"),
        "section": section,
        "news": make_item(portal, "published", portal_type="News Item", title="示例市召开工作会议"),
        "document": make_item(portal, "published", title="机构职能"),
        "draft": make_item(portal, "private", title="草拟中的通知"),
        "catalog": catalog,
        "disclosure": make_disclosure_item(catalog, "published"),
        "guide": make_guide(dept, "published"),
        "box": box,
        "petition": make_petition(box, "published")[0],
        "request_catalog": make_request_catalog(portal),
    }
