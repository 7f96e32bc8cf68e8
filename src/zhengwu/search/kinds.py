"""What a search result is, in a citizen's words (文件, 解读, 办事, 互动,
新闻), which department it belongs to and its date: three catalog indexes
(``search_kind``, ``search_department``, ``search_date``) the search page
filters and counts by (docs/search.md).

The kind is decided from the portal type and the column type (栏目类型) of
the section the item lives in, in this order:

1. anything in a column of type ``interpretation`` (政策解读), a disclosure
   item or page named as another document's interpretation, or whose title
   says 解读: ``interpretation``;
2. the portal type: disclosure items are ``document``, service guides
   ``service``, petitions, mailboxes, consultations, interviews and surveys
   ``interaction``, news items and events ``news``;
3. the column type: news and notices (``news``, ``notice``) are ``news``,
   policy columns ``document``, service columns ``service``, interaction
   columns ``interaction``;
4. anything else (a plain page such as 联系我们): ``other``.

Only names and the shared rooms are read here: no domain is imported.
"""

from Acquisition import aq_base
from Acquisition import aq_chain
from plone.base.interfaces import IPloneSiteRoot
from plone.indexer import indexer
from zc.relation.interfaces import ICatalog
from zhengwu import _
from zhengwu.site.columns import column_type_of
from zope.component import queryUtility
from zope.interface import Interface
from zope.intid.interfaces import IIntIds


KINDS = (
    ("document", _("search_kind_document", default="文件")),
    ("interpretation", _("search_kind_interpretation", default="解读")),
    ("service", _("search_kind_service", default="办事")),
    ("interaction", _("search_kind_interaction", default="互动")),
    ("news", _("search_kind_news", default="新闻")),
    ("other", _("search_kind_other", default="其他")),
)
KIND_TITLES = dict(KINDS)

BY_TYPE = {
    "DisclosureItem": "document",
    "ServiceGuide": "service",
    "Petition": "interaction",
    "PetitionBox": "interaction",
    "DisclosureRequest": "interaction",
    "Consultation": "interaction",
    "Interview": "interaction",
    "EasyForm": "interaction",
    "News Item": "news",
    "Event": "news",
}
BY_COLUMN = {
    "news": "news",
    "notice": "news",
    "policy": "document",
    "interpretation": "interpretation",
    "service": "service",
    "interaction": "interaction",
}
# Types that may be an interpretation of a policy document.
READINGS = ("DisclosureItem", "Document", "News Item")
# The fields that name a department, as the domains' schemas call them:
# a disclosure item's organ, a guide's implementing agency, a petition's
# answering or assigned department, a consultation's or catalog's department.
DEPARTMENT_FIELDS = (
    "issuing_organ",
    "implementing_agency",
    "reply_department",
    "assigned_department",
    "department",
    "organ",
)


def is_interpretation_target(obj):
    """Whether another item names ``obj`` among its ``interpretations``."""
    intids = queryUtility(IIntIds)
    relations = queryUtility(ICatalog)
    if intids is None or relations is None:
        return False
    intid = intids.queryId(aq_base(obj))
    if intid is None:
        return False
    query = {"to_id": intid, "from_attribute": "interpretations"}
    return next(iter(relations.findRelations(query)), None) is not None


def kind_of(obj):
    portal_type = getattr(obj, "portal_type", None)
    column = column_type_of(obj)
    if column == "interpretation":
        return "interpretation"
    if portal_type in READINGS:
        title = getattr(aq_base(obj), "title", "") or ""
        if "解读" in title or is_interpretation_target(obj):
            return "interpretation"
    if portal_type in BY_TYPE:
        return BY_TYPE[portal_type]
    return BY_COLUMN.get(column, "other")


def _uid_like(value):
    return isinstance(value, str) and len(value) == 32 and value.isalnum()


def department_of(obj):
    """The UID of the department an item belongs to: a department field of
    its own or of a container (mailbox, catalog), else the department
    folder it lives in; None for the site's own pages."""
    for holder in aq_chain(obj):
        if IPloneSiteRoot.providedBy(holder):
            break
        if getattr(holder, "portal_type", None) == "Department":
            return holder.UID()
        base = aq_base(holder)
        for name in DEPARTMENT_FIELDS:
            value = getattr(base, name, None)
            if _uid_like(value):
                return value
    return None


def date_of(obj):
    """The date a reader knows the item by: its publication (effective)
    date, else its creation."""
    effective = getattr(aq_base(obj), "effective_date", None)
    return effective or obj.created()


@indexer(Interface)
def search_kind(obj):
    return kind_of(obj)


@indexer(Interface)
def search_department(obj):
    return department_of(obj)


@indexer(Interface)
def search_date(obj):
    return date_of(obj)


def interpretations_named(obj, event):
    """A document saved with interpretations: those items are 解读 now, and
    nothing else reindexes them (the relation is stored on the document)."""
    for relation in getattr(aq_base(obj), "interpretations", None) or ():
        target = None if relation.isBroken() else relation.to_object
        if target is not None:
            target.reindexObject(idxs=["search_kind"])
