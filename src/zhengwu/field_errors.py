"""One short sentence for what is wrong with a value of a schema field,
for channels that report errors themselves (rows of a guide, public
submission forms) rather than through z3c.form or plone.restapi."""

from zhengwu import _
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import TooShort
from zope.schema.interfaces import TooSmall


def t(message):
    return translate(message, context=getRequest())


def problem(field, error):
    """A translated sentence for ``error`` raised by ``field`` (None: the
    value could not even be read as the field's type)."""
    if isinstance(error, RequiredMissing):
        return t(_("required"))
    if isinstance(error, (TooSmall, TooBig)):
        return t(
            _("a whole number from ${min} to ${max}", mapping={"min": field.min, "max": field.max})
        )
    if isinstance(error, TooLong):
        return t(_("at most ${max} characters", mapping={"max": field.max_length}))
    if isinstance(error, TooShort):
        return t(_("required"))
    if IChoice.providedBy(field):
        return t(_("not one of the choices"))
    if isinstance(type(error).__doc__, Message):  # our rules say it in a sentence
        return t(type(error).__doc__)
    return t(_("not a valid value"))
