"""Words the domains give the search's dictionary, without the search
knowing the domains (it is a shared room: ``tests/test_layering.py``).

A domain registers a named utility providing ``ISearchTerms``: a callable
answering the words (titles of its classifications, say) that should be
one word each. The disclosure catalog gives its subject classification.
"""

from zope.component import getUtilitiesFor
from zope.interface import Interface


class ISearchTerms(Interface):
    """A callable: ``()`` → the words a domain adds to the dictionary."""


def domain_words():
    """The words every registered ``ISearchTerms`` gives (none before the
    configuration is loaded)."""
    words = []
    for _name, provider in sorted(getUtilitiesFor(ISearchTerms), key=lambda pair: pair[0]):
        words += [word for word in provider() if word]
    return words
