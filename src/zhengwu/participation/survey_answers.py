"""Taking one answer to a survey, from easyform's own page or from
``POST <survey>/@survey-answer``.

One answer per client: the browser keeps a cookie per survey
(``zhengwu-survey-<uid>``), and the survey counts the answers of each client
address (``zhengwu.clients``: behind trusted proxies the forwarded one), at
most ``zhengwu.participation.survey_answers_per_client`` (default 1; raise it
where many respondents share one address, e.g. an office behind NAT). The
count is kept in the survey (hashed keys), so it holds across restarts and
processes. Floods of any submission are refused by the shared per-client
limit (``zhengwu.submissions.throttle``, 429).
"""

from collective.easyform.api import get_actions
from collective.easyform.api import get_expression
from collective.easyform.api import get_schema
from collective.easyform.interfaces import IActionExtender
from collective.easyform.interfaces import ILabel
from plone import api
from plone.restapi.interfaces import IFieldDeserializer
from zhengwu import _
from zhengwu.field_errors import problem
from zhengwu.i18n import translated
from zhengwu.participation import survey as surveys
from zhengwu.rest import Conflict
from zhengwu.rest import Forbidden
from zhengwu.rest import Refused
from zhengwu.rest import TooManyRequests
from zhengwu.security.text import clean
from zhengwu.submissions import throttle
from zhengwu.submissions.intake import HONEYPOT
from zope.component import getMultiAdapter
from zope.schema import getFieldsInOrder
from zope.schema import ValidationError
from zope.schema.interfaces import RequiredMissing


COOKIE_PREFIX = "zhengwu-survey-"
COOKIE_DAYS = 400  # the longest a browser keeps a cookie
LIMIT_RECORD = "zhengwu.participation.survey_answers_per_client"


def cookie_name(survey):
    return COOKIE_PREFIX + survey.UID()


def per_client():
    return api.portal.get_registry_record(LIMIT_RECORD, default=1)


def check_client(survey, request):
    """Refuse a client who answered already (cookie or address) or is
    flooding; nothing is counted here."""
    message = surveys.refusal(survey)
    if message is not None:
        raise Forbidden(message)
    client = throttle.client(request)
    if throttle.SUBMISSIONS.exceeded(client):
        raise TooManyRequests(
            _("Too many submissions from your address; please try again later."),
            throttle.SUBMISSIONS.retry_after(client),
        )
    answered = _("You have already answered this survey. Thank you.")
    if request.cookies.get(cookie_name(survey)):
        raise Conflict(answered)
    if client is not None:
        count = surveys.client_count(survey, client)
        if count >= per_client():
            raise Conflict(answered)


def counted(survey, request):
    """Record the client's answer: its address counted, its cookie set, the
    flood limit hit once the transaction commits."""
    client = throttle.client(request)
    if client is not None:
        clients = surveys.state(survey)["clients"]
        key = surveys.client_hash(survey, client)
        clients[key] = clients.get(key, 0) + 1
        throttle.SUBMISSIONS.hit_after_commit(client)
    request.response.setCookie(
        cookie_name(survey),
        "1",
        path="/",
        max_age=COOKIE_DAYS * 24 * 3600,
        http_only=True,
        same_site="Lax",
    )


def questions(survey):
    """(name, field) of the survey's questions (labels are not asked)."""
    return [(n, f) for n, f in getFieldsInOrder(get_schema(survey)) if not ILabel.providedBy(f)]


def _clean(value):
    if isinstance(value, str):
        return clean(value).strip()
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def read(survey, data, request):
    """``(values, errors)`` of a JSON answer: every question by its field
    name, a value as plone.restapi reads that field; errors name the field."""
    if data.get(HONEYPOT):
        throttle.SUBMISSIONS.hit(throttle.client(request))
        raise Refused(400, _("Your answer could not be accepted."))
    fields = dict(questions(survey))
    errors = [
        {
            "field": name,
            "message": translated(_("There is no field ${name}.", mapping={"name": name})),
        }
        for name in sorted(set(data) - set(fields) - {HONEYPOT})
    ]
    longest = api.portal.get_registry_record("zhengwu.submissions.max_text_length", default=5000)
    values = {}
    for name, field in fields.items():
        field = field.bind(survey)
        raw = _clean(data.get(name))
        if raw in (None, "", []):
            if field.required:
                errors.append({"field": name, "message": problem(field, RequiredMissing(name))})
            else:
                values[name] = field.missing_value
            continue
        if isinstance(raw, str) and len(raw) > longest:
            errors.append(
                {
                    "field": name,
                    "message": translated(_("at most ${max} characters", mapping={"max": longest})),
                }
            )
            continue
        try:
            deserializer = getMultiAdapter((field, survey, request), IFieldDeserializer)
            values[name] = deserializer(raw)
        except ValidationError as error:
            errors.append({"field": name, "message": problem(field, error)})
        except (ValueError, TypeError, LookupError):
            errors.append({"field": name, "message": problem(field, None)})
    return values, errors


def save(survey, values, request):
    """Run the survey's actions on an answer, as easyform's own form does
    (its ``processActions``): the save-data adapter stores it. An action's
    error (a dict, field → message) is returned."""
    for _name, action in getFieldsInOrder(get_actions(survey)):
        if not action.required:
            continue
        condition = IActionExtender(action).execCondition
        if condition and not get_expression(survey, condition):
            continue
        if hasattr(action, "onSuccess"):
            result = action.onSuccess(dict(values), request)
            if isinstance(result, dict) and result:
                return result
    return None
