"""``closes`` never precedes ``opens``, on every channel, as an error of
the ``closes`` field: the edit forms show it there (a z3c.form validator:
the schema's invariant alone would show at the top, and only when both
dates are in the same submission), REST answers a 400 naming ``closes``
(the deserializer compares with the stored date when a PATCH sends only
one of them). A period shorter than 30 days is allowed but warned after
saving (and on the page, and by site supervision)."""

from datetime import date
from plone import api
from plone.rest.interfaces import IAPIRequest
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from z3c.form import validator
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import NO_VALUE
from zExceptions import BadRequest
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.interfaces import IZhengwuLayer
from zhengwu.participation.consultation import closes_error
from zhengwu.participation.consultation import IConsultation
from zhengwu.participation.consultation import short_period
from zope.component import adapter
from zope.container.interfaces import IContainerModifiedEvent
from zope.globalrequest import getRequest
from zope.interface import Invalid


class ClosesValidator(validator.SimpleFieldValidator):
    def _opens(self):
        widgets = getattr(self.view, "widgets", None)
        widget = widgets.get("opens") if widgets is not None else None
        if widget is not None:
            raw = widget.extract()
            if raw is NO_VALUE:
                return None
            try:
                return IDataConverter(widget).toFieldValue(raw)
            except Exception:  # noqa: BLE001 - the opens widget reports its own error
                return None
        return (
            getattr(self.context, "opens", None) if IConsultation.providedBy(self.context) else None
        )

    def validate(self, value, force=False):
        super().validate(value, force)
        message = closes_error(self._opens(), value)
        if message:
            raise Invalid(translated(message, self.request))


validator.WidgetValidatorDiscriminators(ClosesValidator, field=IConsultation["closes"])


def _date(data, name, context):
    if name in data:
        value = data[name]
        if isinstance(value, str):
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                return None  # plone.restapi reports the field's own error
        return None
    return getattr(context, name, None)


@adapter(IConsultation, IZhengwuLayer)
class ConsultationDeserializer(DeserializeFromJson):
    def __call__(self, validate_all=False, data=None, create=False, mask_validation_errors=True):
        if data is None:
            data = json_body(self.request)
        if isinstance(data, dict):
            message = closes_error(
                _date(data, "opens", self.context), _date(data, "closes", self.context)
            )
            if message:
                raise BadRequest(
                    [
                        {
                            "message": translated(message, self.request),
                            "field": "closes",
                            "error": "ValidationError",
                        }
                    ]
                )
        return super().__call__(
            validate_all=validate_all,
            data=data,
            create=create,
            mask_validation_errors=mask_validation_errors,
        )


def warn_short_period(consultation, event):
    """After saving in the classic UI: a period under 30 days is warned."""
    if IContainerModifiedEvent.providedBy(event):
        return
    days = short_period(consultation.opens, consultation.closes)
    request = getRequest()
    if not days or request is None or not hasattr(request, "RESPONSE"):
        return
    if IAPIRequest.providedBy(request):
        return  # REST clients read the dates themselves (and site supervision counts them)
    api.portal.show_message(
        translated(
            _(
                "This consultation is open for ${days} days only: the rules ask for at "
                "least 30 days (国令第713号), and site supervision counts it.",
                mapping={"days": days},
            ),
            request,
        ),
        request,
        type="warning",
    )
