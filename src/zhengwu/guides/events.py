"""What happens to service guides around their life events."""

from Products.CMFCore.WorkflowCore import WorkflowException
from zhengwu import _
from zhengwu import clock
from zhengwu.guides import completeness
from zhengwu.i18n import translated
from zhengwu.site.department import enclosing_department
from zope.globalrequest import getRequest


def _transition(event):
    return event.transition.getId() if event.transition is not None else None


def before_transition(guide, event):
    """A guide goes to review with materials and steps, and online only
    with every key element the inspection rules check."""
    request = getRequest()
    transition = _transition(event)
    if transition == "submit" and not (guide.materials and guide.process):
        raise WorkflowException(
            translated(
                _(
                    "A guide needs at least one material and one process step "
                    "before it is submitted for review."
                ),
                request,
            )
        )
    if transition == "publish":
        lacks = completeness.missing(guide)
        if lacks:
            raise WorkflowException(
                translated(
                    _(
                        "This guide cannot be published: it lacks ${elements}.",
                        mapping={"elements": "、".join(translated(e, request) for e in lacks)},
                    ),
                    request,
                )
            )
        # Passing the three reviews is a check of the whole guide (a working
        # copy carries the date to its baseline when it is checked in).
        guide.last_reviewed = clock.today()


def guide_saved(guide, event):
    """Store the implementing agency a form, script or REST client left
    empty: a default computed later from an unwrapped object could not find
    the department."""
    if not guide.__dict__.get("implementing_agency"):
        guide.implementing_agency = enclosing_department(guide)
        # Indexed already when an earlier subscriber searched the catalog
        # (plone.app.multilingual's language handling does), which flushes
        # the indexing queue of the add: index the value now stored.
        guide.reindexObject(idxs=["guide_organ"])
