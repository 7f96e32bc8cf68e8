"""Finding a submission by tracking number and query code, for the status
and rating endpoints: the same answer (None) for a wrong number and a
wrong code, the same work for both (no timing difference), and failed
attempts throttled per client."""

from AccessControl.users import UnrestrictedUser
from contextlib import contextmanager
from plone import api
from zhengwu import _
from zhengwu.submissions import codes
from zhengwu.submissions import throttle
from zhengwu.submissions import tracking
from zhengwu.submissions.intake import Refused


SYSTEM_USER = "zhengwu-submissions"
_DUMMY = codes.hash_code("not a code")


def find(number, code, request, portal_type):
    """The object, or None; ``Refused(429)`` once the client failed too often."""
    client = throttle.client(request)
    if throttle.LOOKUPS.exceeded(client):
        raise Refused(429, _("Too many wrong attempts; try again later."))
    uid = tracking.lookup(number)
    obj = None
    if uid:
        with system_user():
            obj = api.content.get(UID=uid)
    if obj is None or obj.portal_type != portal_type:
        codes.check_code(code or "", _DUMMY)  # the same work as for a real one
        obj = None
    elif not codes.check_code(code, getattr(obj, "query_code_hash", None)):
        obj = None
    if obj is None:
        throttle.LOOKUPS.hit(client)
    return obj


@contextmanager
def system_user():
    """Act as the submissions' own system user: it creates what the public
    submits (Anonymous holds no add permission) and reads it back."""
    portal = api.portal.get()
    user = UnrestrictedUser(SYSTEM_USER, "", ("Manager",), ()).__of__(portal.acl_users)
    with api.env.adopt_user(user=user):
        yield
