"""POST <consultation>/@opinions: anyone comments while the consultation
is open.

201 with the opinion's ``tracking_number`` (it is published once a
handler has read it); 400 with one error per bad field; 403
(``ConsultationClosed``) before the opening, after the closing, or on a
consultation not published, with a sentence saying which; 429 for a
client sending too many."""

from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.participation import opinion_submission
from zhengwu.submissions.forms import SubmissionPost


class OpinionsPost(SubmissionPost):
    submission = opinion_submission

    def receipt(self, opinion, code):
        return {
            "tracking_number": opinion.tracking_number,
            "state": "pending",
            "message": translated(
                _(
                    "Your opinion has been received; it is published once the drafting department has read it."
                )
            ),
        }
