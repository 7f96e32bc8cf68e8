"""Citizens' records (messages, disclosure requests) are closed to anyone
who may not view them, whatever is published on them.

Zope checks permissions on the object a URL publishes, not on the objects it
traverses: a public view such as ``<record>/@@plone_context_state/object_title``
would read the title of a record its reader may not see. After traversal,
every record on the way must be viewable by the current user.
"""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from zope.interface import Interface


class ICitizenRecord(Interface):
    """A record a citizen submitted: readable only as its workflow allows."""


def guard_records(event):
    security = getSecurityManager()
    for obj in event.request.get("PARENTS", ()):
        if ICitizenRecord.providedBy(obj) and not security.checkPermission("View", obj):
            raise Unauthorized("You may not see this record.")
