"""POST <interview>/@interview-questions: anyone sends a question until the
interview ends (``text``, optional ``name`` and ``contact``). 201 with the
question's ``id``; it stays private until a moderator publishes it. 400
naming the field; 403 once the interview is over; 429 for a flood."""

from plone.protect.interfaces import IDisableCSRFProtection
from zhengwu.participation import interview_questions as questions
from zhengwu.rest import invalid_fields
from zhengwu.rest import json_body
from zhengwu.rest import Service
from zhengwu.submissions.commit import committed
from zope.interface import alsoProvides


class InterviewQuestionsPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_body(self.request)
        question_id, errors = committed(lambda: questions.ask(self.context, data, self.request))
        if errors:
            raise invalid_fields(errors)
        self.request.response.setStatus(201)
        return {"id": question_id, "status": "pending"}
