"""The worklist page petitions and disclosure requests share: what waits
for the current user, soonest due first, with the count of each flag."""

from Products.Five.browser import BrowserView


class WorklistPage(BrowserView):
    """Set ``worklist``: the domain's module whose ``entries(context,
    request)`` lists what waits, each entry with its ``flag``."""

    worklist = None

    def __call__(self):
        self.items = self.worklist.entries(self.context, self.request)
        return self.index()

    def count(self, flag):
        return sum(1 for i in self.items if i["flag"] == flag)
