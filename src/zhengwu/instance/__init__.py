"""The Zope instance: the ``zhengwu`` command line (``cli``) and the
instance's configuration written from the tracked templates (``config``).

Nothing here runs inside Zope; the console script ``zhengwu`` is
``zhengwu.instance.cli:main`` (also ``python -m zhengwu.instance.cli``).
"""
