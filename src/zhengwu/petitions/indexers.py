"""Catalog entries of petitions: what worklists and statistics read, and a
full text without any personal field (nobody finds a petition by a
submitter's name, phone or ID number)."""

from plone.indexer import indexer
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
    parts = [obj.tracking_number, obj.title, obj.content, obj.reply]
    return " ".join(p for p in parts if p)


@indexer(IPetition)
def description(obj):
    return ""  # never a summary built from the message


def _metadata(name):
    @indexer(IPetition)
    def value(obj):
        return getattr(obj, name, None)

    return value


tracking_number = _metadata("tracking_number")
category = _metadata("category")
received_date = _metadata("received_date")
due_date = _metadata("due_date")
replied_date = _metadata("replied_date")
satisfaction = _metadata("satisfaction")
