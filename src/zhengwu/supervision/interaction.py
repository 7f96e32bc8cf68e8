"""Interaction (互动交流): consultation messages unanswered after three
months (单项否决 item 5, 互动回应差) and replies past their due date
(扣分: 留言办理超期). Read from the petitions' catalog metadata; the
three-month line and the deadline flags are the petitions' own."""

from datetime import timedelta
from zhengwu import _
from zhengwu.petitions import deadlines
from zhengwu.petitions.kinds import ANSWERED_STATES
from zhengwu.petitions.kinds import OPEN_STATES
from zhengwu.petitions.stats import add_months
from zhengwu.supervision import states


# Replies are judged over the last year: a late reply of long ago is no
# longer what an inspection of this year counts.
LATE_WINDOW_DAYS = 365


def consultations(check):
    s = check.settings
    past, coming = [], []
    horizon = check.today + timedelta(days=s.consultation_lookahead_days)
    for brain in check.catalog.unrestrictedSearchResults(
        path=check.path, portal_type="Petition", review_state=list(OPEN_STATES)
    ):
        received = brain.received_date
        if brain.category != "consultation" or not received:
            continue
        line = add_months(received, s.consultation_months)
        extra = {
            "title": brain.tracking_number,  # a citizen's title may be personal
            "tracking_number": brain.tracking_number,
            "received_date": received.isoformat(),
            "line_date": line.isoformat(),
            "days_open": (check.today - received).days,
        }
        if check.today >= line:
            past.append(states.entry(brain, state=states.FAILED, **extra))
        elif line <= horizon:
            coming.append(states.entry(brain, state=states.WARNING, **extra))
    state = states.FAILED if past else states.WARNING if coming else states.OK
    return states.indicator(
        "consultations",
        _("Consultation messages answered"),
        _(
            "No consultation message stays unanswered for ${months} months; "
            "warning ${days} days before.",
            mapping={"months": s.consultation_months, "days": s.consultation_lookahead_days},
        ),
        state,
        len(past),
        0,
        past + coming,
        veto=True,
        unit="messages",
        coming=len(coming),
    )


def late_replies(check):
    """Open messages past their due date, and replies given after it in the
    last year (failed); open messages due within two working days (warning)."""
    late, soon = [], []
    since = check.today - timedelta(days=LATE_WINDOW_DAYS)
    years = sorted({since.year, check.today.year})
    catalog = check.catalog
    open_brains = catalog.unrestrictedSearchResults(
        path=check.path, portal_type="Petition", review_state=list(OPEN_STATES)
    )
    answered = catalog.unrestrictedSearchResults(
        path=check.path,
        portal_type="Petition",
        review_state=list(ANSWERED_STATES),
        petition_year=years,
    )
    for brain in open_brains:
        flag = deadlines.flag(brain.due_date, None, check.today)
        if flag == "overdue":
            late.append(_petition(brain, states.FAILED))
        elif flag == "due_soon":
            soon.append(_petition(brain, states.WARNING))
    for brain in answered:
        replied = brain.replied_date
        if replied is None or replied < since:
            continue
        if deadlines.flag(brain.due_date, replied, check.today) == "late":
            late.append(_petition(brain, states.FAILED, replied_date=replied.isoformat()))
    state = states.FAILED if late else states.WARNING if soon else states.OK
    return states.indicator(
        "late_replies",
        _("Messages answered on time"),
        _(
            "Messages are answered by their due date (deduction); warning when one "
            "is due within ${days} working days.",
            mapping={"days": deadlines.DUE_SOON},
        ),
        state,
        len(late),
        0,
        late + soon,
        unit="messages",
        due_soon=len(soon),
    )


def _petition(brain, state, **extra):
    due = brain.due_date
    return states.entry(
        brain,
        state=state,
        title=brain.tracking_number,  # a citizen's title may be personal
        tracking_number=brain.tracking_number,
        due_date=due.isoformat() if due else None,
        **extra,
    )
