"""A citizen's message becomes a Petition: checked, throttled, numbered,
stored by the submissions' system user, its deadline set from the box."""

from plone import api
from zhengwu import _
from zhengwu import clock
from zhengwu.petitions import deadlines
from zhengwu.petitions.petition import IPetition
from zhengwu.submissions import intake
from zhengwu.submissions import tracking
from zhengwu.submissions.catalog import adding_record
from zhengwu.submissions.lookup import system_user


PREFIX = "LY"  # 留言
FIELDS = (
    "category",
    "title",
    "content",
    "submitter_name",
    "phone",
    "email",
    "id_number",
    "address",
    "attachments",
    "publish_consent",
)


def submit(box, data, request):
    """``(petition, query_code, errors)``; ``intake.Refused`` for a closed
    box, a filled honeypot or a flood."""
    if not box.anonymous_submission and api.user.is_anonymous():
        raise intake.Refused(403, _("This mailbox does not take messages from the public."))
    values, errors = intake.receive(
        data,
        IPetition,
        FIELDS,
        box,
        request,
        _("You have sent several messages just now; try again later."),
    )
    if errors:
        return None, None, errors
    number, code, code_hash = tracking.issue(PREFIX)
    received = clock.today()
    due_date, provisional = deadlines.due(received, box.reply_limit_days)
    with system_user(), adding_record(box):
        # Everything set before the petition is added: indexed once.
        petition = api.content.create(
            container=box,
            type="Petition",
            id=number.lower(),
            safe_id=False,
            tracking_number=number,
            query_code_hash=code_hash,
            received_date=received,
            due_date=due_date,
            due_provisional=provisional,
            **values,
        )
    tracking.register(number, petition.UID())
    return petition, code, []
