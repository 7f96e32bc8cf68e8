"""GET <folder or site>/@consultations: the published consultations below,
newest opening first, filtered by ``department`` (UID), ``year`` (of
opening) and ``phase`` (``upcoming``, ``open``, ``awaiting_feedback``,
``concluded``), batched; ``facets`` gives each filter's values with counts."""

from zhengwu import _
from zhengwu.participation import consultation as consultations
from zhengwu.participation import consultation_listing
from zhengwu.rest import batched
from zhengwu.rest import choice
from zhengwu.rest import integer
from zhengwu.rest import page
from zhengwu.rest import Service
from zhengwu.rest import single


class ConsultationsGet(Service):
    def reply(self):
        form = self.request.form
        department = single(form, "department")
        year = integer(
            form,
            "year",
            None,
            1990,
            2100,
            _("year must be a year from 1990 to 2100."),
        )
        phase = choice(
            form,
            "phase",
            consultations.PHASES,
            _("phase must be one of upcoming, open, awaiting_feedback, concluded."),
        )
        start, size = page(form)
        entries, facets = consultation_listing.select(self.context, department, year, phase)
        result = batched(self.request, entries, start, size)
        result["facets"] = facets
        return result
