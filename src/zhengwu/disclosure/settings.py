"""Settings of the disclosure catalog (registry prefix ``zhengwu.disclosure``)."""

from zhengwu import _
from zhengwu.disclosure import topics
from zhengwu.vocabulary_extensions import parse_extension
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema import ValidationError


class InvalidTopicLine(ValidationError):
    __doc__ = _(
        "Write one category per line as a code and a name: 2 digits for a new "
        "first-level category (23 数字政府), 4 digits for a second level under "
        "an existing one (0410 数字人民币)."
    )


def check_topic_line(value):
    try:
        parse_extension(value, topics.LINE_RE)
    except ValueError:
        raise InvalidTopicLine(value) from None
    return True


class IDisclosureSettings(Interface):
    extra_topics = schema.List(
        title=_("Additional subject categories"),
        description=_(
            "Extend the State Council subject classification, one category per "
            "line: a code and a name. Codes in use must never change."
        ),
        value_type=schema.TextLine(constraint=check_topic_line),
        required=False,
        default=[],
    )

    @invariant
    def codes_fit(data):
        try:
            lines = getattr(data, "extra_topics", None) or []
        except TypeError:  # the field itself was refused: its error says why
            return
        known = {t.code for t in topics.base_topics()}
        for line in lines:
            try:
                code, _title = parse_extension(line, topics.LINE_RE)
            except ValueError:
                continue  # the line's own constraint reports it
            if code in known:
                raise Invalid(_("The code ${code} is already in use.", mapping={"code": code}))
            if len(code) == 4 and code[:2] not in known:
                raise Invalid(
                    _(
                        "The code ${code} has no first-level category ${parent}.",
                        mapping={"code": code, "parent": code[:2]},
                    )
                )
            known.add(code)
