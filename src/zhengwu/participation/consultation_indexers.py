"""Catalog entries of consultations and opinions.

Consultations: the metadata the index, ``@consultations`` and site
supervision read (dates, department, feedback) without waking objects.
Opinions: a full text of the opinion's number and words once published,
never its contact nor the commenter's name (nobody finds a citizen's
opinion by who wrote it)."""

from plone import api
from plone.indexer import indexer
from zhengwu.indexing import metadata
from zhengwu.participation.consultation import IConsultation
from zhengwu.participation.opinion import IOpinion


consultation_opens = metadata(IConsultation, "opens")
consultation_closes = metadata(IConsultation, "closes")
consultation_department = metadata(IConsultation, "department")
feedback_published = metadata(IConsultation, "feedback_published")
# The section an opinion is on: the draft's outline counts them per section.
opinion_section = metadata(IOpinion, "section")


@indexer(IOpinion)
def opinion_searchable_text(obj):
    parts = [obj.tracking_number]
    if api.content.get_state(obj, default=None) == "published":
        parts.append(obj.text)
    return " ".join(p for p in parts if p)


@indexer(IOpinion)
def opinion_description(obj):
    return ""
