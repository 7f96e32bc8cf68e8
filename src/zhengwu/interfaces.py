"""Marker interfaces shared by every domain."""

from zope.interface import Attribute
from zope.interface import implementer
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IZhengwuLayer(IDefaultBrowserLayer):
    """Browser layer: registered by the ``zhengwu:default`` profile, so views
    and viewlets of Zhengwu only appear on sites where it is installed."""


class IReasonRequired(Interface):
    """The transitions of one workflow (the utility's name is the workflow
    id) that need a comment: the reason someone else reads. Each domain
    declares its own; the transition form marks the comment as required."""

    transitions = Attribute("Transition ids")


@implementer(IReasonRequired)
class ReasonRequired:
    def __init__(self, *transitions):
        self.transitions = frozenset(transitions)
