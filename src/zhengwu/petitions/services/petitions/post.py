"""POST <PetitionBox>/@petitions: anyone submits a message.

201 with ``tracking_number``, ``query_code`` (shown this once, stored
hashed) and ``due_date``; 400 with one error per bad field; 403 for a box
closed to the public; 429 for a client sending too many."""

from zhengwu.petitions import submission
from zhengwu.submissions.forms import SubmissionPost


class PetitionsPost(SubmissionPost):
    submission = submission

    def receipt(self, petition, code):
        return {
            "tracking_number": petition.tracking_number,
            "query_code": code,
            "due_date": petition.due_date.isoformat(),
            "due_provisional": bool(petition.due_provisional),
        }
