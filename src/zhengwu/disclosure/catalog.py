"""The DisclosureCatalog (公开目录): the folder of one issuing organ's items.

It holds tens of thousands of items, so it is an unordered BTree folder:
adding an item does not rewrite an ordering list, and plone.restapi's
next/previous serializer does not walk one.
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from zhengwu import _
from zhengwu.site.department import enclosing_department
from zhengwu.submissions.catalog import quiet_while_adding
from zope import schema
from zope.interface import implementer


class IDisclosureCatalog(model.Schema):
    organ = schema.Choice(
        title=_("Organ"),
        description=_(
            "The department that keeps this catalog: its organization code "
            "prefixes the index numbers of the items published here."
        ),
        vocabulary="zhengwu.vocabularies.Departments",
        required=True,
        defaultFactory=enclosing_department,
    )


@implementer(IDisclosureCatalog)
class DisclosureCatalog(Container):
    _ordering = "unordered"
    # Adding a citizen's record is no change of the folder (submissions/catalog.py).
    reindexObject = quiet_while_adding(Container.reindexObject)
