# Zhengwu: the whole developer vocabulary. `make start` and `make test` are
# all a fresh machine needs (Python 3.11+; PostgreSQL only for RelStorage).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8080
export PORT

.PHONY: help install install-dev start create-site serve backup restore test test-quick test-storage test-browser lint format i18n constraints versions.cfg buildout clean

help:  ## list the targets
	@grep -E '^[a-zA-Z_.-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	@echo "[zhengwu] Creating the virtual environment $(VENV) …"
	$(PYTHON) -c 'import sys; sys.exit("Zhengwu needs Python 3.11 or newer." if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Two install levels, one stamp each: `make install` is what runs the site
# (Zhengwu, Plone 6.2, plone.app.caching, plone.app.upgrade, RelStorage and its
# PostgreSQL driver psycopg2-binary, all wheels); `make install-dev` adds the
# test and build tools on top (the `test` extra, i18ndude, zc.buildout,
# plone.recipe.zope2instance, build, and axe-core with npm). Going from the
# first to the second only adds. Both install Zhengwu editable: the checkout is
# what runs (instance/ lives in it, an upgrade is `git pull` + `make install` +
# a restart, and the tests test src/), and the profiles load from profiles/
# through setup.py's package_dir. `pip install -c constraints.txt .` builds
# the same as a wheel (tests/packaging/test_wheel.py).
PIP_INSTALL := $(BIN)/pip install --quiet --progress-bar off -c constraints.txt

$(VENV)/.installed: $(BIN)/python setup.py pyproject.toml constraints.txt
	@echo "[zhengwu] Installing Plone 6.2 and Zhengwu with the pinned versions (constraints.txt) …"
	@# A .venv made before psycopg2-binary has psycopg2 built from source: the
	@# same module directory, so the two must not both be installed.
	@if $(BIN)/pip show -q psycopg2 >/dev/null 2>&1; then \
	  echo "[zhengwu] Replacing psycopg2 (built from source) by psycopg2-binary …"; \
	  $(BIN)/pip uninstall --quiet --yes psycopg2; \
	  if $(BIN)/pip show -q psycopg2-binary >/dev/null 2>&1; then $(BIN)/pip uninstall --quiet --yes psycopg2-binary; fi; \
	fi
	$(PIP_INSTALL) setuptools
	$(PIP_INSTALL) --no-build-isolation -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	@echo "[zhengwu] Installing the test and build tools (pytest, Playwright, ruff, zpretty, i18ndude, zc.buildout …) …"
	$(PIP_INSTALL) --no-build-isolation -e '.[test]' i18ndude zc.buildout plone.recipe.zope2instance build
	@touch $@

install: $(VENV)/.installed  ## create .venv and install what runs the site (pinned, no test tools)

install-dev: $(VENV)/.installed-dev node_modules  ## install, plus the test, lint, i18n and buildout tools

# axe-core for the browser tests' accessibility checks and @plone/client for
# the headless client test (package.json, package-lock.json); skipped with a
# note where Node.js is not installed.
node_modules: package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  echo "[zhengwu] Installing axe-core and @plone/client for the browser and headless tests (npm ci) …"; \
	  npm ci --no-audit --no-fund --loglevel=error && touch node_modules; \
	else \
	  echo "[zhengwu] npm not found: the browser tests will skip their axe-core checks."; \
	fi

start: install  ## create the site (with demo content unless DEMO=0) and serve it on http://localhost:$(PORT)/Plone
	$(BIN)/zhengwu start

create-site: install  ## create the site without serving it
	$(BIN)/zhengwu configure
	$(BIN)/zhengwu create-site

serve: install  ## serve an existing site
	$(BIN)/zhengwu configure
	$(BIN)/zhengwu serve

backup: install  ## back up the site into BACKUP_DIR (instance/var/backups): repozo + blobs, or pg_dump on RelStorage
	$(BIN)/zhengwu backup $(if $(filter 1 yes true,$(FULL)),--full)

restore: install  ## restore FROM=<backup folder> (server stopped; FORCE=1 replaces existing data)
	$(BIN)/zhengwu restore --from "$(FROM)" $(if $(filter 1 yes true,$(FORCE)),--force)

.PHONY: prod prod-stop

prod: install  ## the production stack here: Varnish on PROD_PORT (8000) → HAProxy → Zope on ZOPE_PORTS (8081,8082) → RelStorage (ZHENGWU_DSN)
	$(BIN)/python -m zhengwu.instance.stack up

prod-stop:  ## stop what `make prod` started
	@if [ -x $(BIN)/python ]; then $(BIN)/python -m zhengwu.instance.stack down; \
	  else echo "[zhengwu] No $(VENV): nothing was started by make prod."; fi

test: install-dev  ## run every test (unit, integration, storage on FileStorage and RelStorage, packaging, browser)
	$(BIN)/pytest

test-quick: install-dev  ## unit, integration and REST tests: no browser, storage or packaging tests
	$(BIN)/pytest -m "not slow"

test-storage: install-dev  ## only the storage and fault tests (real processes, PostgreSQL, HAProxy)
	$(BIN)/pytest tests/storage tests/faults

test-browser: install-dev  ## only the browser tests (Playwright with /usr/bin/chromium)
	$(BIN)/pytest tests/browser

lint: install-dev  ## ruff for Python, zpretty for XML and ZCML
	$(BIN)/ruff check src tests profiles benchmarks
	$(BIN)/ruff format --check src tests profiles benchmarks
	find src profiles -name '*.zcml' -o -name '*.xml' | xargs $(BIN)/zpretty --check

format: install-dev  ## rewrite the code in the project's style
	$(BIN)/ruff check --fix src tests profiles benchmarks
	$(BIN)/ruff format src tests profiles benchmarks
	find src profiles -name '*.zcml' -o -name '*.xml' | xargs $(BIN)/zpretty -i

i18n: install-dev  ## rebuild zhengwu.pot from the code and sync the zh_CN and en catalogs
	$(BIN)/python -m zhengwu.locales

constraints: install-dev  ## regenerate constraints.txt and versions.cfg from the installed .venv (with the test tools)
	{ sed -n '/^#/p' constraints.txt; $(BIN)/pip freeze --all | grep -v -e '^-e' -e '^pip==' -e '^zhengwu' | sort -f; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	$(MAKE) versions.cfg

versions.cfg: constraints.txt  ## buildout's pins, generated from constraints.txt
	{ echo '# Generated from constraints.txt by `make versions.cfg`: edit constraints.txt instead.'; \
	  echo '[versions]'; \
	  sed -n 's/^\([^#][^=]*\)==\(.*\)$$/\1 = \2/p' constraints.txt; } > versions.cfg

buildout: install-dev  ## the buildout way to the same instance (bin/instance)
	$(BIN)/buildout -N -c buildout.cfg

clean:  ## remove .venv and build artefacts (keeps instance/var: your data)
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info bin eggs develop-eggs parts .installed.cfg
