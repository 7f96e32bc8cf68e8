"""Pages with text for the search tests, published through the three
reviews as editors publish them."""

from DateTime import DateTime
from plone import api
from plone.app.textfield.value import RichTextValue
from tests.helpers import PATH_TO
import itertools


_ids = itertools.count(1)


def make_page(container, title, text="", state="published", published=None, **fields):
    """A page written by ``author`` in ``container`` (the test department)
    with ``text``, moved to ``state``; ``published`` (ISO) sets its
    publication date afterwards, as a migration of old content would."""
    with api.env.adopt_user(username="author"):
        item = api.content.create(
            container=container,
            type=fields.pop("portal_type", "Document"),
            id=f"page-{next(_ids)}",
            title=title,
            text=RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe"),
            **fields,
        )
    for transition, userid in PATH_TO[state]:
        with api.env.adopt_user(username=userid):
            api.content.transition(item, transition=transition, comment="测试")
    if published:
        item.setEffectiveDate(DateTime(published))
        item.reindexObject()
    return item
