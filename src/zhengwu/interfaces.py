"""Marker interfaces shared by every domain."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IZhengwuLayer(IDefaultBrowserLayer):
    """Browser layer: registered by the ``zhengwu:default`` profile, so views
    and viewlets of Zhengwu only appear on sites where it is installed."""
