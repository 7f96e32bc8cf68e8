"""The Zhengwu distribution: a Plone 6.2 platform for Chinese government websites."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


HERE = Path(__file__).parent
if not (HERE / "src" / "zhengwu" / "profiles" / "default" / "metadata.xml").is_file():
    raise SystemExit(
        "src/zhengwu/profiles must be the symlink to ../../profiles (tracked in git): "
        "check out the repository with symlinks enabled."
    )
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
    "*.yaml",
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
    # ship as the subpackage ``zhengwu.profiles`` through the tracked symlink
    # src/zhengwu/profiles -> ../../profiles, so they load from an editable
    # install, from PYTHONPATH=src and from a built wheel (which holds the
    # files themselves). With the plain src layout, the editable install is a
    # .pth file naming src/ (a package_dir mapping for the profiles would make
    # setuptools install an import hook instead, and warn about it).
    #
    # Every folder is a package, those that hold only data (templates/,
    # theme/diazo/, locales/*/LC_MESSAGES/, the profiles' subfolders …)
    # included: setuptools treats every importable folder as a package, so a
    # data folder left out of ``packages`` makes it warn "Package would be
    # ignored". The data files are declared by extension (PACKAGE_DATA).
    package_dir={"": "src"},
    packages=find_namespace_packages(
        "src", include=["zhengwu", "zhengwu.*"], exclude=["*.__pycache__"]
    ),
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
        # Chinese search (issue 19): word segmentation, pinyin suggestions
        "jieba",
        "pypinyin",
        # two-factor login for staff (issue 17): TOTP and its QR code as SVG
        "pyotp",
        "segno",
        # the OpenAPI document served at @openapi (zhengwu/site/openapi.yaml)
        "PyYAML",
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
            "pypdf",
            # the REST contract (issue 18): OpenAPI validity and a fuzzer
            "openapi-spec-validator",
            "schemathesis",
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
