"""POST <survey>/@survey-answer: anyone answers an open survey once.

The body maps each question's field name (as easyform's field editor named
it) to a value as plone.restapi reads that field: a string, a number, a
boolean, a choice's value, a list of values. 201 with ``{"received":
true}``; 400 with one error per bad field (``field`` names the first); 403
for a survey closed or not yet open; 409 for a client who answered already
(cookie or address); 429 for a client sending too many submissions."""

from plone.protect.interfaces import IDisableCSRFProtection
from zhengwu.participation import survey_answers
from zhengwu.rest import invalid_fields
from zhengwu.rest import json_body
from zhengwu.rest import Service
from zhengwu.submissions.commit import committed
from zope.interface import alsoProvides


class SurveyAnswerPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        survey = self.context
        data = json_body(self.request)
        survey_answers.check_client(survey, self.request)
        values, errors = survey_answers.read(survey, data, self.request)
        if errors:
            raise invalid_fields(errors)

        def work():
            # Checked again inside the transaction that stores: two answers
            # from one client at the same moment store one.
            survey_answers.check_client(survey, self.request)
            failed = survey_answers.save(survey, values, self.request)
            if failed:
                return failed
            survey_answers.counted(survey, self.request)
            return None

        failed = committed(work)
        if failed:
            raise invalid_fields([{"field": k, "message": str(v)} for k, v in failed.items()])
        self.request.response.setStatus(201)
        return {"received": True}
