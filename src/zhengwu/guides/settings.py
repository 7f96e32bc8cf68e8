"""Settings of service guides (registry prefix ``zhengwu.guides``)."""

from zhengwu import _
from zhengwu.guides import themes
from zhengwu.vocabulary_extensions import parse_extension
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema import ValidationError


class InvalidThemeLine(ValidationError):
    __doc__ = _(
        "Write one theme per line as an id (lower-case letters, digits and _) "
        "and a name, such as: talent_housing 人才安居."
    )


def check_theme_line(value):
    try:
        parse_extension(value, themes.LINE_RE)
    except ValueError:
        raise InvalidThemeLine(value) from None
    return True


class IGuideSettings(Interface):
    extra_themes = schema.List(
        title=_("Additional service themes"),
        description=_(
            "Life or business events your government uses besides the national "
            "list, one per line: an id and a name. Ids in use must never change."
        ),
        value_type=schema.TextLine(constraint=check_theme_line),
        required=False,
        default=[],
    )

    review_period_days = schema.Int(
        title=_("Check guides every (days)"),
        description=_(
            "The completeness report lists published guides not checked for longer than this."
        ),
        min=7,
        max=3650,
        default=180,
    )

    @invariant
    def ids_unique(data):
        try:
            lines = getattr(data, "extra_themes", None) or []
        except TypeError:  # the field itself was refused: its error says why
            return
        known = {theme_id for theme_id, _title, _audience in themes.THEMES}
        for line in lines:
            try:
                theme_id, _title = parse_extension(line, themes.LINE_RE)
            except ValueError:
                continue  # the line's own constraint reports it
            if theme_id in known:
                raise Invalid(_("The id ${id} is already in use.", mapping={"id": theme_id}))
            known.add(theme_id)
