"""The Opinion (意见): one comment on a consultation, sent by anyone while
it is open (``opinion_submission.py``), private until a handler of the
drafting department publishes it (``zhengwu_opinion_workflow``).

``contact`` is read only with ``zhengwu: View opinion contact``, which the
workflow grants to the drafting department's petition handlers and
Managers alone, in every state: plone.autoform leaves it out of forms and
plone.restapi out of everyone else's JSON; the indexers never read it. The
name is optional and shown with the opinion once published (the form
says so). Nobody edits an opinion after it arrived but a Manager.
"""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zhengwu import _
from zhengwu.participation.consultation_sections import sections_source
from zhengwu.submissions.catalog import COMMON_INDEXES
from zhengwu.submissions.privacy import ICitizenRecord
from zope import schema
from zope.interface import implementer


PREFIX = "YJ"  # 意见
PERSONAL = ("contact",)
READ_CONTACT = "zhengwu.ViewOpinionContact"
MODERATE = "zhengwu.ModerateOpinions"
EDIT = "cmf.ManagePortal"


class IOpinion(model.Schema):
    tracking_number = schema.TextLine(title=_("Opinion number"), required=False, readonly=True)
    section = schema.Choice(
        title=_("Section of the draft"),
        description=_("Leave empty for an opinion on the draft as a whole."),
        source=sections_source,
        required=False,
    )
    text = schema.Text(title=_("Your opinion"), max_length=5000)
    author_name = schema.TextLine(
        title=_("Name (optional)"),
        description=_("Shown with your opinion if it is published."),
        max_length=50,
        required=False,
    )
    contact = schema.TextLine(
        title=_("Phone or email (optional)"),
        description=_(
            "Only the drafting department's handlers see it, to ask you about your opinion."
        ),
        max_length=100,
        required=False,
    )
    received_date = schema.Date(title=_("Received on"), required=False, readonly=True)

    directives.read_permission(contact=READ_CONTACT)
    directives.write_permission(section=EDIT, text=EDIT, author_name=EDIT, contact=EDIT)


@implementer(IOpinion, ICitizenRecord)
class Opinion(Item):
    # The catalog indexes asked of an opinion (zhengwu.submissions.catalog).
    catalog_indexes = COMMON_INDEXES
    tracking_number = None
    received_date = None
    section = None
    author_name = None
    contact = None

    def Title(self):
        # Never the citizen's words: listings, the audit log and
        # breadcrumbs show the number.
        return self.tracking_number or self.getId()

    def Description(self):
        return ""
