"""The DisclosureRequest (依申请公开申请). Fields follow DESIGN.md section 3.

A request is never public: its workflow lets only the disclosure officers
of the organ it was addressed to, and administrators, view it. The
applicant's fields are read only with ``zhengwu: View disclosure request
personal data`` as a second lock (plone.autoform leaves them out of forms,
plone.restapi out of the JSON of anyone else). The applicant's own fields
are written at submission only (Manager may correct them); officers write
the outcome, its reason, the reply and the files provided.
"""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zhengwu import _
from zhengwu.files import check_attachment
from zhengwu.requests.kinds import REASONS
from zhengwu.site.department import check_email
from zhengwu.site.department import check_organization_code
from zhengwu.submissions.catalog import COMMON_INDEXES
from zhengwu.submissions.fields import check_id_number
from zhengwu.submissions.fields import check_phone
from zhengwu.submissions.privacy import ICitizenRecord
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


PERSONAL = (
    "applicant_name",
    "id_type",
    "id_number",
    "organization_name",
    "credit_code",
    "phone",
    "email",
    "address",
    "attachments",
)
# What the applicant gives about themselves, in the form's order.
APPLICANT_FIELDS = ("applicant_type", "organization_type", *PERSONAL)
READ_PERSONAL = "zhengwu.ViewRequestPersonalData"
PERSONAL_DATA = "zhengwu: View disclosure request personal data"  # its title, for checks
EDIT_SUBMISSION = "zhengwu.EditRequestSubmission"
HANDLE = "zhengwu.HandleDisclosureRequests"


class IDisclosureRequest(model.Schema):
    tracking_number = schema.TextLine(title=_("Tracking number"), required=False, readonly=True)
    requested_information = schema.Text(
        title=_("Information requested"),
        description=_(
            "The title or document number of the information, or a description "
            "precise enough for the office to find it."
        ),
        max_length=5000,
    )
    delivery_form = schema.Choice(
        title=_("How you wish to receive it"),
        vocabulary="zhengwu.vocabularies.DeliveryForms",
    )

    model.fieldset(
        "applicant",
        label=_("Applicant"),
        fields=list(APPLICANT_FIELDS),
    )
    applicant_type = schema.Choice(
        title=_("Applicant"), vocabulary="zhengwu.vocabularies.ApplicantTypes"
    )
    organization_type = schema.Choice(
        title=_("Kind of organization"),
        vocabulary="zhengwu.vocabularies.OrganizationTypes",
        required=False,
    )
    applicant_name = schema.TextLine(
        title=_("Name"),
        description=_("For an organization: its contact person."),
        max_length=50,
    )
    id_type = schema.Choice(
        title=_("Identity document"),
        vocabulary="zhengwu.vocabularies.IdentityDocuments",
        required=False,
    )
    id_number = schema.TextLine(
        title=_("ID document number"), max_length=20, required=False, constraint=check_id_number
    )
    organization_name = schema.TextLine(
        title=_("Organization name"), max_length=100, required=False
    )
    credit_code = schema.TextLine(
        title=_("Unified social credit code"),
        max_length=18,
        required=False,
        constraint=check_organization_code,
    )
    phone = schema.TextLine(title=_("Phone"), max_length=30, constraint=check_phone)
    email = schema.TextLine(
        title=_("Email"), max_length=100, required=False, constraint=check_email
    )
    address = schema.TextLine(title=_("Postal address"), max_length=200, required=False)
    attachments = schema.List(
        title=_("Proof of identity"),
        description=_("A scan or photo of the identity document or business licence."),
        value_type=NamedBlobFile(constraint=check_attachment),
        required=False,
        default=[],
    )

    model.fieldset(
        "handling",
        label=_("Handling"),
        fields=[
            "received_date",
            "due_date",
            "extended_on",
            "correction",
            "outcome",
            "outcome_reason",
            "reply",
            "reply_attachments",
            "answered_date",
        ],
    )
    received_date = schema.Date(title=_("Received on"), required=False, readonly=True)
    due_date = schema.Date(title=_("Answer due"), required=False, readonly=True)
    extended_on = schema.Date(title=_("Extended on"), required=False, readonly=True)
    correction = schema.Text(
        title=_("Correction from the applicant"), required=False, readonly=True
    )
    outcome = schema.Choice(
        title=_("Outcome"), vocabulary="zhengwu.vocabularies.RequestOutcomes", required=False
    )
    outcome_reason = schema.Choice(
        title=_("Reason"),
        description=_(
            "Required for every outcome but full disclosure; for partial "
            "disclosure, why the rest is withheld."
        ),
        vocabulary="zhengwu.vocabularies.RequestOutcomeReasons",
        required=False,
    )
    reply = schema.Text(
        title=_("Reply"),
        description=_("What the answer letter says besides its standard text."),
        max_length=10000,
        required=False,
    )
    reply_attachments = schema.List(
        title=_("Information provided"),
        description=_("Files given to the applicant with the answer."),
        value_type=NamedBlobFile(constraint=check_attachment),
        required=False,
        default=[],
    )
    answered_date = schema.Date(title=_("Answered on"), required=False, readonly=True)

    directives.read_permission(**dict.fromkeys(PERSONAL, READ_PERSONAL))
    directives.write_permission(
        requested_information=EDIT_SUBMISSION,
        delivery_form=EDIT_SUBMISSION,
        applicant_type=EDIT_SUBMISSION,
        organization_type=EDIT_SUBMISSION,
        **dict.fromkeys(PERSONAL, EDIT_SUBMISSION),
        outcome=HANDLE,
        outcome_reason=HANDLE,
        reply=HANDLE,
        reply_attachments=HANDLE,
    )

    @invariant
    def reason_fits_outcome(data):
        outcome = getattr(data, "outcome", None)
        reason = getattr(data, "outcome_reason", None)
        if outcome and reason and reason not in dict(REASONS[outcome]):
            raise Invalid(_("This reason does not belong to the chosen outcome."))


@implementer(IDisclosureRequest, ICitizenRecord)
class DisclosureRequest(Item):
    # The catalog indexes asked of a request (zhengwu.submissions.catalog).
    catalog_indexes = (*COMMON_INDEXES, "request_organ")
    tracking_number = None
    organ = None  # UID of the department the request was addressed to
    query_code_hash = None
    received_date = None
    due_date = None
    due_provisional = False
    clock_start = None  # receipt, or the day the correction arrived
    paused_days = 0  # working days spent consulting third parties
    consult_start = None
    extended_on = None
    extension_days = 0
    correction_requested_on = None
    correction_due = None
    correction = None
    correction_received_date = None
    answered_date = None
