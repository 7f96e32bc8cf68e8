"""The header's tools (``zhengwu.headertools``): the script and language
switches (简体 / 繁體 / English), the 无障碍 toolbar and 长者模式.

The toolbar is built in (GB/T 37668-2019, 工信部《互联网网站适老化通用设计规范》):
no third-party script. Its buttons are rendered here with translated labels;
``static/toolbar.js`` gives them their behaviour and ``static/toolbar.css``
their effect on the page, through classes on ``<html>`` (``zw-text-1``…
``zw-text-4``, ``zw-contrast``, ``zw-spacing``, ``zw-cursor``, ``zw-guide``,
``zw-elder``) that ``EarlyScript`` sets from the reader's stored choices
before the page is painted. The strings the script speaks or shows are
handed to it as translated JSON (``messages``).
"""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import ITranslationManager
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.theme import variants
import json


# Text sizes: the steps of 字号 (percent of the normal size), up to 200%.
TEXT_STEPS = (100, 125, 150, 175, 200)
# The step 长者模式 starts from.
ELDER_STEP = 2
STORAGE_KEY = "zhengwu.a11y"


def _english_root():
    portal = api.portal.get()
    languages = api.portal.get_registry_record("plone.available_languages", default=[])
    root = portal.get("en") if "en" in languages else None
    if root is None or not api.user.has_permission("View", obj=root):
        return None
    return root


def english_url(context, request):
    """The English translation of ``context`` when there is one the reader
    may see, else the English site's root; None without an English site.
    Never with the Traditional marker: English pages are not converted."""
    root = _english_root()
    if root is None:
        return None
    url = None
    if ITranslatable.providedBy(context):
        # What ITranslationManager.get_restricted_translation finds, by its
        # catalog entry: the page needs the URL, not the object woken.
        # Most pages have no English translation at all: the unrestricted
        # look-up (two field indexes) says so without the reader's filters.
        manager = ITranslationManager(context)
        query = {"TranslationGroup": manager.tg, "Language": "en"}
        if manager.pcatalog.unrestrictedSearchResults(**query):
            brains = manager.pcatalog.searchResults(**query)
            if len(brains) == 1:
                url = brains[0].getURL()
    return variants.simplified_url(request, url or root.absolute_url())


def chinese_original(context):
    """The Chinese translation of ``context`` the reader may see, if any
    (in zh-cn, or in no language at all when written before the site was
    multilingual)."""
    if not ITranslatable.providedBy(context):
        return None
    translations = ITranslationManager(context).get_restricted_translations()
    for language in ("zh-cn", *sorted(translations), ""):
        if language in translations and (not language or language.startswith("zh")):
            return translations[language]
    return None


class ScriptSwitch(ViewletBase):
    """简体 / 繁體 / English. The first two are the same page in two scripts;
    English leads to the English site."""

    index = ViewPageTemplateFile("templates/script_switch.pt")

    def update(self):
        super().update()
        request = self.request
        self.traditional = variants.is_traditional(request)
        language = (self.context.Language() if hasattr(self.context, "Language") else "") or ""
        self.chinese = not language or language.lower().startswith("zh")
        self.simplified_href = variants.simplified_url(request)
        self.traditional_href = variants.traditional_url(request)
        self.english_href = english_url(self.context, request)
        if not self.chinese:
            # On the English site the Chinese links lead to the Chinese site.
            portal = api.portal.get()
            chinese = chinese_original(self.context)
            chinese = chinese if chinese is not None else portal.get("zh-cn", portal)
            self.simplified_href = variants.simplified_url(request, chinese.absolute_url())
            self.traditional_href = variants.traditional_url(request, chinese.absolute_url())


class AccessibilityToolbar(ViewletBase):
    """无障碍 (the toolbar's panel) and 长者模式 (one button)."""

    index = ViewPageTemplateFile("templates/toolbar.pt")

    def messages(self):
        """The strings the script shows or speaks, translated, as JSON."""
        messages = {
            "textSize": _("Text size: ${size}%"),
            "noSpeech": _("This browser cannot read aloud (no speech synthesis)."),
            "noVoice": _(
                "No Chinese (zh-CN) voice is installed in this browser or system: "
                "reading aloud is not available."
            ),
            "reading": _("Reading aloud…"),
            "stopped": _("Reading stopped."),
            "nothing": _("There is no text to read."),
            "reset": _("Display settings reset."),
            "elderOn": _("Elder mode on."),
            "elderOff": _("Elder mode off."),
            "read": _("Read aloud"),
            "stop": _("Stop reading"),
        }
        strings = {key: translated(message, self.request) for key, message in messages.items()}
        strings["steps"] = TEXT_STEPS
        strings["elderStep"] = ELDER_STEP
        return json.dumps(strings, ensure_ascii=False)


class EarlyScript(ViewletBase):
    """In ``<head>``: the reader's stored choices applied to ``<html>``
    before the page is painted (no flash of the default look)."""

    index = ViewPageTemplateFile("templates/early.pt")

    def script(self):
        return EARLY_SCRIPT.replace("STORAGE_KEY", json.dumps(STORAGE_KEY)).replace(
            "ELDER_STEP", str(ELDER_STEP)
        )


# One source of the classes a state gives <html>: toolbar.js calls
# window.zhengwuA11y.apply(state) defined here.
EARLY_SCRIPT = """(function () {
  var root = document.documentElement, KEY = STORAGE_KEY;
  var names = ["zw-contrast", "zw-spacing", "zw-cursor", "zw-guide", "zw-elder"];
  function classes(s) {
    var text = Math.max(s.text || 0, s.elder ? ELDER_STEP : 0), out = [];
    if (text > 0) { out.push("zw-text-" + text); }
    if (s.contrast) { out.push("zw-contrast"); }
    if (s.spacing || s.elder) { out.push("zw-spacing"); }
    if (s.cursor) { out.push("zw-cursor"); }
    if (s.guide) { out.push("zw-guide"); }
    if (s.elder) { out.push("zw-elder"); }
    return out;
  }
  function apply(s) {
    var keep = root.className.split(/\\s+/).filter(function (c) {
      return c && names.indexOf(c) < 0 && !/^zw-text-\\d$/.test(c);
    });
    root.className = keep.concat(classes(s)).join(" ");
  }
  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; }
    catch (e) { return {}; }
  }
  function save(s) {
    try { window.localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) {}
  }
  window.zhengwuA11y = {key: KEY, apply: apply, load: load, save: save};
  apply(load());
})();"""
