"""GET <interview>/@interview-questions: the phase, the published
questions and the question/answer pairs — what the public page shows; the
moderators add ``pending`` (with contacts) when they ask ``all=1``."""

from zhengwu import _
from zhengwu.participation import interview_questions as questions
from zhengwu.rest import Forbidden
from zhengwu.rest import Service
from zhengwu.rest import single


class InterviewQuestionsGet(Service):
    def reply(self):
        data = questions.public_data(self.context)
        data["@id"] = f"{self.context.absolute_url()}/@interview-questions"
        if single(self.request.form, "all") in ("1", "true"):
            if not questions.may_moderate(self.context):
                raise Forbidden(_("Only the interview's moderators see every question."))
            data["pending"] = questions.moderator_questions(self.context, "pending")
            data["refused"] = questions.moderator_questions(self.context, "refused")
        return data
