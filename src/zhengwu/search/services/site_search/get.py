"""GET <site or language root>/@site-search: the search page's results for
front-ends — ranked, filtered, with counts, snippets and suggestions."""

from zhengwu import _
from zhengwu.rest import BadRequest
from zhengwu.rest import batched
from zhengwu.rest import Service
from zhengwu.search.site_search import EntryWriter
from zhengwu.search.site_search import fewer_words
from zhengwu.search.site_search import Selection
from zhengwu.search.site_search import SiteSearch


class SiteSearchGet(Service):
    def reply(self):
        selection = Selection(self.request.form)
        if not selection.asked():
            raise BadRequest(_("Give the words to search for (q), or a filter."), "q")
        found = SiteSearch(self.context, selection, self.request)
        writer = EntryWriter(found, self.request)
        # Entries of the page only: a record the reader may not view is
        # left out by the writer (None), not shown as an empty entry.
        result = batched(
            self.request, found.page(), selection.b_start, selection.b_size, writer.entry
        )
        result["items"] = [item for item in result["items"] if item is not None]
        result["facets"] = found.facets()
        understood = selection.understood
        result["query"] = {
            "q": selection.text,
            "searched": understood.query,
            "words": list(understood.words),
            "corrected": understood.corrected,
            "sort": selection.sort_on,
        }
        suggestions = []
        if not result["items_total"]:
            for text in list(understood.suggestions) + fewer_words(selection):
                if text and text != selection.text and text not in suggestions:
                    suggestions.append(text)
        result["suggestions"] = suggestions
        return result
