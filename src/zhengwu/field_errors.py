"""One short sentence for what is wrong with a value of a schema field,
for channels that report errors themselves (rows of a guide, public
submission forms) rather than through z3c.form or plone.restapi."""

from zhengwu import _
from zhengwu.i18n import translated
from zope.i18nmessageid import Message
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import TooShort
from zope.schema.interfaces import TooSmall


def problem(field, error):
    """A translated sentence for ``error`` raised by ``field`` (None: the
    value could not even be read as the field's type)."""
    if isinstance(error, RequiredMissing):
        return translated(_("required"))
    if isinstance(error, (TooSmall, TooBig)):
        return translated(
            _("a whole number from ${min} to ${max}", mapping={"min": field.min, "max": field.max})
        )
    if isinstance(error, TooLong):
        return translated(_("at most ${max} characters", mapping={"max": field.max_length}))
    if isinstance(error, TooShort):
        return translated(_("required"))
    if IChoice.providedBy(field):
        return translated(_("not one of the choices"))
    if isinstance(type(error).__doc__, Message):  # our rules say it in a sentence
        return translated(type(error).__doc__)
    return translated(_("not a valid value"))
