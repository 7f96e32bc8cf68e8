"""The PetitionBox (信箱): a mailbox such as 市长信箱 or a department's, run
by one department whose petition handlers accept, assign and approve what
arrives. Unordered BTree folder: a busy box holds tens of thousands."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zhengwu import _
from zhengwu.site.department import enclosing_department
from zhengwu.submissions.catalog import quiet_while_adding
from zope import schema
from zope.interface import implementer


class IPetitionBox(model.Schema):
    department = schema.Choice(
        title=_("Department"),
        description=_("Its petition handlers handle what arrives in this mailbox."),
        vocabulary="zhengwu.vocabularies.Departments",
        defaultFactory=enclosing_department,
    )
    reply_limit_days = schema.Int(
        title=_("Reply within (working days)"),
        description=_("The deadline of every message, counted on the official calendar."),
        min=1,
        max=60,
        default=10,
    )
    anonymous_submission = schema.Bool(
        title=_("Open to the public"),
        description=_("Anyone may write to this mailbox without an account."),
        default=True,
        required=False,
    )
    intro = schema.Text(
        title=_("Notice to writers"),
        description=_("Shown above the form: what this mailbox is for, and what it is not for."),
        required=False,
    )


@implementer(IPetitionBox)
class PetitionBox(Container):
    _ordering = "unordered"
    # Adding a citizen's record is no change of the folder (submissions/catalog.py).
    reindexObject = quiet_while_adding(Container.reindexObject)
