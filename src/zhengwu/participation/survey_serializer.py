"""A survey in REST JSON: plone.restapi's content serialization, the
survey's state (``survey``: open today, summary published, the answer and
summary endpoints), and the answers (``savedDataStorage``, as easyform
names it) for those who may read them only.

easyform's own serializer checks its permission by the ZCML id, which
``has_permission`` does not know: every GET of a form was a 500. This one
checks the permission's title, and copies the rows instead of converting
the stored ones in place."""

from collective.easyform.serializer import convertBeforeSerialize
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from zhengwu.participation import survey as surveys
from zhengwu.participation.survey import ISurvey
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


@implementer(ISerializeToJson)
@adapter(ISurvey, Interface)
class SurveySerializer(SerializeToJson):
    def __call__(self, version=None, include_items=True):
        result = super().__call__(version, include_items)
        survey = self.context
        url = survey.absolute_url()
        result["survey"] = {
            "open": surveys.is_open(survey),
            "summary_published": surveys.summary_published(survey),
            "answer": f"{url}/@survey-answer",
            "summary": f"{url}/@survey-summary",
        }
        if api.user.has_permission(surveys.ANSWERS_PERMISSION, obj=survey):
            stored = getattr(survey, "_inputStorage", None) or {}
            result["savedDataStorage"] = {
                name: {
                    str(key): {k: convertBeforeSerialize(v) for k, v in row.items()}
                    for key, row in stored[name].items()
                }
                for name, _action in surveys.saving_actions(survey)
                if name in stored
            }
        return result
