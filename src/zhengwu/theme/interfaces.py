"""Interfaces of the portal's face."""

from zope.viewlet.interfaces import IViewletManager


class IHeaderTools(IViewletManager):
    """The header's tool row (``zhengwu.headertools``): the language and
    script switches (简体 / 繁體 / English), 无障碍 and 长者模式. The header
    template renders it; each tool is a viewlet of its own."""
