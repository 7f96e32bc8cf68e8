"""POST <DisclosureCatalog>/@disclosure-requests: anyone applies for
government information held by the catalog's organ.

201 with ``tracking_number`` and ``query_code`` (shown this once, stored
hashed); 400 with one error per bad field; 403 for a catalog without an
organ; 429 for a client sending too many."""

from zhengwu.requests import submission
from zhengwu.submissions.forms import SubmissionPost


class DisclosureRequestsPost(SubmissionPost):
    submission = submission
