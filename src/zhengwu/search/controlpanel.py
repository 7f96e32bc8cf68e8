"""The search's control panel (``@@zhengwu-search``, and
``@controlpanels/zhengwu-search``): the site's words, synonyms and
corrections. Changed words change how text is cut: the full text is
reindexed at once on a site up to ``REINDEX_NOW`` items, else the
administrator is told to run ``zhengwu reindex-search`` and how long it
takes."""

from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from plone.z3cform import layout
from zhengwu import _
from zhengwu.search import reindex
from zhengwu.search.settings import ISearchSettings
from zhengwu.search.settings import PREFIX
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.interface import Interface
import logging


logger = logging.getLogger("zhengwu.search")

REINDEX_NOW = 5000  # items: about half a minute (docs/benchmarks.md)
ITEMS_PER_SECOND = 150  # the measured reindexing rate the estimate uses


class SearchSettingsEditForm(RegistryEditForm):
    schema = ISearchSettings
    schema_prefix = PREFIX
    label = _("Search")
    description = _(
        "The words the search keeps whole, synonyms and corrections of "
        "frequent misspellings (docs/search.md)."
    )


SearchSettingsControlPanel = layout.wrap_form(SearchSettingsEditForm, ControlPanelFormWrapper)


@adapter(Interface, IControlpanelLayer)
class SearchSettingsConfigletPanel(RegistryConfigletPanel):
    """The same settings at @controlpanels/zhengwu-search."""

    schema = ISearchSettings
    schema_prefix = PREFIX
    configlet_id = "zhengwu-search"
    configlet_category_id = "plone-general"
    title = _("Search")
    group = "General"


def _say(message, kind="info"):
    request = getRequest()
    if request is None:
        return
    try:
        api.portal.show_message(message, request=request, type=kind)
    except Exception:  # noqa: BLE001 - a REST request has no status messages
        logger.info("%s", message)


def words_changed(settings, event):
    """IRecordModifiedEvent: the site's words changed; reindex the full
    text now on a small site, else say how."""
    if event.record.__name__ != f"{PREFIX}.user_words":
        return
    if list(event.oldValue or []) == list(event.newValue or []):
        return
    catalog = api.portal.get_tool("portal_catalog")
    size = len(catalog)
    if size <= REINDEX_NOW:
        reindex.reindex(catalog)
        _say(
            _(
                "search_reindexed",
                default="The full text of ${count} items was reindexed with the new words.",
                mapping={"count": size},
            )
        )
        return
    minutes = max(1, round(size / ITEMS_PER_SECOND / 60))
    _say(
        _(
            "search_reindex_needed",
            default="The new words apply to content indexed from now on. To apply them "
            "to all ${count} items, run `zhengwu reindex-search` on the server (about "
            "${minutes} minutes).",
            mapping={"count": size, "minutes": minutes},
        ),
        "warning",
    )
