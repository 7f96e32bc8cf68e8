"""The classic pages of consultations: the consultation (draft with
numbered sections, how to comment, the comment form, the published
opinions, the feedback once published), the moderation page of the
drafting department's handlers, an opinion, the feedback, and the index."""

from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from zhengwu import _
from zhengwu import clock
from zhengwu.files import AttachmentDownload
from zhengwu.files import file_entries
from zhengwu.i18n import translated
from zhengwu.participation import consultation as consultations
from zhengwu.participation import consultation_listing
from zhengwu.participation import opinion_submission
from zhengwu.participation.consultation_sections import numbered_html
from zhengwu.participation.consultation_sections import section_title
from zhengwu.participation.consultation_sections import sections
from zhengwu.participation.feedback import DECISION_TITLES
from zhengwu.participation.feedback_events import published_feedback
from zhengwu.participation.opinion_events import refusal_reason
from zhengwu.site.department import organ_title
from zhengwu.submissions.forms import no_add_view
from zhengwu.submissions.forms import SubmissionForm


no_add_opinion = no_add_view("Opinion")
MODERATE_PERMISSION = "zhengwu: Moderate opinions"
CONTACT_PERMISSION = "zhengwu: View opinion contact"


def _may(permission, obj):
    return api.user.has_permission(permission, obj=obj)


def _path(obj):
    return "/".join(obj.getPhysicalPath())


def _start(request):
    """The page's first item: ``b_start`` (``b_start:int`` from the batch links)."""
    start = request.form.get("b_start", 0)
    if isinstance(start, str):
        start = int(start) if start.isdigit() else 0
    return start if isinstance(start, int) and start >= 0 else 0


class ConsultationMixin:
    def phase(self):
        return consultations.phase(self.context)

    def phase_title(self):
        return consultations.PHASE_TITLES[self.phase()]

    def department_title(self):
        return organ_title(self.context.department) or ""


class ConsultationView(ConsultationMixin, SubmissionForm, BrowserView):
    """The consultation's page; its form sends an opinion (the submissions'
    form: no CSRF token, honeypot, per-client limit, idempotency nonce)."""

    submission = opinion_submission
    PAGE = 50

    def receipt(self, opinion, code):
        return {"tracking_number": opinion.tracking_number}

    def draft(self):
        if not (self.takes_online() and opinion_submission.refusal(self.context) is None):
            return numbered_html(self.context)
        base = self.context.absolute_url()

        def comment_link(n):
            return (
                f"{base}?section={n}#zhengwu-opinion-form-section",
                translated(_("Comment on section ${n}", mapping={"n": n}), self.request),
            )

        return numbered_html(self.context, comment_link)

    def sections(self):
        return sections(self.context)

    def outline(self):
        """``[{number, title, opinions}]``: the sections with the number of
        published opinions on each (from catalog metadata)."""
        catalog = api.portal.get_tool("portal_catalog")
        counts = {}
        for brain in catalog.searchResults(
            portal_type="Opinion", review_state="published", path=_path(self.context)
        ):
            counts[brain.opinion_section] = counts.get(brain.opinion_section, 0) + 1
        return [
            {"number": n, "title": title, "opinions": counts.get(str(n), 0)}
            for n, title in sections(self.context)
        ]

    def chosen_section(self):
        """The section the form names: what was sent, or ``?section=3``."""
        value = self.values.get("section") or self.request.form.get("section")
        return value if isinstance(value, str) else ""

    def attachments(self):
        return file_entries(self.context)

    def channels(self):
        chosen = self.context.channels or []
        return [
            translated(term.title, self.request)
            for term in consultations.CHANNELS
            if term.value in chosen
        ]

    def takes_online(self):
        return "online" in (self.context.channels or [])

    def refusal(self):
        """Why the form is not shown, or None."""
        message = opinion_submission.refusal(self.context)
        return translated(message, self.request) if message else None

    def days_left(self):
        return consultations.days_left(self.context)

    def short_period(self):
        """The editors' warning for a period of comment under 30 days."""
        editing = ("Modify portal content", "Add portal content", "Review portal content")
        if not any(_may(permission, self.context) for permission in editing):
            return None
        return consultations.short_period(self.context.opens, self.context.closes)

    def opinions(self):
        """The published opinions, oldest first, a page of ``PAGE`` at a time."""
        catalog = api.portal.get_tool("portal_catalog")
        found = catalog.searchResults(
            portal_type="Opinion",
            review_state="published",
            path=_path(self.context),
            sort_on="created",
        )
        self.opinions_batch = Batch(found, self.PAGE, _start(self.request))
        return [self._opinion(brain.getObject()) for brain in self.opinions_batch]

    def _opinion(self, opinion):
        return {
            "number": opinion.tracking_number,
            "url": opinion.absolute_url(),
            "text": opinion.text,
            "author_name": opinion.author_name,
            "section": section_title(self.context, opinion.section) if opinion.section else "",
            "section_anchor": f"#section-{opinion.section}" if opinion.section else "",
            "received_date": opinion.received_date.isoformat() if opinion.received_date else "",
        }

    def feedback(self):
        return published_feedback(self.context)

    def feedback_body(self, feedback):
        return render_feedback(feedback)

    def feedback_drafts(self):
        """The feedback items the current user may see and are not published."""
        return [
            obj
            for obj in self.context.objectValues()
            if obj.portal_type == "ConsultationFeedback"
            and api.content.get_state(obj, default=None) != "published"
            and _may("View", obj)
        ]

    def may_add_feedback(self):
        """Closed, no feedback yet, and the user may add it (consultation_constraints)."""
        return "ConsultationFeedback" in [fti.getId() for fti in self.context.allowedContentTypes()]

    def may_moderate(self):
        """Handlers (and Managers): the link to the moderation page. The
        same group handles every opinion of a consultation, so one opinion
        the user sees in each state tells."""
        if api.user.is_anonymous():
            return False
        catalog = api.portal.get_tool("portal_catalog")
        for state in ModerationView.STATES:
            found = catalog.searchResults(
                portal_type="Opinion", review_state=state, path=_path(self.context), sort_limit=1
            )[:1]
            if found and _may(MODERATE_PERMISSION, found[0].getObject()):
                return True
        return False

    def pending_count(self):
        catalog = api.portal.get_tool("portal_catalog")
        return len(
            catalog.searchResults(
                portal_type="Opinion", review_state="pending", path=_path(self.context)
            )
        )


class ModerationView(ConsultationMixin, BrowserView):
    """``@@consultation-moderation``: every opinion the current user may
    see, newest first, with the contact for those who may read it and the
    moderation actions (each through ``@@zhengwu-transition``)."""

    STATES = ("pending", "published", "refused")
    PAGE = 100

    def opinions(self):
        catalog = api.portal.get_tool("portal_catalog")
        wanted = self.request.form.get("state")
        states = [wanted] if wanted in self.STATES else list(self.STATES)
        found = catalog.searchResults(
            portal_type="Opinion",
            review_state=states,
            path=_path(self.context),
            sort_on="created",
            sort_order="descending",
        )
        self.batch = Batch(found, self.PAGE, _start(self.request))
        wtool = api.portal.get_tool("portal_workflow")
        result = []
        for brain in self.batch:
            opinion = brain.getObject()
            state = api.content.get_state(opinion)
            result.append(
                {
                    "number": opinion.tracking_number,
                    "url": opinion.absolute_url(),
                    "text": opinion.text,
                    "author_name": opinion.author_name,
                    "contact": opinion.contact if _may(CONTACT_PERMISSION, opinion) else None,
                    "section": section_title(self.context, opinion.section)
                    if opinion.section
                    else "",
                    "received_date": opinion.received_date.isoformat()
                    if opinion.received_date
                    else "",
                    "state": state,
                    "state_title": translated(
                        wtool.getTitleForStateOnType(state, "Opinion"),
                        self.request,
                        domain="plone",
                    ),
                    "reason": refusal_reason(opinion) if state == "refused" else "",
                    "actions": [
                        {
                            "id": t["id"],
                            "title": translated(t["title"], self.request, domain="plone"),
                            "url": f"{opinion.absolute_url()}/@@zhengwu-transition"
                            f"?workflow_action={t['id']}",
                        }
                        for t in wtool.getTransitionsFor(opinion)
                    ],
                }
            )
        return result

    def tabs(self):
        """``[{state, title, count}]``: one tab per state of an opinion."""
        catalog = api.portal.get_tool("portal_catalog")
        wtool = api.portal.get_tool("portal_workflow")
        return [
            {
                "state": state,
                "title": translated(
                    wtool.getTitleForStateOnType(state, "Opinion"), self.request, domain="plone"
                ),
                "count": len(
                    catalog.searchResults(
                        portal_type="Opinion", review_state=state, path=_path(self.context)
                    )
                ),
            }
            for state in self.STATES
        ]


class OpinionView(BrowserView):
    """One opinion: its words, section and name; the contact and the
    refusal's reason for its handlers."""

    def consultation(self):
        return self.context.aq_parent

    def section(self):
        return (
            section_title(self.consultation(), self.context.section) if self.context.section else ""
        )

    def may_see_contact(self):
        return _may(CONTACT_PERMISSION, self.context)

    def state(self):
        return api.content.get_state(self.context)

    def reason(self):
        return refusal_reason(self.context) if self.may_see_contact() else ""


def feedback_rows(feedback, request):
    return [
        dict(row, decision_title=translated(DECISION_TITLES[row["decision"]], request))
        for row in feedback.decision_rows()
    ]


def render_feedback(feedback):
    """The counts, summary and decisions of ``feedback`` as HTML (its own
    page and the consultation's page show the same)."""
    return feedback.restrictedTraverse("@@consultation-feedback-body")()


class FeedbackBody(BrowserView):
    """``@@consultation-feedback-body``: the feedback without the page around it."""

    def rows(self):
        return feedback_rows(self.context, self.request)


class FeedbackView(BrowserView):
    def body(self):
        return render_feedback(self.context)


class ConsultationIndex(BrowserView):
    """``@@consultation-index``: the published consultations below the
    context in three groups (open, closed awaiting feedback, concluded;
    not yet open ones with the open ones), filtered by department and year."""

    GROUPS = (
        (
            "open",
            (consultations.UPCOMING, consultations.OPEN),
            _("consultation_group_open", default="Open for comment"),
        ),
        (
            "awaiting",
            (consultations.AWAITING_FEEDBACK,),
            _("consultation_group_awaiting", default="Closed, awaiting feedback"),
        ),
        (
            "concluded",
            (consultations.CONCLUDED,),
            _("consultation_group_concluded", default="Concluded, with feedback"),
        ),
    )

    def __call__(self):
        form = self.request.form
        department = form.get("department")
        self.department = department if isinstance(department, str) and department else None
        year = form.get("year")
        self.year = int(year) if isinstance(year, str) and year.isdigit() else None
        self.entries, self.facets = consultation_listing.select(
            self.context, self.department, self.year, today=clock.today()
        )
        return self.index()

    def groups(self):
        return [
            {
                "id": gid,
                "title": title,
                "entries": [e for e in self.entries if e["phase"] in phases],
            }
            for gid, phases, title in self.GROUPS
        ]


class ConsultationAttachment(AttachmentDownload):
    """``<consultation>/@@attachment/<n>/<name>``: the draft's files (its
    own class, so that its caching rule is its own)."""
