"""Column types (栏目类型): a behavior on the folderish sections of a site.

The national inspection indicators judge a site by its columns: news columns
must move every two weeks, notices and policies every half year, no column may
stand empty. Site supervision reads ``column_type`` and ``freshness_days`` from
the catalog; the ``ColumnType`` page tag reads them from the section a page
lives in. Both theme and supervision import this module: it is a shared room.
"""

from plone import api
from plone.autoform.interfaces import IFormFieldProvider
from plone.base.interfaces import INavigationRoot
from plone.base.interfaces import IPloneSiteRoot
from plone.indexer import indexer
from plone.supermodel import model
from zhengwu import _
from zope import schema
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# id, title: the column types of the 2019 inspection indicators.
COLUMN_TYPES = (
    ("news", _("column_type_news", default="News (动态要闻)")),
    ("notice", _("column_type_notice", default="Notices (通知公告)")),
    ("policy", _("column_type_policy", default="Policy documents (政策文件)")),
    ("interpretation", _("column_type_interpretation", default="Policy interpretation (政策解读)")),
    ("service", _("column_type_service", default="Services (办事服务)")),
    ("interaction", _("column_type_interaction", default="Interaction (互动交流)")),
    ("topic", _("column_type_topic", default="Special topics (专题专栏)")),
    ("other", _("column_type_other", default="Other (其他)")),
)
COLUMN_TYPE_IDS = tuple(value for value, _title in COLUMN_TYPES)


@provider(IVocabularyFactory)
def column_types_vocabulary(context):
    """``zhengwu.vocabularies.ColumnTypes``."""
    return SimpleVocabulary(
        [SimpleTerm(value=value, token=value, title=title) for value, title in COLUMN_TYPES]
    )


@provider(IFormFieldProvider)
class IColumnType(model.Schema):
    """The behavior ``zhengwu.column_type``."""

    model.fieldset(
        "settings",
        label=_("Settings"),
        fields=["column_type", "freshness_days"],
    )

    column_type = schema.Choice(
        title=_("Column type"),
        description=_(
            "What the column publishes. Site supervision checks each column "
            "against the update interval of its type."
        ),
        vocabulary="zhengwu.vocabularies.ColumnTypes",
        required=False,
    )

    freshness_days = schema.Int(
        title=_("Update interval (days)"),
        description=_(
            "Overrides the interval of the column type: the column counts as "
            "stale when nothing was published in it for longer."
        ),
        required=False,
        min=1,
        max=3660,
    )


@indexer(IColumnType)
def column_type_indexer(obj):
    return getattr(obj, "column_type", None) or None


@indexer(IColumnType)
def freshness_days_indexer(obj):
    """A metadata column: supervision reads each column's interval from its
    brain, without loading the folder."""
    return getattr(obj, "freshness_days", None) or None


def column_of(context):
    """The column (栏目) ``context`` lives in: the topmost folderish section
    below the navigation root (the language folder or the site), or None for
    the navigation root itself."""
    chain = []
    obj = context
    while obj is not None and not IPloneSiteRoot.providedBy(obj):
        if INavigationRoot.providedBy(obj):
            break
        chain.append(obj)
        obj = getattr(obj, "__parent__", None)
    return chain[-1] if chain else None


def column_type_of(context):
    """The ``column_type`` of the nearest section at or above ``context``
    that has one, up to the navigation root; None if none does."""
    obj = context
    while obj is not None and not IPloneSiteRoot.providedBy(obj):
        value = getattr(obj.aq_base if hasattr(obj, "aq_base") else obj, "column_type", None)
        if value:
            return value
        if INavigationRoot.providedBy(obj):
            break
        obj = getattr(obj, "__parent__", None)
    return None


def columns(context=None):
    """Brains of every section that has a column type, in the whole site."""
    return api.content.find(context=context or api.portal.get(), column_type=COLUMN_TYPE_IDS)
