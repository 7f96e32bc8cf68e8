"""``@@iconresolver`` with its SVG tags kept per process.

Plone's ``tag`` (the icons of listings, the navigation portlet, the
toolbar) traverses to the icon's file, reads and parses it and serialises
it again, on every call: a navigation portlet of eight entries did that
eight times per page. The tag depends only on the icon (the registry's
``plone.icon.*`` record, still looked up on every call), the class and the
alt text asked for, and the file, which is on the file system (Plone
resolves no other kind of SVG icon) and does not change while a process
runs outside development mode.
"""

from App.config import getConfiguration
from Products.CMFPlone.browser.icons import IconsView


_tags = {}
LIMIT = 2000


class CachedIconsView(IconsView):
    def tag(self, name, tag_class="", tag_alt=""):
        icon = self.lookup(name)
        if not icon.endswith(".svg") or getattr(getConfiguration(), "debug_mode", False):
            return super().tag(name, tag_class, tag_alt)
        key = (icon, tag_class, tag_alt)
        found = _tags.get(key)
        if found is None:
            found = super().tag(name, tag_class, tag_alt)
            if len(_tags) > LIMIT:
                _tags.clear()
            _tags[key] = found
        return found
