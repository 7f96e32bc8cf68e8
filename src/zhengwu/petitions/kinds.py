"""The closed lists of petitions (DESIGN.md section 3)."""

from zhengwu import _


CATEGORIES = (
    ("consultation", _("Consultation")),  # 咨询
    ("complaint", _("Complaint")),  # 投诉
    ("suggestion", _("Suggestion")),  # 建议
    ("help", _("Request for help")),  # 求助
    ("report", _("Report")),  # 举报
)

SATISFACTION = (
    ("very_satisfied", _("Very satisfied")),
    ("satisfied", _("Satisfied")),
    ("basically_satisfied", _("Basically satisfied")),
    ("dissatisfied", _("Dissatisfied")),
    ("very_dissatisfied", _("Very dissatisfied")),
)

# The states in which a petition waits for the government, not the citizen.
OPEN_STATES = ("submitted", "accepted", "assigned", "reply_pending")
# The states in which the submitter can read the reply.
ANSWERED_STATES = ("answered", "published", "closed")
