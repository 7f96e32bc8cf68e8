"""The pages of an interview: the public page (guests, preview, pictures,
video, transcript, the live pairs refreshed by a small script polling
``@@interview-live``), the question form's target, and the moderators'
page."""

from AccessControl import Unauthorized
from plone import api
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Forbidden
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.participation import interview as interviews
from zhengwu.participation import interview_questions as questions
from zhengwu.rest import dumps
from zhengwu.rest import Refused
from zhengwu.submissions.commit import committed
from zhengwu.submissions.intake import HONEYPOT
from zope.interface import alsoProvides


PHASES = {
    "scheduled": _("Scheduled"),
    "live": _("Live now"),
    "past": _("Past"),
}


class InterviewView(BrowserView):
    index = ViewPageTemplateFile("templates/interview_view.pt")

    def __call__(self):
        self.data = questions.public_data(self.context)
        return self.index()

    def phase_title(self):
        return translated(PHASES[self.data["phase"]], self.request)

    def guests(self):
        return interviews.guest_rows(self.context)

    def start(self):
        start = interviews._aware(self.context.start)
        return start.astimezone(interviews.clock.CHINA).strftime("%Y-%m-%d %H:%M") if start else ""

    def pictures(self):
        return [
            {"url": img.absolute_url(), "title": img.Title()}
            for img in self.context.objectValues()
            if img.portal_type == "Image" and api.user.has_permission("View", obj=img)
        ]

    def takes_questions(self):
        return interviews.takes_questions(self.context)

    def may_moderate(self):
        return questions.may_moderate(self.context)


class InterviewLive(BrowserView):
    """``@@interview-live``: the public's JSON the page polls (phase,
    published questions, pairs; never a contact)."""

    def __call__(self):
        self.request.response.setHeader("Content-Type", "application/json")
        return dumps(questions.public_data(self.context))


class InterviewAsk(BrowserView):
    """``@@interview-ask`` (POST): the page's question form."""

    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        alsoProvides(self.request, IDisableCSRFProtection)  # anti-abuse: honeypot and limits
        form = self.request.form
        data = {k: form.get(k) for k in (*questions.FIELDS, HONEYPOT) if k in form}
        try:
            _id, errors = committed(lambda: questions.ask(self.context, data, self.request))
        except Refused as refused:
            self.request.response.setStatus(refused.status)
            message, kind = translated(refused.message, self.request), "error"
        else:
            if errors:
                self.request.response.setStatus(400)
                message, kind = "；".join(e["message"] for e in errors), "error"
            else:
                message = translated(
                    _("Your question was received; it appears once a moderator publishes it."),
                    self.request,
                )
                kind = "info"
        api.portal.show_message(message, self.request, type=kind)
        self.request.response.redirect(f"{self.context.absolute_url()}#zhengwu-interview-ask")
        return ""


class InterviewModerate(BrowserView):
    """``@@interview-moderate``: pending questions with their contact,
    publish or refuse (with a reason), and the form that publishes a
    question/answer pair live."""

    index = ViewPageTemplateFile("templates/interview_moderate.pt")

    def __call__(self):
        if not questions.may_moderate(self.context):
            raise Unauthorized("interview-moderate")
        self.error = None
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            try:
                if form.get("action") == "pair":
                    questions.publish_pair(
                        self.context, form.get("question"), form.get("answer"), form.get("guest")
                    )
                    message = _("The answer is published.")
                else:
                    questions.moderate(
                        self.context,
                        form.get("question_id"),
                        form.get("status"),
                        form.get("reason"),
                    )
                    message = _("The question is moderated.")
                api.portal.show_message(translated(message, self.request), self.request)
                self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@interview-moderate"
                )
                return ""
            except Refused as refused:
                self.request.response.setStatus(400)
                self.error = translated(refused.message, self.request)
        self.pending = questions.moderator_questions(self.context, "pending")
        self.published = questions.moderator_questions(self.context, "published")
        self.pairs = questions.public_data(self.context)["pairs"]
        return self.index()

    def guests(self):
        return interviews.guest_rows(self.context)
