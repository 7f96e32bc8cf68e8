"""Disclosure catalogs and items for the tests."""

from datetime import date
from plone import api
from tests.helpers import PATH_TO
import itertools


_ids = itertools.count(1)


def make_catalog(portal, container=None, organ=None):
    dept = portal["zh-cn"]["dept"]
    with api.env.adopt_roles(["Manager"]):
        catalog = api.content.create(
            container=container if container is not None else dept,
            type="DisclosureCatalog",
            id=f"catalog-{next(_ids)}",
            title="政府信息公开目录",
            organ=organ or dept.UID(),
        )
        api.content.transition(catalog, transition="publish")
    return catalog


def make_disclosure_item(
    catalog, state="private", title="关于做好2026年政务公开工作的通知", **fields
):
    values = {
        "written_date": date(2026, 3, 2),
        "topic": "0201",
        "genre": "notice",
        "document_number": "示政办发〔2026〕3号",
    }
    values.update(fields)
    with api.env.adopt_user(username="author"):
        item = api.content.create(
            container=catalog,
            type="DisclosureItem",
            id=f"item-{next(_ids)}",
            title=title,
            **values,
        )
    for transition, userid in PATH_TO[state]:
        with api.env.adopt_user(username=userid):
            api.content.transition(item, transition=transition, comment="测试")
    return item
