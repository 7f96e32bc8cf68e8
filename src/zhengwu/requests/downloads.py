"""The applicant's downloads: a letter (.docx) or a file given with the
answer, found with the tracking number and query code."""

from plone import api
from zhengwu import _
from zhengwu.files import serve
from zhengwu.requests import letters
from zhengwu.requests.kinds import ANSWERED_STATES
from zhengwu.rest import error_body
from zhengwu.rest import NotFound
from zhengwu.submissions.lookup import system_user


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def letter_response(record, kind, request):
    """The letter ``kind`` as the response: a .docx to save."""
    filename, data = letters.letter(record, kind, request)
    request.response.setHeader("Content-Type", DOCX)
    request.response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    request.response.setHeader("X-Content-Type-Options", "nosniff")
    return data


def download(record, form, request):
    """The body of a letter or file of ``record``; a dict (the refusal) when
    it has no such letter or file."""
    with system_user():
        state = api.content.get_state(record)
        kind = form.get("letter")
        if kind is not None:
            if kind not in letters.available(record, state):
                return error_body(
                    request, NotFound(_("This request has no such letter."), "letter")
                )
            return letter_response(record, kind, request)
        files = list(record.reply_attachments or []) if state in ANSWERED_STATES else []
        try:
            position = int(form.get("file"))
        except (TypeError, ValueError):
            position = -1
        if not 0 <= position < len(files):
            return error_body(request, NotFound(_("This request has no such file."), "file"))
        return serve(files[position], request.response)
