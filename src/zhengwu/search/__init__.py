"""Chinese search: word segmentation for the catalog's full-text indexes,
ranking, synonyms and the search page. docs/search.md."""
