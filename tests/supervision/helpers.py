"""Sites with columns of every type and content of known age, for the
indicators' tests."""

from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from plone import api
from zhengwu import clock
from zhengwu.supervision import indicators
import itertools


_ids = itertools.count(1)


def day(age):
    """The product's today minus ``age`` days."""
    return clock.today() - timedelta(days=age)


def zope_time(age):
    """A Zope ``DateTime`` ``age`` days before the product's today, at 10:00
    in China. Zope stamps run on the machine's clock (docs/development.md):
    the dates set here lie in the past of both clocks."""
    when = day(age)
    return DateTime(datetime(when.year, when.month, when.day, 10, 0, tzinfo=clock.CHINA))


def column(container, column_type, portal_type="Folder", freshness_days=None, title=None, **fields):
    """A published section of ``column_type``."""
    with api.env.adopt_roles(["Manager"]):
        section = api.content.create(
            container=container,
            type=portal_type,
            id=f"column-{next(_ids)}",
            title=title or f"栏目 {column_type}",
            column_type=column_type,
            freshness_days=freshness_days,
            **fields,
        )
        api.content.transition(section, transition="publish")
    return section


def published(container, age, portal_type="News Item", title="本市召开政务公开工作会议", **fields):
    """An item put online ``age`` days ago, the way a bulk import does it
    (created, its workflow status set, its effective date given)."""
    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(
            container=container,
            type=portal_type,
            id=f"item-{next(_ids)}",
            title=title,
            **fields,
        )
    set_state(item, "published")
    item.setEffectiveDate(zope_time(age))
    item.reindexObject()
    return item


def set_state(item, state):
    wf = api.portal.get_tool("portal_workflow")
    (chain,) = wf.getChainFor(item)
    wf.setStatusOf(
        chain,
        item,
        {
            "review_state": state,
            "action": None,
            "actor": "admin",
            "time": DateTime(),
            "comments": "",
        },
    )
    wf.getWorkflowById(chain).updateRoleMappingsFor(item)
    item.reindexObject()


def health(root=None):
    """``compute`` of the site (or ``root``), indicators by id."""
    data = indicators.compute(root if root is not None else api.portal.get())
    return data, {i["id"]: i for i in data["indicators"]}


def fresh_news(portal, age=1):
    """A news column updated ``age`` days ago: the home page is fresh."""
    news = column(portal["zh-cn"], "news")
    published(news, age)
    return news
