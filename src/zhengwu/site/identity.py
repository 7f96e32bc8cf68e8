"""Site identity (网站标识): what the national rules require in the footer of
every page of a government website — 网站标识码, ICP备案号, 公安机关备案号,
主办单位 and contact details. Stored in the registry, edited in a control panel.
"""

from plone.registry.interfaces import IRegistry
from zhengwu import _
from zope import schema
from zope.component import getUtility
from zope.interface import Interface
from zope.schema import ValidationError
import re


REGISTRY_PREFIX = "zhengwu.identity"
ICP_URL = "https://beian.miit.gov.cn/"
POLICE_URL = "https://beian.gov.cn/portal/registerSystemInfo?recordcode={code}"


class InvalidSiteCode(ValidationError):
    __doc__ = _("The site identification code has 10 digits or capital letters.")


class InvalidICPNumber(ValidationError):
    __doc__ = _("Enter the ICP record number as issued, such as 京ICP备12345678号-1.")


class InvalidPoliceNumber(ValidationError):
    __doc__ = _(
        "Enter the public security record number as issued, e.g. 京公网安备11010502030143号."
    )


def check_site_code(value):
    if not re.fullmatch(r"[0-9A-Z]{10}", value.strip()):
        raise InvalidSiteCode(value)
    return True


def check_icp_number(value):
    if not re.fullmatch(r"\S{1,3}ICP[备証证]\d{6,10}号(-\d{1,3})?", value.strip()):
        raise InvalidICPNumber(value)
    return True


def check_police_number(value):
    if not re.fullmatch(r"\S{1,3}公网安备\s?\d{14}号", value.strip()):
        raise InvalidPoliceNumber(value)
    return True


class InvalidWebAddress(ValidationError):
    __doc__ = _("Enter a web address starting with http:// or https://.")


def check_web_address(value):
    if not re.fullmatch(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", value.strip()):
        raise InvalidWebAddress(value)
    return True


def police_record_code(number):
    """The 14 digits that beian.gov.cn looks a record up by."""
    match = re.search(r"\d{14}", number or "")
    return match.group(0) if match else ""


class ISiteIdentity(Interface):
    """网站标识 settings (registry prefix ``zhengwu.identity``)."""

    sponsor = schema.TextLine(
        title=_("Sponsoring organ"),
        description=_("The government body responsible for the site."),
        required=False,
        max_length=100,
    )

    organizer = schema.TextLine(
        title=_("Operating organ"),
        description=_("The body that runs the site, if another."),
        required=False,
        max_length=100,
    )

    site_code = schema.TextLine(
        title=_("Site identification code"),
        description=_("The 10-character code of the national register of government websites."),
        required=False,
        constraint=check_site_code,
    )

    icp_number = schema.TextLine(
        title=_("ICP record number"),
        description=_("Linked to beian.miit.gov.cn in the footer."),
        required=False,
        constraint=check_icp_number,
    )

    police_number = schema.TextLine(
        title=_("Public security record number"),
        description=_("Linked to beian.gov.cn in the footer."),
        required=False,
        constraint=check_police_number,
    )

    contact_address = schema.TextLine(title=_("Contact address"), required=False, max_length=200)

    contact_phone = schema.TextLine(title=_("Contact phone"), required=False, max_length=50)

    contact_email = schema.TextLine(title=_("Contact email"), required=False, max_length=100)

    error_report_url = schema.TextLine(
        title=_("Error reporting address"),
        description=_(
            "The address of 我为政府网站找错, the national platform where the public "
            "reports errors on government websites (e.g. https://zfwzzc.www.gov.cn/). "
            "Linked in the footer; empty hides the link."
        ),
        required=False,
        max_length=300,
        constraint=check_web_address,
    )


FIELDS = tuple(schema.getFieldNamesInOrder(ISiteIdentity))


def get_identity():
    """The settings as a plain dict, with the two record links. (Read from the
    registry directly: every page asks, several times, and plone.registry
    keeps the values per request.)"""
    registry = getUtility(IRegistry)
    data = {name: registry.get(f"{REGISTRY_PREFIX}.{name}") or "" for name in FIELDS}
    data["icp_url"] = ICP_URL if data["icp_number"] else ""
    code = police_record_code(data["police_number"])
    data["police_url"] = POLICE_URL.format(code=code) if code else ""
    return data
