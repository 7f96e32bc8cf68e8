"""Site settings of the review domain (registry prefix ``zhengwu.review``)."""

from zhengwu import _
from zope import schema
from zope.interface import Interface


class IReviewSettings(Interface):
    manager_may_self_approve = schema.Bool(
        title=_("Managers are exempt from separation of duties"),
        description=_(
            "Off by default: nobody, a Manager included, approves their own "
            "item or two levels of one review round. Turn on only for an "
            "emergency, and turn off again."
        ),
        default=False,
        required=False,
    )
