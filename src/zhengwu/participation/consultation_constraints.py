"""What may be added to a consultation, on every channel (the add menu,
``++add++``, plone.restapi's POST, ``invokeFactory``): opinions (only by
the submissions' system user: their add permission), and one feedback
once the consultation has closed — not before, never a second."""

from plone.base.interfaces import IConstrainTypes
from Products.CMFCore.PortalFolder import PortalFolderBase
from zhengwu.participation import consultation as consultations
from zhengwu.participation.consultation import IConsultation
from zope.component import adapter
from zope.interface import implementer


FEEDBACK = "ConsultationFeedback"


def feedback_allowed(consultation):
    if consultations.phase(consultation) not in (
        consultations.AWAITING_FEEDBACK,
        consultations.CONCLUDED,
    ):
        return False
    return not any(obj.portal_type == FEEDBACK for obj in consultation.objectValues())


@implementer(IConstrainTypes)
@adapter(IConsultation)
class ConsultationConstraints:
    def __init__(self, context):
        self.context = context

    def getConstrainTypesMode(self):
        return 1  # ENABLED

    def allowedContentTypes(self):
        # The FTI's list, filtered by add permission (CMF), then the rule above.
        allowed = PortalFolderBase.allowedContentTypes(self.context)
        if feedback_allowed(self.context):
            return allowed
        return [fti for fti in allowed if fti.getId() != FEEDBACK]

    def getLocallyAllowedTypes(self):
        return [fti.getId() for fti in self.allowedContentTypes()]

    getImmediatelyAddableTypes = getLocallyAllowedTypes

    def getDefaultAddableTypes(self):
        return self.allowedContentTypes()
