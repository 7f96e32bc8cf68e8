"""Zhengwu (政务): a Plone 6.2 platform for Chinese government websites."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "zhengwu"

_ = MessageFactory("zhengwu")
