"""Citizens' records (messages, disclosure requests) are closed to anyone
who may not view them, whatever is published on them — and to those, a
record is not there at all.

Zope checks permissions on the object a URL publishes, not on the objects it
traverses: a public view such as ``<record>/@@plone_context_state/object_title``
would read the title of a record its reader may not see. After traversal,
every record on the way must be viewable by the current user.

A refusal would still tell a stranger that the number exists (a 302 to the
login form or a 401, where a number never given answers 404), and tracking
numbers could be enumerated by walking URLs (issue 17, finding 5). So whoever
may not see a record gets the answer of a number never given: the request is
made to look as if traversal had stopped at the record's id — the same
``PARENTS``, ``URL`` and exception — in HTML and in JSON alike.
"""

from AccessControl import getSecurityManager
from AccessControl.PermissionRole import rolesForPermissionOn
from AccessControl.SpecialUsers import nobody
from Acquisition import aq_base
from Acquisition import aq_chain
from plone.rest.errors import ErrorHandling
from plone.rest.traverse import RESTWrapper
from Products.PluggableAuthService.interfaces.authservice import IPluggableAuthService
from zExceptions import NotFound
from zope.globalrequest import getRequest
from zope.interface import Interface


class ICitizenRecord(Interface):
    """A record a citizen submitted: readable only as its workflow allows."""


def _unwrapped(obj):
    # plone.rest wraps the object a REST request reaches
    return obj.context if isinstance(obj, RESTWrapper) else obj


def outermost_record(request):
    """``(index in PARENTS, record)`` of the record nearest the site on the
    way to what the request publishes, or ``(None, None)``."""
    found = (None, None)
    published = request.get("PUBLISHED")
    parents = request.get("PARENTS") or []
    if published is not None and ICitizenRecord.providedBy(_unwrapped(published)):
        found = (-1, _unwrapped(published))
    for index, obj in enumerate(parents):
        if ICitizenRecord.providedBy(_unwrapped(obj)):
            found = (index, _unwrapped(obj))
    return found


def hide(request, index, record):
    """Answer as traversal answers a missing id: PARENTS from the record's
    container up (PUBLISHED unset), URL ending at the record's id."""
    parents = request["PARENTS"]
    parents[:] = parents[index + 1 :]
    request.other.pop("PUBLISHED", None)
    request["URL"] = record.absolute_url()
    raise NotFound(request["URL"])


def _user_folders(obj):
    """The user folders above ``obj``, nearest first (the site's PAS, then
    Zope's own)."""
    for parent in aq_chain(obj):
        # its own user folder, not one acquired from above
        if getattr(aq_base(parent), "acl_users", None) is not None:
            yield parent.acl_users


def request_user(request, record):
    """The user the request's credentials name (nobody when none do), found
    as Zope's traversal finds it — where Zope refused the request before
    its user was known."""
    auth = request._auth
    for folder in _user_folders(record):
        if IPluggableAuthService.providedBy(folder):
            plugins = folder._getOb("plugins")
            for user_id, login in folder._extractUserIds(request, plugins):
                user = folder._findUser(plugins, user_id, login, request=request)
                if user is not None:
                    return user.__of__(folder)
        elif auth and hasattr(aq_base(folder), "identify"):
            name, password = folder.identify(auth)
            user = folder.authenticate(name, password, request) if name else None
            if user is not None:
                return user.__of__(folder)
    return nobody


def may_view(request, record):
    """Whether the user the request authenticates may view ``record``."""
    return bool(request_user(request, record).allowed(record, rolesForPermissionOn("View", record)))


def guard_records(event):
    """IPubAfterTraversal: the user is known; a record on the way they may
    not view is not there."""
    request = event.request
    security = getSecurityManager()
    parents = request.get("PARENTS", ())
    hidden = None
    for index, obj in enumerate(parents):
        obj = _unwrapped(obj)
        if ICitizenRecord.providedBy(obj) and not security.checkPermission("View", obj):
            hidden = (index, obj)  # the outermost wins: keep looking up
    if hidden is not None:
        hide(request, *hidden)


def hide_below(request):
    """Where something below a record failed during traversal (its user not
    yet known): if the user may not view the record, the request is made to
    look as if traversal had stopped at the record's id."""
    records = [
        _unwrapped(obj)
        for obj in request.get("PARENTS") or ()
        if ICitizenRecord.providedBy(_unwrapped(obj))
    ]
    if not records:
        return
    record = min(records, key=lambda obj: len(obj.getPhysicalPath()))
    if may_view(request, record):
        return
    inside = record.getPhysicalPath()

    def below(obj):
        path = getattr(aq_base(_unwrapped(obj)), "getPhysicalPath", None)
        return path is None or _unwrapped(obj).getPhysicalPath()[: len(inside)] == inside

    request["PARENTS"][:] = [obj for obj in request["PARENTS"] if not below(obj)]
    request.other.pop("PUBLISHED", None)
    request["URL"] = record.absolute_url()


class MissingAnswer(ErrorHandling):
    """plone.rest's error view for NotFound in JSON. A failure below a
    record its user may not view (``<record>/@@images/…``) answers as the
    record's missing id does."""

    def __call__(self):
        hide_below(self.request)
        return super().__call__()


def unauthorized(self):
    """``WSGIResponse.unauthorized``, which traversal calls when no user may
    publish the object reached: below a record the user may not view, the
    answer of a missing id instead of a challenge."""
    request = getRequest()
    if request is not None:
        index, record = outermost_record(request)
        if record is not None and not may_view(request, record):
            if index == -1:  # the record itself was published
                request["PARENTS"].insert(0, request["PUBLISHED"])
                index = 0
            hide(request, index, record)
    return self._old_unauthorized()
