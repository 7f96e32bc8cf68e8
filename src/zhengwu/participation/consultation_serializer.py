"""A consultation in REST JSON: plone.restapi's folder answer, and what a
front-end needs to show it and take opinions — its ``phase``,
``days_left``, whether it ``accepts_opinions`` (else ``refusal``, the
sentence ``POST @opinions`` would answer), and the draft's numbered
``sections`` (the values of an opinion's ``section``)."""

from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from zhengwu.i18n import translated
from zhengwu.interfaces import IZhengwuLayer
from zhengwu.participation import consultation as consultations
from zhengwu.participation import opinion_submission
from zhengwu.participation.consultation_sections import sections
from zope.component import adapter
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(consultations.IConsultation, IZhengwuLayer)
class ConsultationSerializer(SerializeFolderToJson):
    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version, include_items=include_items, include_expansion=include_expansion
        )
        phase = consultations.phase(self.context)
        refusal = opinion_submission.refusal(self.context)
        result.update(
            {
                "phase": phase,
                "phase_title": translated(consultations.PHASE_TITLES[phase], self.request),
                "days_left": consultations.days_left(self.context)
                if phase == consultations.OPEN
                else None,
                "accepts_opinions": refusal is None and "online" in (self.context.channels or []),
                "refusal": translated(refusal, self.request) if refusal else None,
                "sections": [
                    {"number": str(n), "title": title} for n, title in sections(self.context)
                ],
            }
        )
        return result
