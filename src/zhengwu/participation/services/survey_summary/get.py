"""GET <survey>/@survey-summary: the counts per choice of every closed
question (open questions: how many answered them). Public once a final
approver published the summary; before that, the department's editors,
final approvers and administrators only (401 for anyone else)."""

from zhengwu import _
from zhengwu.participation import survey as surveys
from zhengwu.participation.survey_summary import summary
from zhengwu.participation.survey_views import may_read_summary
from zhengwu.participation.survey_views import state_summary
from zhengwu.rest import Service
from zhengwu.rest import Unauthorized


class SurveySummaryGet(Service):
    def reply(self):
        survey = self.context
        if not may_read_summary(survey):
            raise Unauthorized(_("The summary of this survey is not published yet."))
        data = summary(survey)
        published = state_summary(survey)
        data.update(
            {
                "@id": f"{survey.absolute_url()}/@survey-summary",
                "published": bool(published),
                "published_on": published["on"] if published else None,
                "open": surveys.is_open(survey),
                "opens": survey.opens.isoformat() if survey.opens else None,
                "closes": survey.closes.isoformat() if survey.closes else None,
            }
        )
        return data
