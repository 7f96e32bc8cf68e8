"""The ServiceGuide (办事指南) after GB/T 39046-2020.

``item_name`` is the guide's title (``title`` reads and writes it, so
Plone's listings, catalog and short names work unchanged). Materials and
process steps are rows: small objects held in lists on the guide, edited in
one table (``widgets.RowsFieldWidget``) and sent over REST as lists of
objects. A material's blank form and sample are blob files of the guide.
"""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zhengwu import _
from zhengwu.files import check_attachment
from zhengwu.guides.validators import check_checked_date
from zhengwu.guides.validators import check_item_code
from zhengwu.guides.validators import check_phone
from zhengwu.guides.validators import check_url
from zhengwu.guides.widgets import RowsFieldWidget
from zhengwu.site.department import enclosing_department
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema.fieldproperty import FieldProperty


class IMaterial(Interface):
    """One row of 申请材料."""

    name = schema.TextLine(title=_("Material"), max_length=200)
    originals = schema.Int(title=_("Originals"), min=0, max=99, default=1)
    copies = schema.Int(title=_("Copies"), min=0, max=99, default=0)
    format = schema.Choice(
        title=_("Format"), vocabulary="zhengwu.vocabularies.MaterialFormats", default="paper"
    )
    required = schema.Bool(title=_("Mandatory"), default=True, required=False)
    source = schema.TextLine(
        title=_("Source"),
        description=_("Who issues it, such as 申请人自备 or 公安机关核发."),
        max_length=200,
        required=False,
    )
    blank_form = NamedBlobFile(title=_("Blank form"), required=False, constraint=check_attachment)
    sample = NamedBlobFile(title=_("Sample"), required=False, constraint=check_attachment)

    @invariant
    def something_to_bring(data):
        if data.format != "electronic" and not (data.originals or data.copies):
            raise Invalid(_("A paper material needs at least one original or one copy."))


class IProcessStep(Interface):
    """One step of 办理流程, in order."""

    title = schema.TextLine(title=_("Step"), max_length=200)
    description = schema.Text(title=_("What happens"), max_length=2000, required=False)


@implementer(IMaterial)
class Material:
    name = FieldProperty(IMaterial["name"])
    originals = FieldProperty(IMaterial["originals"])
    copies = FieldProperty(IMaterial["copies"])
    format = FieldProperty(IMaterial["format"])
    required = FieldProperty(IMaterial["required"])
    source = FieldProperty(IMaterial["source"])
    blank_form = FieldProperty(IMaterial["blank_form"])
    sample = FieldProperty(IMaterial["sample"])

    def __init__(self, **values):
        for name, value in values.items():
            setattr(self, name, value)


@implementer(IProcessStep)
class ProcessStep:
    title = FieldProperty(IProcessStep["title"])
    description = FieldProperty(IProcessStep["description"])

    def __init__(self, **values):
        for name, value in values.items():
            setattr(self, name, value)


# rows.build makes rows of these classes.
IMaterial.setTaggedValue("factory", Material)
IProcessStep.setTaggedValue("factory", ProcessStep)


class IServiceGuide(model.Schema):
    item_name = schema.TextLine(title=_("Item name"), max_length=200)
    item_code = schema.TextLine(
        title=_("Implementation code"),
        description=_("The item's code in the provincial list of government services (实施编码)."),
        required=False,
        constraint=check_item_code,
    )
    item_type = schema.Choice(
        title=_("Item type"), vocabulary="zhengwu.vocabularies.ServiceItemTypes"
    )
    # Not required: left empty, it is the enclosing department (events.guide_saved).
    implementing_agency = schema.Choice(
        title=_("Implementing agency"),
        description=_("Leave empty for the department the guide is in."),
        vocabulary="zhengwu.vocabularies.Departments",
        required=False,
        defaultFactory=enclosing_department,
    )
    service_object = schema.List(
        title=_("Service object"),
        value_type=schema.Choice(vocabulary="zhengwu.vocabularies.ServiceObjects"),
        min_length=1,
    )
    directives.widget("service_object", CheckBoxFieldWidget)
    themes = schema.List(
        title=_("Service themes"),
        description=_("The life or business events under which citizens look for this service."),
        value_type=schema.Choice(vocabulary="zhengwu.vocabularies.ServiceThemes"),
        required=False,
        default=[],
    )
    directives.widget("themes", CheckBoxFieldWidget)

    model.fieldset(
        "conditions", label=_("Basis and conditions"), fields=["legal_basis", "conditions"]
    )
    legal_basis = schema.Text(
        title=_("Legal basis"),
        description=_("The laws and regulations that establish the item (设定依据)."),
        required=False,
    )
    conditions = schema.Text(title=_("Conditions"), required=False)

    model.fieldset("materials", label=_("Materials"), fields=["materials"])
    materials = schema.List(
        title=_("Materials"),
        description=_(
            "What the applicant brings, one row each. A guide needs at least one "
            "material before it is submitted for review."
        ),
        value_type=schema.Object(schema=IMaterial),
        required=False,
        default=[],
    )
    directives.widget("materials", RowsFieldWidget)

    model.fieldset(
        "process",
        label=_("Process and time limits"),
        fields=[
            "process",
            "statutory_limit_days",
            "promised_limit_days",
            "visits_required",
            "online_url",
        ],
    )
    process = schema.List(
        title=_("Process"),
        description=_("The steps in order. At least one before the guide is submitted."),
        value_type=schema.Object(schema=IProcessStep),
        required=False,
        default=[],
    )
    directives.widget("process", RowsFieldWidget)
    statutory_limit_days = schema.Int(
        title=_("Statutory time limit (working days)"), min=0, max=3650, required=False
    )
    promised_limit_days = schema.Int(
        title=_("Promised time limit (working days)"),
        description=_("At most the statutory limit; 0 means on the spot (即办)."),
        min=0,
        max=3650,
        required=False,
    )
    visits_required = schema.Int(
        title=_("Visits required"),
        description=_("How many times the applicant comes in person (0 for fully online)."),
        min=0,
        max=9,
        required=False,
    )
    online_url = schema.TextLine(
        title=_("Online service address"), required=False, constraint=check_url
    )

    model.fieldset(
        "hall",
        label=_("Where and when"),
        fields=["location", "office_hours", "consult_phone", "complaint_phone"],
    )
    location = schema.Text(title=_("Location"), required=False)
    office_hours = schema.Text(title=_("Service hours"), required=False)
    consult_phone = schema.TextLine(
        title=_("Inquiry phone"), required=False, constraint=check_phone
    )
    complaint_phone = schema.TextLine(
        title=_("Complaint phone"), required=False, constraint=check_phone
    )

    model.fieldset("fees", label=_("Fees"), fields=["fee", "fee_basis"])
    fee = schema.Text(
        title=_("Fee"),
        description=_("The charge and how it is computed; write 不收费 when the service is free."),
        required=False,
    )
    fee_basis = schema.Text(
        title=_("Basis of the fee"),
        description=_("The document that sets the charge; not needed when free."),
        required=False,
    )

    model.fieldset("more", label=_("Questions and review"), fields=["faq", "last_reviewed"])
    faq = schema.Text(title=_("Frequently asked questions"), required=False)
    last_reviewed = schema.Date(
        title=_("Last checked"),
        description=_(
            "When the department last checked that the guide is still correct; "
            "set on each publication."
        ),
        required=False,
        constraint=check_checked_date,
    )

    @invariant
    def promise_within_law(data):
        statutory = getattr(data, "statutory_limit_days", None)
        promised = getattr(data, "promised_limit_days", None)
        if statutory is not None and promised is not None and promised > statutory:
            raise Invalid(
                _("The promised time limit cannot be longer than the statutory time limit.")
            )


@implementer(IServiceGuide)
class ServiceGuide(Item):
    materials = ()
    process = ()

    # The item name is the title everywhere Plone looks for one.
    @property
    def title(self):
        return self.__dict__.get("item_name") or ""

    @title.setter
    def title(self, value):
        self.item_name = value
