"""Settings of disclosure requests (registry prefix ``zhengwu.requests``):
the applicant's time to correct, and the letters' templates.

The templates are the office's legal documents, written in Chinese by
default (they are data the administrators edit, like a page's text). Each
may use the placeholders of ``PLACEHOLDERS``; anything else is refused.
"""

from string import Template
from zhengwu import _
from zope import schema
from zope.interface import Interface
from zope.schema import ValidationError


PLACEHOLDERS = {
    "organ": _("the organ answering"),
    "tracking_number": _("the tracking number"),
    "applicant": _("the applicant (name, or organization)"),
    "received_date": _("the date of receipt"),
    "requested_information": _("the information requested"),
    "outcome": _("the outcome"),
    "reason": _("the reason of the outcome"),
    "reply": _("the reply"),
    "comment": _("what the officer wrote (what to correct, why it is extended)"),
    "due_date": _("the current due date"),
    "correction_due": _("the applicant's deadline to correct"),
    "date": _("the date of the letter"),
}


class UnknownPlaceholder(ValidationError):
    __doc__ = _(
        "Use only the placeholders listed: ${organ}, ${tracking_number}, ${applicant}, "
        "${received_date}, ${requested_information}, ${outcome}, ${reason}, ${reply}, "
        "${comment}, ${due_date}, ${correction_due}, ${date}."
    )


def check_template(value):
    template = Template(value)
    if not template.is_valid() or set(template.get_identifiers()) - set(PLACEHOLDERS):
        raise UnknownPlaceholder(value)
    return True


_HEAD = "${applicant}：\n\n本机关于${received_date}收到您（单位）提出的政府信息公开申请（受理编号：${tracking_number}），申请获取“${requested_information}”。"
_TAIL = "\n\n如对本答复不服，可以在收到本答复之日起60日内依法申请行政复议，或者在6个月内依法提起行政诉讼。\n\n${organ}\n${date}"

DEFAULTS = {
    "disclosed": _HEAD
    + "经审查，根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，现将您申请的政府信息予以公开。\n\n${reply}"
    + _TAIL,
    "partially_disclosed": _HEAD
    + "经审查，您申请的政府信息中含有不应当公开的内容（${reason}）。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的部分。\n\n${reply}"
    + _TAIL,
    "not_disclosed": _HEAD
    + "经审查，您申请的政府信息属于不予公开的范围（${reason}）。根据《中华人民共和国政府信息公开条例》第三十六条第（三）项的规定，本机关不予公开，理由如下。\n\n${reply}"
    + _TAIL,
    "not_exist": _HEAD
    + "经审查，本机关无法提供您申请的政府信息（${reason}）。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。\n\n${reply}"
    + _TAIL,
    "not_processed": _HEAD
    + "经审查，您的申请不属于政府信息公开申请的处理范围（${reason}）。根据《中华人民共和国政府信息公开条例》第三十九条的规定，本机关不予处理。\n\n${reply}"
    + _TAIL,
    "other": _HEAD + "经审查，本机关对您的申请作如下处理（${reason}）。\n\n${reply}" + _TAIL,
    "correction": _HEAD
    + "经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您在${correction_due}前作出补正：\n\n${comment}\n\n补正期限内无正当理由未补正的，视为放弃申请，本机关不再处理该申请。\n\n${organ}\n${date}",
    "extension": _HEAD
    + "因正当理由，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长20个工作日，至${due_date}。\n\n延期理由：${comment}\n\n${organ}\n${date}",
}


def _template(name, title):
    return schema.Text(
        title=title,
        default=DEFAULTS[name],
        constraint=check_template,
        required=True,
    )


class IRequestSettings(Interface):
    correction_days = schema.Int(
        title=_("Time to correct (working days)"),
        description=_("How long an applicant has to correct a request before it lapses."),
        min=5,
        max=60,
        default=15,
    )
    letter_disclosed = _template("disclosed", _("Letter: disclosed"))
    letter_partially_disclosed = _template("partially_disclosed", _("Letter: partially disclosed"))
    letter_not_disclosed = _template("not_disclosed", _("Letter: not disclosed"))
    letter_not_exist = _template("not_exist", _("Letter: cannot be provided"))
    letter_not_processed = _template("not_processed", _("Letter: not processed"))
    letter_other = _template("other", _("Letter: otherwise handled"))
    letter_correction = _template("correction", _("Letter: request for correction"))
    letter_extension = _template("extension", _("Letter: extension"))
