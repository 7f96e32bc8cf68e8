"""``@@search`` for the product's browser layer: the site's search page
with ranked results, snippets, filters with counts, the sort switch,
batching and suggestions when nothing is found (docs/search.md).
Replaces Plone's classic search page (Products.CMFPlone.browser.search)."""

from plone.base.batch import Batch
from Products.Five import BrowserView
from urllib.parse import urlencode
from zhengwu import _
from zhengwu.faceted import FacetedPage
from zhengwu.i18n import translated
from zhengwu.rest import BadRequest
from zhengwu.search import ranking
from zhengwu.search.site_search import EntryWriter
from zhengwu.search.site_search import fewer_words
from zhengwu.search.site_search import FILTERS
from zhengwu.search.site_search import Selection
from zhengwu.search.site_search import SiteSearch


SORT_TITLES = (
    (ranking.RELEVANCE, _("search_sort_relevance", default="相关度")),
    (ranking.NEWEST, _("search_sort_newest", default="时间")),
)


class SearchView(FacetedPage, BrowserView):
    facet_names = FILTERS
    facet_labels = {
        "type": _("search_filter_type", default="类型"),
        "department": _("search_filter_department", default="部门"),
        "time": _("search_filter_time", default="时间范围"),
    }

    def __call__(self):
        self.error = None
        try:
            self.selection = Selection(self.request.form)
            self.search = SiteSearch(self.context, self.selection, self.request)
        except BadRequest as error:
            self.error = translated(error.message, self.request)
            self.selection = Selection({})
            self.search = SiteSearch(self.context, self.selection, self.request)
        self.writer = EntryWriter(self.search, self.request)
        return self.index()

    def page_url(self):
        return f"{self.context.absolute_url()}/@@search"

    def params(self):
        selection = self.selection
        # SearchableText as in the header's box: the Traditional-characters
        # hook (theme.variants.simplify_search_terms) reads that name.
        params = {"SearchableText": selection.text}
        params.update(selection.filters)
        if selection.filters.get("time") == "custom":
            params["since"] = selection.since.isoformat() if selection.since else None
            params["until"] = selection.until.isoformat() if selection.until else None
        params["sort"] = selection.sort_on
        return params

    def _url(self, **changes):
        params = self.params()
        if "time" in changes and changes["time"] != "custom":
            params.pop("since", None)
            params.pop("until", None)
        params.update(changes)
        params = {k: v for k, v in params.items() if v not in (None, "")}
        return f"{self.page_url()}?{urlencode(params)}"

    def query_url(self, text):
        """A search for ``text`` with the rest of the selection cleared."""
        return f"{self.page_url()}?{urlencode({'SearchableText': text})}"

    def asked(self):
        return self.selection.asked()

    def batch(self):
        if not self.asked():
            return Batch([], self.selection.b_size, 0)
        return super().batch()

    def results(self, batch):
        return self.writer.entries(batch)

    def sorts(self):
        return [
            {
                "value": value,
                "title": title,
                "selected": value == self.selection.sort_on,
                "url": self._url(sort=value, b_start=None),
            }
            for value, title in SORT_TITLES
        ]

    def corrected(self):
        return self.selection.understood.corrected

    def suggestions(self):
        """What to try when nothing was found: the suggestions of the query's
        understanding (synonyms, pinyin, corrections), then fewer words."""
        seen = {self.selection.text}
        out = []
        for text in list(self.selection.understood.suggestions) + fewer_words(self.selection):
            if text and text not in seen:
                seen.add(text)
                out.append({"text": text, "url": self.query_url(text)})
        return out

    def custom_range(self):
        selection = self.selection
        return {
            "since": selection.since.isoformat() if selection.since else "",
            "until": selection.until.isoformat() if selection.until else "",
        }
