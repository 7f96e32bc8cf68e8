"""Interaction (互动交流): consultation messages unanswered after three
months (单项否决 item 5, 互动回应差) and replies past their due date
(扣分: 留言办理超期). Read from the petitions' catalog metadata; the
three-month line and the deadline flags are the petitions' own.

Public consultations on drafts (意见征集, ``zhengwu.participation``) are
another thing than the "consultation" category of messages (咨询): their
indicators are ``consultation_feedback`` (closed for more than N days —
``zhengwu.consultations.feedback_days`` — without published feedback, 意见
采纳情况) and ``consultation_periods`` (open for comment fewer than 30
days), read from the consultations' catalog metadata."""

from datetime import timedelta
from zhengwu import _
from zhengwu.participation import consultation as public_consultations
from zhengwu.participation import consultation_settings
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


# A short period of comment counts for the year after its opening.
PERIOD_WINDOW_DAYS = 365


def _public_consultations(check):
    return check.catalog.unrestrictedSearchResults(
        path=check.path, portal_type="Consultation", review_state="published"
    )


def consultation_feedback(check):
    """Public consultations closed more than ``feedback_days`` ago without
    published feedback (failed); closed ones still within it (warning)."""
    days = consultation_settings.feedback_days()
    late, pending = [], []
    for brain in _public_consultations(check):
        closes = brain.consultation_closes
        if not closes or brain.feedback_published or closes >= check.today:
            continue
        line = closes + timedelta(days=days)
        extra = {
            "closes": closes.isoformat(),
            "line_date": line.isoformat(),
            "days_closed": (check.today - closes).days,
        }
        if check.today > line:
            late.append(states.entry(brain, state=states.FAILED, **extra))
        else:
            pending.append(states.entry(brain, state=states.WARNING, **extra))
    state = states.FAILED if late else states.WARNING if pending else states.OK
    return states.indicator(
        "consultation_feedback",
        _("Feedback on public consultations published"),
        _(
            "The feedback on a consultation's opinions (意见采纳情况) is published within "
            "${days} days after it closes (deduction); warning while it is pending.",
            mapping={"days": days},
        ),
        state,
        len(late),
        0,
        late + pending,
        unit="consultations",
        pending=len(pending),
    )


def consultation_periods(check):
    """Public consultations opened in the last year for fewer than 30 days
    of comment (国令第713号): a warning, the office may have had reasons."""
    since = check.today - timedelta(days=PERIOD_WINDOW_DAYS)
    short = []
    for brain in _public_consultations(check):
        opens, closes = brain.consultation_opens, brain.consultation_closes
        if not opens or opens < since:
            continue
        days = public_consultations.short_period(opens, closes)
        if days:
            short.append(
                states.entry(
                    brain,
                    state=states.WARNING,
                    opens=opens.isoformat(),
                    closes=closes.isoformat(),
                    days=days,
                )
            )
    return states.indicator(
        "consultation_periods",
        _("Public consultations open for 30 days"),
        _(
            "A draft is open for comment at least ${days} days (国令第713号); a shorter "
            "period is a warning.",
            mapping={"days": public_consultations.MIN_DAYS},
        ),
        states.WARNING if short else states.OK,
        len(short),
        0,
        short,
        unit="consultations",
    )
