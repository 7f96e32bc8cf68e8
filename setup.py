"""The Zhengwu distribution: a Plone 6.2 platform for Chinese government websites."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


HERE = Path(__file__).parent
long_description = (HERE / "README.md").read_text(encoding="utf-8")

# The files besides Python modules that Zhengwu needs at run time, in any of
# its packages: ZCML, page templates, GenericSetup XML and its CSV/TXT/JSON,
# the message catalogs, and the Diazo theme (HTML, manifest.cfg, CSS, JS,
# images).
PACKAGE_DATA = [
    "*.zcml",
    "*.pt",
    "*.xml",
    "*.json",
    "*.csv",
    "*.txt",
    "*.pot",
    "*.po",
    "*.mo",
    "*.html",
    "*.cfg",
    "*.css",
    "*.js",
    "*.svg",
    "*.png",
]

setup(
    name="zhengwu",
    version="0.1.0.dev0",
    description="Zhengwu (政务): a Plone 6.2 platform for Chinese government websites",
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Distribution",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Natural Language :: Chinese (Simplified)",
    ],
    # PEP 639: an SPDX expression, and no License classifier beside it.
    license_expression="GPL-2.0-only",
    python_requires=">=3.11",
    # The GenericSetup profiles live at the top level (DESIGN.md section 1) and
    # are shipped as the subpackage ``zhengwu.profiles``, so they load both from
    # an editable install and from a built wheel.
    #
    # Every folder is a package, those that hold only data (templates/,
    # theme/diazo/, locales/*/LC_MESSAGES/, the profiles' subfolders …)
    # included: setuptools treats every importable folder as a package, so
    # a data folder left out of ``packages`` makes it warn "Package would be
    # ignored" (and a later setuptools drop its files). The data files are
    # then declared per package by their extensions (PACKAGE_DATA below).
    package_dir={"": "src", "zhengwu.profiles": "profiles"},
    packages=find_namespace_packages(
        "src",
        include=["zhengwu", "zhengwu.*"],
        exclude=["zhengwu.profiles", "zhengwu.profiles.*", "*.__pycache__"],
    )
    + ["zhengwu.profiles"]
    + [
        "zhengwu.profiles." + name
        for name in find_namespace_packages("profiles", exclude=["__pycache__", "*.__pycache__"])
    ],
    include_package_data=False,
    package_data={"": PACKAGE_DATA},
    zip_safe=False,
    install_requires=[
        "setuptools",
        "Products.CMFPlone",
        "plone.classicui",
        "plone.api",
        "plone.restapi",
        "plone.app.multilingual",
        "plone.app.iterate",
        "collective.easyform",
        # production: HTTP caching rules and a caching proxy's purges (issue 16)
        "plone.app.caching",
        "plone.app.upgrade",
        "ZODB",
        # RelStorage's PostgreSQL driver, as a wheel (libpq inside): no C
        # compiler or libpq headers needed. RelStorage[postgresql] would pull
        # the source distribution psycopg2 instead (docs/installation.md).
        "RelStorage",
        "psycopg2-binary",
        "chinesecalendar",
        "holidays",
        "opencc",
        "Zope",
        "waitress",
    ],
    extras_require={
        "test": [
            "aiosmtpd",
            "plone.app.testing",
            "plone.restapi[test]",
            "pytest",
            "pytest-plone",
            "playwright",
            "requests",
            "ruff",
            "zpretty",
            "PyYAML",
            "pypdf",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
        "console_scripts": ["zhengwu = zhengwu.instance.cli:main"],
    },
)
