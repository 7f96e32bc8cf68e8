"""Demo content (``zhengwu:demo``): a fictional city government.

示例市人民政府 with a handful of departments, one user for every role of the
design and content in every domain, each built by its own module
(``site``, ``disclosure``, ``guides``, ``petitions``, ``requests``) and put
online by ``publishing`` through the real three-level review.
``setuphandlers.post_install`` is the profile's one entry point.

The demo imports the domains; no domain imports the demo
(``tests/test_layering.py`` checks). Every demo user has the password
``site.DEMO_PASSWORD`` (documented in README.md), which is why a production
site is created with ``DEMO=0``.
"""
