"""The Zhengwu distribution: a Plone 6.2 platform for Chinese government websites."""

from pathlib import Path
from setuptools import find_packages
from setuptools import setup


long_description = (Path(__file__).parent / "README.md").read_text(encoding="utf-8")

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
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
        "Natural Language :: Chinese (Simplified)",
    ],
    license="GPL-2.0-only",
    python_requires=">=3.11",
    # The GenericSetup profiles live at the top level (DESIGN.md section 1) and
    # are shipped as the subpackage ``zhengwu.profiles``, so they load both from
    # an editable install and from a built wheel.
    package_dir={"": "src", "zhengwu.profiles": "profiles"},
    packages=find_packages("src") + ["zhengwu.profiles"],
    include_package_data=True,
    package_data={
        "zhengwu.profiles": ["*.zcml", "**/*.xml", "**/*.txt", "**/*.json", "**/*.csv"],
        "zhengwu": [
            "**/*.zcml",
            "**/*.pt",
            "**/*.json",
            "**/*.pot",
            "**/*.po",
            "**/*.mo",
            "**/*.js",
            "**/*.css",
            # the Diazo theme and its images (zhengwu.theme)
            "theme/diazo/*",
            "theme/static/*",
        ],
    },
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
        "RelStorage[postgresql]",
        "psycopg2",
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
        # `egg:zhengwu#outage` in a PasteDeploy pipeline (buildout.cfg):
        # a database outage answers 503 (zhengwu.instance.outage)
        "paste.filter_factory": ["outage = zhengwu.instance.outage:filter_factory"],
    },
)
