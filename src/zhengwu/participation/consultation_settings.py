"""Settings of consultations (registry prefix ``zhengwu.consultations``)."""

from plone import api
from zhengwu import _
from zope import schema
from zope.interface import Interface


REGISTRY_PREFIX = "zhengwu.consultations"


class IConsultationSettings(Interface):
    feedback_days = schema.Int(
        title=_("Feedback due within (days after closing)"),
        description=_(
            "Site supervision counts the consultations closed longer than this without "
            "published feedback (意见采纳情况)."
        ),
        min=1,
        max=365,
        default=30,
    )


def feedback_days():
    return api.portal.get_registry_record(f"{REGISTRY_PREFIX}.feedback_days", default=30)
