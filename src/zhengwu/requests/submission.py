"""An application becomes a DisclosureRequest: checked, throttled,
numbered, stored by the submissions' system user in the catalog of the
organ it is addressed to. The clock starts when an officer registers it
(条例 Art. 31: an online request is received on the day it is confirmed)."""

from plone import api
from zhengwu import _
from zhengwu import clock
from zhengwu.field_errors import problem
from zhengwu.i18n import translated
from zhengwu.requests.request import APPLICANT_FIELDS
from zhengwu.requests.request import IDisclosureRequest
from zhengwu.security.text import clean
from zhengwu.submissions import intake
from zhengwu.submissions import tracking
from zhengwu.submissions.catalog import adding_record
from zhengwu.submissions.fields import check_resident_id
from zhengwu.submissions.lookup import system_user
from zope.schema import ValidationError


PREFIX = "YSQ"  # 依申请
FIELDS = (*APPLICANT_FIELDS, "requested_information", "delivery_form")
ORGANIZATION_ONLY = ("organization_type", "organization_name", "credit_code")


def _required(values, names):
    return [
        {"field": name, "message": translated(_("required"))}
        for name in names
        if not values.get(name)
    ]


def applicant_errors(values):
    """The rules between fields: what each kind of applicant must give, and
    what each delivery form needs."""
    kind = values.get("applicant_type")
    errors = []
    if kind == "citizen":
        errors += _required(values, ("id_type", "id_number"))
        for name in ORGANIZATION_ONLY:
            values.pop(name, None)
    elif kind == "organization":
        errors += _required(values, ORGANIZATION_ONLY)
    if values.get("id_type") == "resident_id" and values.get("id_number"):
        try:
            check_resident_id(values["id_number"])
            values["id_number"] = values["id_number"].upper()
        except ValidationError as error:
            field = IDisclosureRequest["id_number"]
            errors.append({"field": "id_number", "message": problem(field, error)})
    if values.get("delivery_form") == "email" and not values.get("email"):
        errors.append(
            {"field": "email", "message": translated(_("required to receive it by email"))}
        )
    if values.get("delivery_form") == "post" and not values.get("address"):
        errors.append(
            {"field": "address", "message": translated(_("required to receive it by post"))}
        )
    return errors


def submit(catalog, data, request):
    """``(record, query_code, errors)``; ``intake.Refused`` for a
    catalog without organ, a filled honeypot or a flood."""
    if not getattr(catalog, "organ", None):
        raise intake.Refused(403, _("This catalog does not take requests: it has no organ."))
    values, errors = intake.receive(
        data,
        IDisclosureRequest,
        FIELDS,
        catalog,
        request,
        _("You have sent several requests just now; try again later."),
        rules=applicant_errors,
    )
    if errors:
        return None, None, errors
    number, code, code_hash = tracking.issue(PREFIX)
    with system_user(), adding_record(catalog):
        record = api.content.create(
            container=catalog,
            type="DisclosureRequest",
            id=number.lower(),
            safe_id=False,
            title=number,
            tracking_number=number,
            organ=catalog.organ,
            query_code_hash=code_hash,
            **values,
        )
    tracking.register(number, record.UID())
    return record, code, []


def correct(record, text):
    """The applicant's correction arrives: the clock starts again today.
    Returns an error sentence, or None."""
    text = clean(text or "").strip() if isinstance(text, str) else ""
    if not text:
        return translated(_("Write the correction."))
    longest = api.portal.get_registry_record("zhengwu.submissions.max_text_length", default=5000)
    if len(text) > longest:
        return translated(_("at most ${max} characters", mapping={"max": longest}))
    if api.content.get_state(record) != "awaiting_correction":
        return translated(_("This request does not wait for a correction."))
    with system_user():
        record.correction = text
        record.correction_received_date = clock.today()
        api.content.transition(
            record,
            transition="receive_correction",
            comment=translated(_("Corrected online by the applicant.")),
        )
    return None
