"""Finding a submission by tracking number and query code, for the status
and rating endpoints: the same answer (None) for a wrong number and a
wrong code, the same work for both (no timing difference), and failed
attempts throttled per client."""

from AccessControl.users import UnrestrictedUser
from contextlib import contextmanager
from plone import api
from zhengwu import _
from zhengwu.rest import BadRequest
from zhengwu.rest import NotFound
from zhengwu.rest import TooManyRequests
from zhengwu.submissions import codes
from zhengwu.submissions import throttle
from zhengwu.submissions import tracking


SYSTEM_USER = "zhengwu-submissions"
_DUMMY = codes.hash_code("not a code")


def find(number, code, request, portal_type):
    """The object, or None; ``TooManyRequests`` once the client failed too often."""
    client = throttle.client(request)
    if throttle.LOOKUPS.exceeded(client):
        raise TooManyRequests(
            _("Too many wrong attempts; try again later."), throttle.LOOKUPS.retry_after(client)
        )
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


def find_or_refuse(data, request, portal_type, not_found):
    """The submission ``data`` names by ``tracking_number`` and
    ``query_code`` (a REST body or query): ``BadRequest`` without both,
    ``NotFound`` with the message ``not_found`` for a wrong number or code,
    ``TooManyRequests`` once the client failed too often."""
    number, code = data.get("tracking_number"), data.get("query_code")
    if not isinstance(number, str) or not isinstance(code, str):
        raise BadRequest(_("Give tracking_number and query_code once each."), "query_code")
    found = find(number, code, request, portal_type)
    if found is None:
        raise NotFound(not_found)
    return found


@contextmanager
def system_user():
    """Act as the submissions' own system user: it creates what the public
    submits (Anonymous holds no add permission) and reads it back."""
    portal = api.portal.get()
    user = UnrestrictedUser(SYSTEM_USER, "", ("Manager",), ()).__of__(portal.acl_users)
    with api.env.adopt_user(user=user):
        yield
