"""The page's ``<script>`` and ``<link>`` tags of the bundles, built once per
process instead of on every page.

Plone's resource viewlets (``plone.resourceregistries.scripts`` and
``.styles``) rebuild the bundles' tags on every request: for each bundle file
they traverse to it, read it and hash it (SHA-384, for the ``integrity``
attribute and the unique URL). A Zhengwu site has seven bundles where vanilla
Plone has three, the theme's Barceloneta stylesheet among the files hashed,
and that was a tenth of an anonymous page's time (docs/benchmarks.md).

The tags depend on: the bundles' records, which Plone marks changed by
stamping the registry (``update_resource_registry_mtime``: any profile import
of registry records, the resource-registries control panel — the same signal
plone.app.caching's ETag for resources reads); the theme and its own
styles; the custom CSS setting; the bundles the request enables or
disables; the bundles' expressions, evaluated for the page; the site's URL
as the reader asked for it (virtual host, ``++hant++``); and the files'
contents, which do not change while a process runs (in development mode,
where they may, nothing is kept). Those are the key; the output is the one
Plone's viewlet renders.
"""

from App.config import getConfiguration
from plone.app.theming.interfaces import IThemeSettings
from plone.app.theming.utils import theming_policy
from plone.base.interfaces import IBundleRegistry
from plone.registry.interfaces import IRegistry
from Products.CMFCore.Expression import Expression
from Products.CMFPlone.resources.browser.resource import _RESOURCE_REGISTRY_MTIME
from Products.CMFPlone.resources.browser.resource import REQUEST_CACHE_KEY
from Products.CMFPlone.resources.browser.resource import ScriptsView
from Products.CMFPlone.resources.browser.resource import StylesView
from Products.CMFPlone.resources.utils import evaluateExpression
from zope.component import getMultiAdapter
from zope.component import getUtility
import webresource


# key → {"js": …, "css": …}; (portal URL, registry stamp) → bundle expressions
_rendered = {}
_expressions = {}
LIMIT = 200  # distinct keys kept (sites × hosts × expression outcomes)


def _bundle_expressions(registry, stamp):
    key = (getattr(registry, "_p_oid", None), stamp)
    found = _expressions.get(key)
    if found is None:
        records = registry.collectionOfInterface(
            IBundleRegistry, prefix="plone.bundles", check=False
        )
        found = tuple(
            (name, Expression(record.expression))
            for name, record in sorted(records.items())
            if record.expression
        )
        if len(_expressions) > LIMIT:
            _expressions.clear()
        _expressions[key] = found
    return found


def _request_bundles(request):
    enabled, disabled = set(), set()
    while request is not None:
        enabled.update(getattr(request, "enabled_bundles", ()))
        disabled.update(getattr(request, "disabled_bundles", ()))
        request = request.get("PARENT_REQUEST", None)
    return tuple(sorted(enabled)), tuple(sorted(disabled))


class CachedResources:
    """Plone's resource viewlet, its output kept per process (see above)."""

    def cache_key(self):
        if webresource.config.development or getattr(getConfiguration(), "debug_mode", False):
            return None
        registry = getUtility(IRegistry)
        stamp = getattr(registry, _RESOURCE_REGISTRY_MTIME, None)
        if stamp is None:
            return None
        portal_state = getMultiAdapter((self.context, self.request), name="plone_portal_state")
        policy = theming_policy(self.request)
        theme = policy.get_theme() if policy.isThemeEnabled() else None
        theme_key = None
        if theme is not None:
            theme_key = tuple(
                getattr(theme, name, None)
                for name in (
                    "__name__",
                    "production_css",
                    "development_css",
                    "production_js",
                    "development_js",
                )
            ) + (tuple(theme.enabled_bundles or ()), tuple(theme.disabled_bundles or ()))
        custom_css = registry.forInterface(IThemeSettings, False).custom_css or ""
        expressions = tuple(
            (name, bool(evaluateExpression(expression, self.context)))
            for name, expression in _bundle_expressions(registry, stamp)
        )
        return (
            portal_state.portal_url(),
            stamp,
            theme_key,
            custom_css,
            _request_bundles(self.request),
            expressions,
        )

    def update(self):
        if getattr(self.request, REQUEST_CACHE_KEY, None) is not None:
            return super().update()  # the other viewlet built them for this request
        key = self.cache_key()
        found = _rendered.get(key) if key is not None else None
        if found is not None:
            self.rendered = found
            setattr(self.request, REQUEST_CACHE_KEY, found)
            return
        super().update()
        # An error while resolving leaves a part empty (and a message for
        # managers): never kept.
        if key is not None and self.rendered.get("js") and self.rendered.get("css"):
            if len(_rendered) > LIMIT:
                _rendered.clear()
            _rendered[key] = self.rendered


class CachedScriptsView(CachedResources, ScriptsView):
    """``plone.resourceregistries.scripts`` on Zhengwu sites."""


class CachedStylesView(CachedResources, StylesView):
    """``plone.resourceregistries.styles`` on Zhengwu sites."""
