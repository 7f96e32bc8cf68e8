"""The Department (部门): a folder with an organization record.

Its code (统一社会信用代码 or 9-character 组织机构代码) prefixes the index
numbers of everything the department publishes, so it is checked when saved.
"""

from Acquisition import aq_base
from plone import api
from plone.dexterity.content import Container
from plone.supermodel import model
from zhengwu import _
from zhengwu import phones
from zhengwu.site import orgcode
from zope import schema
from zope.interface import implementer
from zope.interface import provider
from zope.schema import ValidationError
from zope.schema.interfaces import IContextAwareDefaultFactory
import re
import threading


class InvalidOrganizationCode(ValidationError):
    __doc__ = _(
        "Enter an 18-character unified social credit code or a 9-character "
        "organization code; the check character does not match."
    )


class InvalidPhone(ValidationError):
    __doc__ = _(
        "Enter a Chinese phone number: a mobile number (11 digits) or a "
        "landline with area code, such as 010-12345678."
    )


class InvalidEmail(ValidationError):
    __doc__ = _("Enter an email address such as office@example.gov.cn.")


class InvalidPostalCode(ValidationError):
    __doc__ = _("A postal code has 6 digits.")


def check_organization_code(value):
    if not orgcode.is_valid_code(value):
        raise InvalidOrganizationCode(value)
    return True


def check_phone(value):
    if not phones.is_number(value):
        raise InvalidPhone(value)
    return True


def check_email(value):
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value.strip()):
        raise InvalidEmail(value)
    return True


def check_postal_code(value):
    if not re.fullmatch(r"\d{6}", value.strip()):
        raise InvalidPostalCode(value)
    return True


@provider(IContextAwareDefaultFactory)
def enclosing_department(context):
    """The department something new is added in, if any."""
    obj = context
    while obj is not None:
        if IDepartment.providedBy(obj):
            return obj.UID()
        obj = getattr(obj, "__parent__", None)
    return None


class IDepartment(model.Schema):
    """The organization record of a department."""

    organization_code = schema.TextLine(
        title=_("Organization code"),
        description=_(
            "Unified social credit code (18 characters) or organization code "
            "(9 characters). It prefixes the index numbers of the department's "
            "disclosure catalog."
        ),
        required=True,
        constraint=check_organization_code,
    )

    short_name = schema.TextLine(
        title=_("Short name"),
        description=_("As used in document numbers."),
        required=False,
        max_length=20,
    )

    address = schema.TextLine(title=_("Address"), required=False, max_length=200)

    postal_code = schema.TextLine(
        title=_("Postal code"), required=False, constraint=check_postal_code
    )

    phone = schema.TextLine(title=_("Phone"), required=False, constraint=check_phone)

    fax = schema.TextLine(title=_("Fax"), required=False, constraint=check_phone)

    email = schema.TextLine(title=_("Email"), required=False, constraint=check_email)

    office_hours = schema.TextLine(title=_("Office hours"), required=False, max_length=200)


@implementer(IDepartment)
class Department(Container):
    """A department's folder; its groups are made by department_groups."""


# (catalog counter's oid, its serial) → {UID: title}. The counter changes
# with every (un)indexing and is committed with it: a committed serial names
# one state of the catalog. While this transaction has changed it (or has
# indexing pending), nothing is kept or read.
_titles = {}
_titles_lock = threading.Lock()


def _organ_titles():
    catalog = api.portal.get_tool("portal_catalog")
    catalog.getCounter()  # indexes what is queued first, as a query would
    counter = getattr(aq_base(catalog), "_counter", None)
    key = None
    if counter is not None and not counter._p_changed and counter._p_oid is not None:
        key = (counter._p_oid, counter._p_serial)
    titles = _titles.get(key) if key is not None else None
    if titles is None:
        brains = catalog.unrestrictedSearchResults(portal_type="Department")
        titles = {b.UID: b.Title for b in brains}
        if key is not None:
            with _titles_lock:
                if len(_titles) > 50:
                    _titles.clear()
                _titles[key] = titles
    return titles


def organ_titles():
    """UID → title of every department (titles of organs are public). Read
    from the catalog once per state of it (every item page and listing asks)."""
    return dict(_organ_titles())


def organ_title(uid):
    """The title of the department ``uid``, or None."""
    if not uid or not isinstance(uid, str):
        return None
    return _organ_titles().get(uid)
