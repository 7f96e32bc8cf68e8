"""Catalog entries of petitions: what worklists and statistics read, and a
full text without any personal field (nobody finds a petition by a
submitter's name, phone or ID number)."""

from plone import api
from plone.indexer import indexer
from zhengwu.indexing import metadata
from zhengwu.petitions.petition import IPetition


def department(obj):
    """The department answerable for the petition: the one it was assigned
    to, or else the one running its mailbox."""
    if obj.assigned_department:
        return obj.assigned_department
    return getattr(obj.aq_parent, "department", None)


@indexer(IPetition)
def petition_department(obj):
    return department(obj)


@indexer(IPetition)
def petition_year(obj):
    return obj.received_date.year if obj.received_date else None


@indexer(IPetition)
def searchable_text(obj):
    """The tracking number; the title, content and reply too once a handler
    took the message up (the submission itself writes no word of its text:
    every word is a posting that concurrent submissions would write)."""
    parts = [obj.tracking_number]
    if api.content.get_state(obj, default=None) not in (None, "submitted"):
        parts += [obj.title, obj.content, obj.reply]
    return " ".join(p for p in parts if p)


@indexer(IPetition)
def description(obj):
    return ""  # never a summary built from the message


tracking_number = metadata(IPetition, "tracking_number")
category = metadata(IPetition, "category")
received_date = metadata(IPetition, "received_date")
due_date = metadata(IPetition, "due_date")
replied_date = metadata(IPetition, "replied_date")
satisfaction = metadata(IPetition, "satisfaction")
