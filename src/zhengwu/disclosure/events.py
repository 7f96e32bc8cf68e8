"""What happens to disclosure items and catalogs around their life events."""

from DateTime import DateTime
from plone.app.iterate.interfaces import IWorkingCopy
from plone.base.interfaces.syndication import IFeedSettings
from Products.CMFCore.WorkflowCore import WorkflowException
from zhengwu import _
from zhengwu.disclosure import index_numbers
from zhengwu.disclosure.item import catalog_organ
from zhengwu.i18n import translated


def _publishing(event):
    return event.transition is not None and event.transition.getId() == "publish"


def before_transition(item, event):
    """Refuse to publish an item that could not get an index number."""
    if not _publishing(event) or IWorkingCopy.providedBy(item) or item.index_number:
        return
    if index_numbers.organ_code(item) is None:
        raise WorkflowException(
            translated(
                _(
                    "This item cannot be published: the organ of its catalog has no "
                    "organization code to prefix its index number."
                )
            )
        )


def after_transition(item, event):
    """First publication: the publication date and the index number.

    A working copy is published by checking it in; its baseline keeps the
    number and the date it already has.
    """
    if not _publishing(event) or IWorkingCopy.providedBy(item):
        return
    if item.effective_date is None:
        item.setEffectiveDate(DateTime())
    index_numbers.assign(item)
    item.reindexObject()  # number, publication date and year, full text


def item_saved(item, event):
    """Store the issuing organ a form, script or REST client left empty: a
    default computed later from an unwrapped object could not find the catalog."""
    if not item.__dict__.get("issuing_organ"):
        item.issuing_organ = catalog_organ(item)


def copied(item, event):
    """A copy is a new document: it gets its own number when published."""
    item.index_number = None


def catalog_added(catalog, event):
    """Every catalog has its RSS and Atom feeds (Plone's syndication)."""
    settings = IFeedSettings(catalog, None)
    if settings is not None:
        settings.enabled = True
