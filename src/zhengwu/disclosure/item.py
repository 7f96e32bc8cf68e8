"""The DisclosureItem (公开信息): one entry of the disclosure catalog.

``index_number`` is read-only in the schema: no form, REST call or working
copy writes it (plone.app.iterate skips read-only fields both ways); only
``index_numbers.assign`` does, once. ``publication_date`` is the effective
date set when the item is first published.
"""

from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zhengwu import _
from zhengwu.clock import CHINA
from zhengwu.disclosure.catalog import enclosing_department
from zhengwu.disclosure.genres import SUPERSEDED
from zhengwu.disclosure.validators import check_document_number
from zhengwu.disclosure.validators import check_not_future
from zhengwu.files import check_attachment
from zope import schema
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory


RELATED_ITEMS_OPTIONS = {
    "selectableTypes": ["DisclosureItem"],
    "basePath": "",
    "recentlyUsed": True,
}


@provider(IContextAwareDefaultFactory)
def catalog_organ(context):
    """A new item is issued by its catalog's organ unless the editor says otherwise."""
    return getattr(context, "organ", None) or enclosing_department(context)


class IDisclosureItem(model.Schema):
    index_number = schema.TextLine(
        title=_("Index number"),
        description=_("Assigned when the item is first published; never changes."),
        required=False,
        readonly=True,
    )

    # Not required: left empty, it is the catalog's organ (events.item_saved).
    issuing_organ = schema.Choice(
        title=_("Issuing organ"),
        description=_("Leave empty for the organ of the catalog."),
        vocabulary="zhengwu.vocabularies.Departments",
        required=False,
        defaultFactory=catalog_organ,
    )

    document_number = schema.TextLine(
        title=_("Document number"),
        description=_("As printed on the document, such as 示政发〔2026〕12号."),
        required=False,
        constraint=check_document_number,
    )

    written_date = schema.Date(
        title=_("Date written"),
        description=_("The date on the document (成文日期)."),
        required=True,
        constraint=check_not_future,
    )

    publication_date = schema.Date(
        title=_("Publication date"),
        description=_("Set when the item is first published."),
        required=False,
        readonly=True,
    )

    topic = schema.Choice(
        title=_("Subject category"),
        description=_("The State Council subject classification (主题分类)."),
        vocabulary="zhengwu.vocabularies.DisclosureTopics",
        required=True,
    )

    genre = schema.Choice(
        title=_("Document genre"),
        vocabulary="zhengwu.vocabularies.DocumentGenres",
        required=True,
    )

    document_kind = schema.Choice(
        title=_("Normative document"),
        description=_(
            "A rule (规章) or an administrative normative document (行政规范性文件): "
            "the annual report counts those issued, repealed and in force."
        ),
        vocabulary="zhengwu.vocabularies.DocumentKinds",
        required=False,
    )

    model.fieldset(
        "validity",
        label=_("Validity and relations"),
        fields=["validity", "validity_date", "superseded_by", "interpretations"],
    )

    validity = schema.Choice(
        title=_("Validity"),
        vocabulary="zhengwu.vocabularies.Validity",
        required=True,
        default="valid",
    )

    validity_date = schema.Date(
        title=_("Validity changed on"),
        description=_("The date the document was amended, repealed or expired."),
        required=False,
    )

    superseded_by = RelationChoice(
        title=_("Superseded by"),
        description=_("The document that amends or repeals this one."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "superseded_by",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options=dict(RELATED_ITEMS_OPTIONS, maximumSelectionSize=1),
    )

    interpretations = RelationList(
        title=_("Policy interpretations"),
        description=_("The items that interpret this document (解读关联); they link back here."),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
    )
    directives.widget(
        "interpretations",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options=RELATED_ITEMS_OPTIONS,
    )

    model.fieldset("attachments", label=_("Attachments"), fields=["attachments"])

    attachments = schema.List(
        title=_("Attachments"),
        description=_("PDF, OFD, Word, Excel, ZIP or images, at most 50 MB each."),
        value_type=NamedBlobFile(constraint=check_attachment),
        required=False,
        default=[],
    )

    @invariant
    def validity_complete(data):
        validity = getattr(data, "validity", "valid")
        if validity and validity != "valid":
            if not getattr(data, "validity_date", None):
                raise Invalid(_("Give the date the document was amended, repealed or expired."))
            if validity in SUPERSEDED and not getattr(data, "superseded_by", None):
                raise Invalid(
                    _("An amended or repealed document must name the document that supersedes it.")
                )


# Translations share their original's index number (DESIGN.md section 3).
alsoProvides(IDisclosureItem["index_number"], ILanguageIndependentField)


@implementer(IDisclosureItem)
class DisclosureItem(Item):
    index_number = None

    @property
    def publication_date(self):
        effective = self.effective_date
        if effective is None:
            return None
        return effective.asdatetime().astimezone(CHINA).date()
