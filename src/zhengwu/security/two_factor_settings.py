"""The setting of two-factor login (``zhengwu.security.two_factor_required``;
``profiles/default/registry/two_factor.xml``), apart from ``settings.py`` so
that each part of issue 17 keeps its own records."""

from zhengwu import _
from zope import schema
from zope.interface import Interface


class ITwoFactorSettings(Interface):
    two_factor_required = schema.Bool(
        title=_("Two-factor login required for administrators"),
        description=_(
            "Site Administrators and Managers (directly or through a group) must log in "
            "with a code of an authenticator app: after their password is accepted they "
            "set it up before anything else works, and they cannot turn it off."
        ),
        required=False,
        default=False,
    )
