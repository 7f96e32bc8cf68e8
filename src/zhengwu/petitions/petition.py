"""The Petition (留言). Fields follow DESIGN.md section 3.

Personal fields are read only with ``zhengwu: View petition personal data``,
which the petition workflow grants to the handlers of that petition alone
(never to Anonymous): plone.autoform leaves them out of forms, and
plone.restapi out of the JSON of anyone else, on every channel. The
submitter's own fields are written only at submission (Manager may
correct them); handlers set the category and the department, the
department writes the reply.
"""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zhengwu import _
from zhengwu.files import check_attachment
from zhengwu.site.department import check_email
from zhengwu.submissions.catalog import COMMON_INDEXES
from zhengwu.submissions.fields import check_id_number
from zhengwu.submissions.fields import check_phone
from zhengwu.submissions.privacy import ICitizenRecord
from zope import schema
from zope.interface import implementer


PERSONAL = ("submitter_name", "phone", "email", "id_number", "address", "attachments")
READ_PERSONAL = "zhengwu.ViewPetitionPersonalData"
EDIT_SUBMISSION = "zhengwu.EditPetitionSubmission"
HANDLE = "zhengwu.HandlePetitions"
REPLY = "zhengwu.ReplyToPetitions"


class IPetition(model.Schema):
    tracking_number = schema.TextLine(title=_("Tracking number"), required=False, readonly=True)
    category = schema.Choice(
        title=_("Category"), vocabulary="zhengwu.vocabularies.PetitionCategories"
    )
    title = schema.TextLine(title=_("Subject"), max_length=100)
    content = schema.Text(title=_("Message"), max_length=5000)

    model.fieldset(
        "submitter",
        label=_("Submitter"),
        fields=["submitter_name", "phone", "email", "id_number", "address", "attachments"],
    )
    submitter_name = schema.TextLine(title=_("Name"), max_length=50)
    phone = schema.TextLine(title=_("Phone"), max_length=30, constraint=check_phone)
    email = schema.TextLine(
        title=_("Email"), max_length=100, required=False, constraint=check_email
    )
    id_number = schema.TextLine(
        title=_("ID number"), max_length=20, required=False, constraint=check_id_number
    )
    address = schema.TextLine(title=_("Address"), max_length=200, required=False)
    attachments = schema.List(
        title=_("Attachments"),
        value_type=NamedBlobFile(constraint=check_attachment),
        required=False,
        default=[],
    )
    publish_consent = schema.Bool(
        title=_("I agree that my message and its reply may be published"),
        description=_("Your name and contact details are never published."),
        required=False,
        default=False,
    )

    model.fieldset(
        "handling",
        label=_("Handling"),
        fields=[
            "assigned_department",
            "received_date",
            "due_date",
            "reply",
            "replied_date",
            "reply_department",
            "satisfaction",
        ],
    )
    assigned_department = schema.Choice(
        title=_("Assigned department"),
        vocabulary="zhengwu.vocabularies.Departments",
        required=False,
    )
    received_date = schema.Date(title=_("Received on"), required=False, readonly=True)
    due_date = schema.Date(title=_("Reply due"), required=False, readonly=True)
    reply = schema.Text(title=_("Reply"), max_length=10000, required=False)
    replied_date = schema.Date(title=_("Replied on"), required=False, readonly=True)
    reply_department = schema.Choice(
        title=_("Replying department"),
        vocabulary="zhengwu.vocabularies.Departments",
        required=False,
        readonly=True,
    )
    satisfaction = schema.Choice(
        title=_("Satisfaction"),
        vocabulary="zhengwu.vocabularies.Satisfaction",
        required=False,
        readonly=True,
    )

    directives.read_permission(
        submitter_name=READ_PERSONAL,
        phone=READ_PERSONAL,
        email=READ_PERSONAL,
        id_number=READ_PERSONAL,
        address=READ_PERSONAL,
        attachments=READ_PERSONAL,
    )
    directives.write_permission(
        title=EDIT_SUBMISSION,
        content=EDIT_SUBMISSION,
        submitter_name=EDIT_SUBMISSION,
        phone=EDIT_SUBMISSION,
        email=EDIT_SUBMISSION,
        id_number=EDIT_SUBMISSION,
        address=EDIT_SUBMISSION,
        attachments=EDIT_SUBMISSION,
        publish_consent=EDIT_SUBMISSION,
        category=HANDLE,
        assigned_department=HANDLE,
        reply=REPLY,
    )


@implementer(IPetition, ICitizenRecord)
class Petition(Item):
    # The catalog indexes asked of a petition (zhengwu.submissions.catalog).
    catalog_indexes = (*COMMON_INDEXES, "petition_department", "petition_year")
    tracking_number = None
    received_date = None
    due_date = None
    due_provisional = False
    replied_date = None
    reply_department = None
    satisfaction = None
    query_code_hash = None
