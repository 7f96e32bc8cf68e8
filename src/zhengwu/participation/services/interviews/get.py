"""GET <folder or site>/@interviews: published interviews under the folder,
newest start first, each with its phase (``scheduled``, ``live``, ``past``);
``phase`` filters, ``b_start``/``b_size`` page."""

from plone import api
from zhengwu import _
from zhengwu.participation import interview as interviews
from zhengwu.rest import batched
from zhengwu.rest import choice
from zhengwu.rest import page
from zhengwu.rest import Service


class InterviewsGet(Service):
    def reply(self):
        form = self.request.form
        wanted = choice(
            form,
            "phase",
            ("scheduled", "live", "past"),
            _("phase is one of scheduled, live, past."),
        )
        start, size = page(form)
        brains = api.content.find(
            context=self.context,
            portal_type="Interview",
            review_state="published",
            sort_on="created",
            sort_order="descending",
        )
        found = [brain.getObject() for brain in brains]
        found.sort(key=lambda obj: interviews._aware(obj.start), reverse=True)
        if wanted:
            found = [obj for obj in found if interviews.phase(obj) == wanted]
        return batched(self.request, found, start, size, entry)


def entry(obj):
    start = interviews._aware(obj.start)
    return {
        "@id": obj.absolute_url(),
        "title": obj.Title(),
        "description": obj.Description(),
        "start": start.isoformat() if start else None,
        "ends": interviews.ends(obj).isoformat() if start else None,
        "phase": interviews.phase(obj),
        "guests": interviews.guest_rows(obj),
        "video_url": obj.video_url,
        "questions": f"{obj.absolute_url()}/@interview-questions",
    }
