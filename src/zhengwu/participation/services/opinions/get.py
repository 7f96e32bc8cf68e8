"""GET <consultation>/@opinions: the published opinions, oldest first,
batched; ``section`` (a number) keeps those on one section of the draft.
Never a commenter's contact (the handlers read it on the opinion itself)."""

from plone import api
from zhengwu.participation.consultation_sections import section_title
from zhengwu.rest import batched
from zhengwu.rest import integer
from zhengwu.rest import page
from zhengwu.rest import Service


class OpinionsGet(Service):
    def reply(self):
        form = self.request.form
        section = integer(form, "section", None, 1, 10000)
        start, size = page(form)
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.searchResults(
            portal_type="Opinion",
            review_state="published",
            path="/".join(self.context.getPhysicalPath()),
            sort_on="created",
        )
        opinions = [brain.getObject() for brain in brains]
        if section is not None:
            opinions = [o for o in opinions if o.section == str(section)]
        return batched(self.request, opinions, start, size, self.entry)

    def entry(self, opinion):
        return {
            "@id": opinion.absolute_url(),
            "tracking_number": opinion.tracking_number,
            "text": opinion.text,
            "author_name": opinion.author_name,
            "section": opinion.section,
            "section_title": section_title(self.context, opinion.section)
            if opinion.section
            else None,
            "received_date": opinion.received_date.isoformat() if opinion.received_date else None,
        }
